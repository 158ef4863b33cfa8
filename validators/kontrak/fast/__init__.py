"""The fast engine: the same verdicts, codes and locations as the reference, at bulk speed.

The reference engine (python-jsonschema, :mod:`kontrak.engine.structure`) checks every record in
Python. The fast engine screens records first and sends only the ones that may hold a violation
to an exact per-record check:

* JSON Lines and JSON arrays: ``orjson`` parses each record, a ``jsonschema-rs`` validator
  (formats turned into equivalent patterns) says whether it is valid, a key count rules out
  repeated keys, and the domain rules run vectorised in ``polars`` over batches of records;
* CSV: ``polars`` splits the lines into cells and runs checks compiled from the contract (and the
  vectorised rules) over whole columns;
* Excel: the reference reader, then the same batches as JSON.

A record that fails any screen is checked exactly: read again the way the reference reader reads
it, its structure findings from ``jsonschema-rs`` mapped to catalog codes (or from the reference
validator when a keyword has no exact mapping), then the per-record rule implementations. The
screens may flag a valid record (it is then checked exactly and found valid) but never pass an
invalid one; ``tests/acceptance/test_engine_differential.py`` proves the engines agree on every
sample and on seeded generated data.
"""

from __future__ import annotations

__all__: list[str] = []
