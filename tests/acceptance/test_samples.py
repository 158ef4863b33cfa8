"""Every bundled sample behaves as declared: valid ones pass, invalid ones match their sidecar."""

from __future__ import annotations

import pytest
from tests.conftest import REPO, SAMPLES

from kontrak.catalog import load_catalog
from kontrak.samples import SampleCase, iter_sample_cases, run_case

CASES = list(iter_sample_cases(SAMPLES, load_catalog(REPO / "contracts")))


def test_there_are_samples_of_both_kinds_from_both_agencies() -> None:
    assert {(c.kind, c.agency) for c in CASES} >= {
        ("valid", "bkn"),
        ("invalid", "bkn"),
        ("valid", "lan"),
        ("invalid", "lan"),
    }


@pytest.mark.parametrize("case", CASES, ids=[str(c.path.relative_to(SAMPLES)) for c in CASES])
def test_sample_behaves_as_declared(case: SampleCase) -> None:
    result = run_case(case)
    assert result.ok, "\n".join(result.problems)
    if case.kind == "invalid" and all(e.severity == "warning" for e in case.expected):
        assert result.report.exit_code == 0  # warnings alone do not fail the default run
    elif case.kind == "invalid":
        assert result.report.exit_code == (case.exit_code or 1)
    else:
        assert result.report.exit_code == 0


def test_invalid_file_names_state_their_violation() -> None:
    for case in (c for c in CASES if c.kind == "invalid"):
        codes = {e.code for e in case.expected}
        assert any(code in case.path.name for code in codes), case.path.name


def test_sidecar_descriptions_are_unique_and_plain() -> None:
    descriptions = [(c.spec, c.description) for c in CASES if c.kind == "invalid"]
    assert len(descriptions) == len(set(descriptions)), "one description per dataset version"
    for _, text in descriptions:
        assert len(text) < 90
        assert "should" not in text
