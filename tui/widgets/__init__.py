"""Widgets of the reader app, one per file."""
