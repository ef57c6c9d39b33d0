"""Tests, mirroring the package they test."""
