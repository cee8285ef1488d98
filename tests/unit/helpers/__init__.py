"""Shared helpers for the unit tests: a loopback HTTP server and identity fixtures."""
