"""Each compatibility rule: detected, with the directions it breaks (Confluent's semantics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.evolution_kit import ContractLab, rules_of

from kontrak.evolution.model import Direction, Mode

LAN = "riwayat-angka-kredit"
BKN = "siasn-rw-angkakredit"
B, F = {"BACKWARD"}, {"FORWARD"}
BOTH = B | F


@pytest.fixture
def lab(tmp_path: Path) -> ContractLab:
    return ContractLab(tmp_path)


def _props(schema: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = schema["properties"]
    return props


def _drop_required_field(schema: dict[str, Any]) -> None:
    del _props(schema)["nomorSk"]
    schema["required"].remove("nomorSk")


def _narrow_enum(schema: dict[str, Any]) -> None:
    field = _props(schema)["isKonversi"]
    del field["$ref"]
    field.update({"type": "string", "enum": ["1", "0"]})


def _extend_enum(schema: dict[str, Any]) -> None:
    field = _props(schema)["isKonversi"]
    del field["$ref"]
    field.update({"type": "string", "enum": ["1", "0", "", "Y"]})


def _add_optional(schema: dict[str, Any]) -> None:
    _props(schema)["catatan"] = {
        "type": "string",
        "title": "Catatan",
        "description": "Catatan.",
        "x-description-en": "Note.",
        "x-classification": "public",
        "x-personal": False,
    }


def _add_required(schema: dict[str, Any]) -> None:
    _add_optional(schema)
    schema["required"].append("catatan")


def _require_path(schema: dict[str, Any]) -> None:
    schema["required"].append("path")


def _shorter(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["maxLength"] = 80


def _longer(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["maxLength"] = 120


def _new_pattern(schema: dict[str, Any]) -> None:
    _props(schema)["idSipka"]["pattern"] = "^AK-[0-9]{4}-[0-9]{6}$"


def _iso_date(schema: dict[str, Any]) -> None:
    field = _props(schema)["tanggalSk"]
    del field["$ref"]
    field.update({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"})


def _nullable(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["type"] = ["string", "null"]


def _lower_classification(schema: dict[str, Any]) -> None:
    _props(schema)["nipBaru"]["x-classification"] = "restricted"


def _raise_classification(schema: dict[str, Any]) -> None:
    _props(schema)["isKonversi"]["x-classification"] = "restricted"


def _not_personal(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["x-personal"] = False


def _reword(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["description"] = "Nomor SK penetapan angka kredit (PAK)."
    schema["x-kontrak"]["title-en"] = "Credit-point history (LAN)"


def _rename(schema: dict[str, Any]) -> None:
    props = _props(schema)
    props["nomorSK"] = props.pop("nomorSk")
    schema["required"] = ["nomorSK" if n == "nomorSk" else n for n in schema["required"]]


def _not_keyword(schema: dict[str, Any]) -> None:
    _props(schema)["nomorSk"]["not"] = {"const": "-"}


def _extra_fields_warning(schema: dict[str, Any]) -> None:
    schema["x-kontrak"]["extra-fields"] = "warning"


def _longer_key(schema: dict[str, Any]) -> None:
    schema["x-kontrak"]["primary-key"] = ["idSipka", "nipBaru"]


def _bulk_path(schema: dict[str, Any]) -> None:
    schema["x-kontrak"]["bulk"] = {"required": ["path"]}


def _open_model(schema: dict[str, Any]) -> None:
    schema["additionalProperties"] = True


def _no_null_documents(schema: dict[str, Any]) -> None:
    field = _props(schema)["path"]
    del field["$ref"]
    field["anyOf"] = [{"type": "object", "additionalProperties": {"type": "object"}}]


def _null_documents(schema: dict[str, Any]) -> None:
    field = _props(schema)["path"]
    del field["$ref"]
    field["anyOf"] = [
        {"type": "object", "additionalProperties": {"type": "object"}},
        {"type": "null"},
    ]


EDITS = [
    (_drop_required_field, "required-property-removed", BOTH),
    (_narrow_enum, "enum-value-removed", B),
    (_extend_enum, "enum-value-added", F),
    (_add_optional, "property-added", F),
    (_add_required, "required-property-added", BOTH),
    (_require_path, "required-added", B),
    (_shorter, "max-length-decreased", B),
    (_longer, "max-length-increased", F),
    (_new_pattern, "pattern-changed", BOTH),
    (_iso_date, "date-format-changed", BOTH),
    (_nullable, "type-extended", F),
    (_lower_classification, "classification-lowered", BOTH),
    (_raise_classification, "classification-raised", BOTH),
    (_not_personal, "personal-flag-cleared", BOTH),
    (_rename, "key-renamed", BOTH),
    (_not_keyword, "constraint-changed", BOTH),
    (_extra_fields_warning, "extra-fields-relaxed", F),
    (_longer_key, "primary-key-changed", BOTH),
    (_bulk_path, "bulk-required-added", B),
    (_open_model, "additional-properties-extended", F),
]


@pytest.mark.parametrize(("edit", "rule", "breaks"), EDITS, ids=[e[1] for e in EDITS])
def test_rule_is_found_with_its_directions(
    lab: ContractLab, edit: Any, rule: str, breaks: set[str]
) -> None:
    lab.add_version(LAN, "1.0.0", "1.9.0", edit)
    result = lab.compare(LAN, "1.0.0", "1.9.0")
    found = rules_of(result)
    assert found.get(rule) == breaks, found
    assert result.verdict(Mode.BACKWARD) is ("BACKWARD" not in breaks)
    assert result.verdict(Mode.FORWARD) is ("FORWARD" not in breaks)
    assert result.verdict(Mode.FULL) is not breaks


def test_branch_removed_and_added(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.0.0", "1.8.0", _null_documents)
    lab.add_version(LAN, "1.0.0", "1.9.0", _no_null_documents)
    assert rules_of(lab.compare(LAN, "1.8.0", "1.9.0")) == {"branch-removed": B}
    assert rules_of(lab.compare(LAN, "1.9.0", "1.8.0")) == {"branch-added": F}


def test_basis_change_is_recorded_but_breaks_nothing(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.0.0", "1.9.0", lambda s: s["x-kontrak"]["basis"].append("3(2)5"))
    assert rules_of(lab.compare(LAN, "1.0.0", "1.9.0")) == {"basis-changed": set()}


def test_documentation_only_change_breaks_nothing(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.0.0", "1.0.1", _reword)
    result = lab.compare(LAN, "1.0.0", "1.0.1")
    assert {c.rule for c in result.primary.changes} == {"documentation-changed"}
    assert all(result.verdict(m) for m in Mode)
    assert all(c.severity(Mode.FULL) == "info" for c in result.primary.changes)


def test_rename_is_one_change_not_a_removal_and_an_addition(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.0.0", "2.0.0", _rename)
    rules = {c.rule for c in lab.compare(LAN, "1.0.0", "2.0.0").primary.changes}
    assert "key-renamed" in rules
    assert not rules & {"property-removed", "required-property-removed", "property-added"}


def test_misspelt_siasn_keys_renamed_in_the_real_2_0_0(lab: ContractLab) -> None:
    result = lab.compare(BKN, "1.0.0", "2.0.0")
    renamed = {
        (c.ctx["old"], c.ctx["new"]) for c in result.primary.changes if c.rule == "key-renamed"
    }
    assert ("bulanMulaiPenailan", "bulanMulaiPenilaian") in renamed
    assert len(renamed) == 4
    rule_changes = [c for c in result.primary.changes if c.rule.startswith("domain-rule")]
    # month-period-order follows the renamed keys; 2.0.0 adds the konversi-plausible warning
    assert [(c.rule, c.path) for c in rule_changes] == [("domain-rule-added", "/x-kontrak/rules/3")]
    assert not result.compatible


def test_removing_a_field_of_a_tolerant_siasn_contract_only_warns_backward(
    lab: ContractLab,
) -> None:
    lab.add_version(BKN, "1.0.0", "1.9.0", lambda s: _props(s).pop("Sumber"))
    (change,) = lab.compare(BKN, "1.0.0", "1.9.0").primary.changes
    assert change.rule == "property-removed"
    assert change.warns == {Direction.BACKWARD}
    assert change.breaks == {Direction.FORWARD}  # SIASN may still send it, with any value


def test_adding_a_field_to_a_tolerant_contract_breaks_backward(lab: ContractLab) -> None:
    lab.add_version(BKN, "1.0.0", "1.9.0", _add_optional)
    (change,) = lab.compare(BKN, "1.0.0", "1.9.0").primary.changes
    assert change.rule == "property-added"
    assert change.breaks == {Direction.BACKWARD}  # old data may carry that name already
    assert change.warns == {Direction.FORWARD}


@pytest.mark.parametrize(
    ("rules", "expected", "breaks"),
    [
        ([{"rule": "credit-sum", "severity": "error"}], "domain-rule-severity-raised", B),
        ([{"rule": "nip-structure", "args": {"mode": "pns"}}], "domain-rule-tightened", B),
        ([{"rule": "nip-structure", "args": {"mode": "pppk"}}], "domain-rule-tightened", B),
        ([{"rule": "flags-exclusive", "drop": True}], "domain-rule-removed", F),
        (
            [{"rule": "month-period-order", "severity": "warning"}],
            "domain-rule-severity-lowered",
            F,
        ),
    ],
)
def test_domain_rule_changes(
    lab: ContractLab, rules: list[dict[str, Any]], expected: str, breaks: set[str]
) -> None:
    def edit(schema: dict[str, Any]) -> None:
        specs = schema["x-kontrak"]["rules"]
        for change in rules:
            spec = next(s for s in specs if s["rule"] == change["rule"])
            if change.get("drop"):
                specs.remove(spec)
            spec["severity"] = change.get("severity", spec["severity"])
            spec["args"] = {**spec["args"], **change.get("args", {})}

    lab.add_version(LAN, "1.0.0", "1.9.0", edit)
    assert rules_of(lab.compare(LAN, "1.0.0", "1.9.0")) == {expected: breaks}


def test_added_error_rule_breaks_and_added_warning_rule_only_warns(lab: ContractLab) -> None:
    flags = {"rule": "flags-exclusive", "severity": "error", "args": {"fields": ["id", "pnsId"]}}
    lab.add_version(LAN, "1.0.0", "1.8.0", lambda s: s["x-kontrak"]["rules"].append(flags))
    assert rules_of(lab.compare(LAN, "1.0.0", "1.8.0")) == {"domain-rule-added": B}
    warning = {**flags, "severity": "warning"}
    lab.add_version(LAN, "1.0.0", "1.9.0", lambda s: s["x-kontrak"]["rules"].append(warning))
    (change,) = lab.compare(LAN, "1.0.0", "1.9.0").primary.changes
    assert (change.rule, change.breaks, change.warns) == (
        "domain-rule-added",
        frozenset(),
        {Direction.BACKWARD},
    )


def _reference(version: str) -> dict[str, Any]:
    return {"table": "referensi-uji/kode", "version": version, "column": "id"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (None, "1.0.0", {"reference-added": B}),
        ("1.0.0", None, {"reference-removed": F}),
        ("1.0.0", "1.1.0", {"reference-narrowed": B}),
        ("1.1.0", "1.0.0", {"reference-extended": F}),
        ("1.0.0", "9.9.9", {"reference-version-changed": BOTH}),
    ],
)
def test_reference_table_changes(
    lab: ContractLab, old: str | None, new: str | None, expected: dict[str, set[str]]
) -> None:
    lab.write("referensi-uji/kode/1.0.0/data.csv", "id,nama\n31,III/a\n32,III/b\n33,III/c\n")
    lab.write("referensi-uji/kode/1.1.0/data.csv", "id,nama\n31,III/a\n32,III/b\n")

    def point(version: str | None) -> Any:
        def edit(schema: dict[str, Any]) -> None:
            if version is not None:
                _props(schema)["nomorSk"]["x-reference"] = _reference(version)

        return edit

    lab.add_version(LAN, "1.0.0", "1.8.0", point(old))
    lab.add_version(LAN, "1.0.0", "1.9.0", point(new))
    result = lab.compare(LAN, "1.8.0", "1.9.0")
    assert rules_of(result) == expected
    if "reference-narrowed" in expected:
        (change,) = result.primary.changes
        assert (change.ctx["count"], change.ctx["values"]) == ("1", "33")


def test_transitive_modes_look_at_every_earlier_version(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.0.0", "1.2.0", _add_optional)
    lab.add_version(LAN, "1.2.0", "1.3.0", _require_path)
    lab.add_version(LAN, "1.0.0", "1.4.0", _shorter)
    result = lab.compare(LAN, "1.3.0", "1.4.0")
    assert [(c.old, c.new) for c in result.comparisons][:1] == [("1.3.0", "1.4.0")]
    assert {c.old for c in result.comparisons} >= {"1.0.0", "1.1.0", "1.2.0", "1.3.0"}
    assert not result.verdict(Mode.BACKWARD)
    assert not result.verdict(Mode.BACKWARD_TRANSITIVE)
    # 1.0.0 → 1.4.0 shortens maxLength only; 1.3.0 → 1.4.0 also drops the added field
    vs_first = next(c for c in result.comparisons if c.old == "1.0.0")
    assert [c.rule for c in vs_first.changes] == ["max-length-decreased"]
