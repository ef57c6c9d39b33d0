"""Builders and generated fixtures shared across test folders (imported as ``tests.helpers``)."""
