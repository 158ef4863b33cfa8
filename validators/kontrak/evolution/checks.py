"""What ``kontrak check`` verifies about contract evolution, without git.

- ``agreement``: agreement.yaml against its schema; every version introduced by a document;
  released versions by signed documents; major versions by amendments (Pasal 12).
- ``lifecycle``: status dates (a retired version has ``until``; ``until`` is not before
  ``since``).
- ``released-lock``: every released file is in ``contracts/released.lock`` with its sha256.
- ``deprecation``: an ``x-deprecated`` field is optional and its replacement exists.
- ``waivers``: the waivers file against its schema; every waiver still matches a change.
- ``version-bump``: each version is numbered right for its changes since its predecessor.
"""

from __future__ import annotations

from collections.abc import Iterator

from jsonschema import Draft202012Validator

from kontrak.catalog import Catalog
from kontrak.contract import load_contract
from kontrak.evolution.agreement import agreement_issues
from kontrak.evolution.bump import BumpVerdict, bump_verdicts, next_version
from kontrak.evolution.deprecation import field_deprecation
from kontrak.evolution.lock import lock_issues
from kontrak.evolution.waivers import WAIVERS_FILE, load_waivers, waiver_matches
from kontrak.formats import FORMAT_CHECKER
from kontrak.schema_registry import build_registry, load_json_file
from kontrak.versions import version_key
from kontrak.yaml_io import load_yaml

__all__ = ["Issue", "bump_message", "evolution_issues"]

Issue = tuple[str, str, str]
"""``(check, path, message)``."""

_NEED = {
    "major": (
        "perubahan yang memutus kompatibilitas ({mode}) perlu versi mayor",
        "breaking changes ({mode}) need a major version",
    ),
    "minor": (
        "perubahan aditif perlu minimal versi minor",
        "additive changes need at least a minor version",
    ),
    "patch": (
        "perubahan dokumentasi perlu minimal versi patch",
        "documentation changes need at least a patch version",
    ),
}
_LISTED = 6


def bump_message(verdict: BumpVerdict, taken: frozenset[str] = frozenset()) -> str:
    """The CI message for a misnumbered version: the rules that decide it and the fix.

    The version proposed is the first one with the required bump that ``taken`` (the dataset's
    versions in the catalog) does not hold yet.
    """
    if verdict.required == "none":
        return (
            f"{verdict.version} sama dengan {verdict.predecessor} / is identical to "
            f"{verdict.predecessor}: remove it, or make the change it was meant for"
        )
    need_id, need_en = (t.format(mode=verdict.mode.value) for t in _NEED[verdict.required])
    listed = "; ".join(
        f"{change.rule} {change.path or '/'}"
        + ("" if old == verdict.predecessor else f" (vs {old})")
        for old, change in verdict.reasons[:_LISTED]
    )
    if len(verdict.reasons) > _LISTED:
        listed += f"; … (+{len(verdict.reasons) - _LISTED})"
    target = next_version(verdict.predecessor, verdict.required)
    while target in taken:
        target = next_version(target, verdict.required)
    folder = f"contracts/{verdict.dataset}/{target}/"
    document = "an amendment" if verdict.required == "major" else "an addendum or amendment"
    return (
        f"{need_id} / {need_en} ({verdict.predecessor} → {verdict.version} is a "
        f"{verdict.actual} bump): {listed}. Perbaikan / fix: publish it as {target} ({folder}, "
        f"introduced by {document}; see `kontrak compat {verdict.dataset}@{verdict.predecessor} "
        f"{verdict.dataset}@{verdict.version}`), or accept a listed rule with a reviewed waiver "
        f"in contracts/{WAIVERS_FILE} (rule, dataset, from, to, justification, approved-by)"
    )


def _lifecycle(catalog: Catalog) -> Iterator[Issue]:
    for entry in catalog.datasets.values():
        for version in entry.versions:
            where = f"contracts/catalog.yaml#{entry.id}@{version.version}"
            if version.status == "retired" and not version.until:
                yield "lifecycle", where, "versi retired perlu tanggal until / retired needs until"
            if version.until and version.until < version.since:
                yield "lifecycle", where, "until sebelum since / until is before since"


def _deprecations(catalog: Catalog) -> Iterator[Issue]:
    for entry in catalog.datasets.values():
        for version in entry.versions:
            contract = load_contract(f"{entry.id}@{version.version}", catalog)
            where = f"contracts/{entry.id}/{version.version}/schema.json"
            for name, spec in contract.fields.items():
                deprecation = field_deprecation(spec)
                if deprecation is None:
                    continue
                if spec.bulk_required:
                    yield (
                        "deprecation",
                        where,
                        (
                            f"'{name}' usang tetapi wajib / is deprecated but required: a "
                            f"deprecated field must be optional so data can stop using it"
                        ),
                    )
                if deprecation.replaced_by and deprecation.replaced_by not in contract.fields:
                    yield (
                        "deprecation",
                        where,
                        (f"'{name}': replaced-by '{deprecation.replaced_by}' is not a field"),
                    )
                if version_key(deprecation.since) > version_key(version.version):
                    yield (
                        "deprecation",
                        where,
                        (f"'{name}': since {deprecation.since} is after this version"),
                    )


def _waivers(catalog: Catalog, verdicts: list[BumpVerdict]) -> Iterator[Issue]:
    path = catalog.root / WAIVERS_FILE
    if not path.is_file():
        return
    schema = load_json_file(catalog.root / "_meta" / "compat-waivers.schema.json")
    validator = Draft202012Validator(
        schema, registry=build_registry(catalog.root), format_checker=FORMAT_CHECKER
    )
    errors = list(validator.iter_errors(load_yaml(path)))
    for error in errors:
        yield "waivers", f"contracts/{WAIVERS_FILE}", f"{error.json_path}: {error.message}"
    if errors:
        return
    comparisons = [c for verdict in verdicts for c in verdict.comparisons]
    for waiver in load_waivers(catalog.root):
        used = any(
            waiver_matches(waiver, change, comparison)
            for comparison in comparisons
            for change in comparison.changes
        )
        if not used:
            yield (
                "waivers",
                f"contracts/{WAIVERS_FILE}",
                (
                    f"pengecualian tidak cocok dengan perubahan mana pun / waiver matches no "
                    f"change: {waiver.describe()}; remove it"
                ),
            )


def evolution_issues(catalog: Catalog, *, sources_ok: bool) -> Iterator[Issue]:
    """Every evolution problem; contract-level checks only when the sources are sound."""
    for path, message in agreement_issues(catalog):
        yield "agreement", path, message
    yield from _lifecycle(catalog)
    for issue in lock_issues(catalog):
        yield "released-lock", f"contracts/{issue.path}", issue.message
    if not sources_ok:
        return
    yield from _deprecations(catalog)
    verdicts = bump_verdicts(catalog, load_waivers(catalog.root))
    yield from _waivers(catalog, verdicts)
    for verdict in verdicts:
        if not verdict.ok:
            where = f"contracts/{verdict.dataset}/{verdict.version}"
            entry = catalog.datasets.get(verdict.dataset)
            taken = frozenset(v.version for v in entry.versions) if entry else frozenset()
            yield "version-bump", where, bump_message(verdict, taken)
