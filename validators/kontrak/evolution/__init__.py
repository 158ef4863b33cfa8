"""Contract evolution: compatibility between versions, frozen releases, the version-bump gate.

- :mod:`~kontrak.evolution.compare` compares two contract versions and lists every change with
  its rule id and the directions it breaks (BACKWARD, FORWARD; FULL and the transitive forms
  are derived), modelled on Confluent Schema Registry's JSON Schema diff plus metadata rules.
- :mod:`~kontrak.evolution.lock` keeps ``contracts/released.lock``: sha256 of every released file.
- :mod:`~kontrak.evolution.gate` is ``kontrak check --against GIT_REF``: a breaking change needs a
  major version, an additive one a minor, a documentation-only one a patch.
- :mod:`~kontrak.evolution.changelog` renders a changelog page per dataset for the docs.
"""

from __future__ import annotations

__all__: list[str] = []
