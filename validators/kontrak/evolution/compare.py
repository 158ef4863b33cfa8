"""Compare two versions of a dataset contract, and a version with every earlier one.

``compare_contracts(old, new)`` lists every change with the directions it breaks;
``compat_result`` adds the comparisons against the other earlier versions that the TRANSITIVE
modes need, and applies the reviewed waivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kontrak.catalog import Catalog
from kontrak.contract import Contract, load_contract
from kontrak.evolution.contract_diff import contract_changes
from kontrak.evolution.deref import dereference_contract
from kontrak.evolution.model import Change, Comparison, CompatResult, Mode
from kontrak.evolution.reference_tables import read_reference_codes, reference_reader
from kontrak.evolution.relation_diff import code_changes, foreign_key_changes, kind_changes
from kontrak.evolution.schema_diff import SchemaDiffer
from kontrak.evolution.waivers import Waiver, apply_waivers, load_waivers
from kontrak.exceptions import KontrakError
from kontrak.versions import version_key

__all__ = ["compare_contracts", "compat_result", "dataset_mode", "top_level_renames"]


def top_level_renames(changes: Sequence[Change]) -> dict[str, str]:
    """Old key → new key of every renamed top-level field."""
    return {
        c.ctx["old"]: c.ctx["new"]
        for c in changes
        if c.rule == "key-renamed" and c.path.count("/") == 2 and c.path.startswith("/properties/")
    }


def _contracts_root(contract: Contract) -> Path:
    """The ``contracts/`` folder a contract was read from (dataset ids may contain ``/``)."""
    return contract.path.parents[contract.dataset.count("/") + 2]


def _table_changes(old: Contract, new: Contract) -> list[Change]:
    """Codes removed or added between two versions of a reference table (its data.csv)."""
    if old.meta.get("kind") != "reference" or new.meta.get("kind") != "reference":
        return []
    column = new.primary_key[0]
    old_codes = read_reference_codes(_contracts_root(old), old.dataset, old.version, column)
    new_codes = read_reference_codes(_contracts_root(new), new.dataset, new.version, column)
    if old_codes is None or new_codes is None:
        return []
    return code_changes(old_codes, new_codes, column)


def _order(change: Change) -> tuple[str, str]:
    return (change.path, change.rule)


def compare_contracts(
    old: Contract,
    new: Contract,
    *,
    old_source: str | None = None,
    new_source: str | None = None,
    waivers: tuple[Waiver, ...] = (),
) -> Comparison:
    """Every change from ``old`` to ``new`` (two versions of one dataset)."""
    if old.dataset != new.dataset:
        msg = (
            f"hanya versi dari dataset yang sama yang dapat dibandingkan / only versions of one "
            f"dataset can be compared: {old.spec} vs {new.spec}"
        )
        raise KontrakError(msg)
    before, after = dereference_contract(old), dereference_contract(new)
    roots = (_contracts_root(new), _contracts_root(old))
    differ = SchemaDiffer(
        tolerant=(old.extra_fields_severity == "warning", new.extra_fields_severity == "warning"),
        reference_values=reference_reader(roots),
    )
    changes = differ.node(
        {k: v for k, v in before.items() if k != "x-kontrak"},
        {k: v for k, v in after.items() if k != "x-kontrak"},
        "",
        None,
    )
    required = (frozenset(before.get("required", ())), frozenset(after.get("required", ())))
    renames = top_level_renames(changes)
    changes += contract_changes(before["x-kontrak"], after["x-kontrak"], required, renames)
    changes += foreign_key_changes(
        before["x-kontrak"].get("foreign-keys", []),
        after["x-kontrak"].get("foreign-keys", []),
        renames,
    )
    changes += kind_changes(before["x-kontrak"], after["x-kontrak"])
    changes += _table_changes(old, new)
    comparison = Comparison(
        dataset=new.dataset,
        old=old.version,
        new=new.version,
        changes=tuple(sorted(changes, key=_order)),
        old_source=old_source,
        new_source=new_source,
    )
    return apply_waivers(comparison, waivers)


def dataset_mode(catalog: Catalog, dataset: str) -> Mode:
    """The compatibility mode the catalog sets for ``dataset`` (default BACKWARD_TRANSITIVE)."""
    return Mode(catalog.dataset(dataset).compatibility)


def compat_result(
    catalog: Catalog,
    old: Contract,
    new: Contract,
    *,
    mode: Mode | None = None,
    old_source: str | None = None,
    waivers: tuple[Waiver, ...] | None = None,
) -> CompatResult:
    """Compare ``old`` with ``new``, then every other catalog version older than ``new``.

    ``new`` is read from ``catalog`` (the working tree); ``old`` may come from a git revision
    (``old_source``). The earlier versions for the TRANSITIVE modes come from ``catalog``.
    """
    waivers = load_waivers(catalog.root) if waivers is None else waivers
    primary = compare_contracts(old, new, old_source=old_source, waivers=waivers)
    entry = catalog.dataset(new.dataset)
    others = []
    for version in entry.versions:
        if version_key(version.version) >= version_key(new.version):
            continue
        if version.version == old.version:
            continue  # the primary comparison covers it (from the working tree or the revision)
        earlier = load_contract(f"{entry.id}@{version.version}", catalog)
        others.append(compare_contracts(earlier, new, waivers=waivers))
    return CompatResult(
        dataset=new.dataset,
        mode=mode or dataset_mode(catalog, new.dataset),
        comparisons=(primary, *others),
    )
