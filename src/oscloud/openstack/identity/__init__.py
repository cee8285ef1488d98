"""Identity (Keystone): tokens for v3 and the legacy v2.0."""
