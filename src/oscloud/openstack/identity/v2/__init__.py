"""Identity v2.0 resources (legacy clouds)."""
