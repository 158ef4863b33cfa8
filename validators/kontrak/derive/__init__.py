"""Derived files: everything generated from the contracts, with one command to regenerate them.

``kontrak generate`` writes them; ``kontrak generate --check`` (and ``kontrak check``) fails when
one is missing, different, or left over from a contract that no longer exists.
"""

from __future__ import annotations

from kontrak.derive.plan import DerivedFile, Drift, apply_plan, build_plan, find_drift

__all__ = ["DerivedFile", "Drift", "apply_plan", "build_plan", "find_drift"]
