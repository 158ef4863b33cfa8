"""Seeded bulk deliveries of any dataset, resampled from its valid sample records.

:mod:`kontrak.synthetic` invents credit-point records from scratch. For the other datasets the
benchmark multiplies the valid JSON Lines samples instead: each record is a copy of a sample
record with a fresh primary key (a new SIASN id, SIPKA id or NIP sequence, so keys stay unique),
and a share of them carries one to three faults of the generic kinds (wrong type, broken pattern,
missing or extra field, null) from :data:`kontrak.synthetic.FAULTS`.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.contract import Contract
from kontrak.synthetic import FAULTS

__all__ = ["GENERIC_FAULTS", "ResampledRecords", "sample_records"]

GENERIC_FAULTS = ("wrong-type", "bad-pattern", "missing", "extra", "null")


def sample_records(samples: Path, contract: Contract) -> list[dict[str, Any]]:
    """The records of the valid JSON Lines samples of ``contract`` (from both agencies)."""
    folder = samples / contract.dataset / contract.version / "valid"
    records: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def _fresh_key(rng: random.Random, value: Any, index: int) -> Any:
    """A new key of the same shape as ``value`` (hex id, UUID, SIPKA id, NIP)."""
    if not isinstance(value, str):
        return value
    if len(value) == 32 and all(c in "0123456789abcdefABCDEF" for c in value):
        text = f"{rng.getrandbits(128):032x}"
        return text.upper() if value.isupper() else text
    if len(value) == 36 and value.count("-") == 4:
        h = f"{rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    if len(value) == 18 and value.isdigit():
        return value[:15] + f"{1 + index % 999:03d}"
    head = value.rstrip("0123456789")
    return f"{head}{index:0{max(len(value) - len(head), 7)}d}"


@dataclass
class ResampledRecords:
    """A seeded stream of records of one dataset, resampled from its valid samples.

    Attributes:
        contract: the contract the records are for.
        samples: the valid sample records to copy.
        seed: the random seed (same seed, same records).
        invalid_rate: share of records with one to three faults.
    """

    contract: Contract
    samples: list[dict[str, Any]]
    seed: int = 20240601
    invalid_rate: float = 0.01

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        """Yield ``count`` records."""
        rng = random.Random(self.seed)  # noqa: S311 - synthetic data, not secrets
        faults = [FAULTS[name] for name in GENERIC_FAULTS]
        keys = self.contract.primary_key
        for index in range(count):
            record = copy.deepcopy(rng.choice(self.samples))
            for key in keys:
                record[key] = _fresh_key(rng, record.get(key), index)
            if rng.random() < self.invalid_rate:
                for fault in rng.sample(faults, rng.randint(1, 3)):
                    fault(rng, record, self.contract)
            yield record
