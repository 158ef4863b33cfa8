"""Validation engines: each turns one record into findings with catalog codes."""
