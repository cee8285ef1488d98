"""Compute (Nova): servers and their actions, with the v2.1 API and its microversions."""
