"""Identity v3 resources."""
