"""Helpers shared by tests: a local runner for the composite action, docs example extraction, Excel workbooks."""
