"""End to end: an agency repository runs the documented workflow's `lan-bkn/kontrak` step.

Each test lays out a small agency repository (its exports and the workflow copied from
docs/panduan/github-actions.md), then runs every step of ``action.yml`` here: the install step
builds and installs kontrak from this checkout into its own virtualenv (offline: the package
index is switched off and the dependencies come from the test's environment), and the validate
step writes the reports that the tests read: the documented JUnit and SARIF reports and the
pull-request annotations, plus JSON and text reports that the tests read for details.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from tests.conftest import REPO
from tests.support.action_runner import ActionRun, clean_environment, run_action
from tests.support.docs_examples import yaml_blocks, yaml_examples

pytestmark = pytest.mark.slow

GUIDE = REPO / "docs/panduan/github-actions.md"
SAMPLES = REPO / "samples"
SARIF_SCHEMA = REPO / "tests/data/external/sarif-schema-2.1.0.json"
OFFLINE_PIP = {
    "PIP_NO_INDEX": "1",
    "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this as "do not isolate the build"
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
}


@dataclass(frozen=True)
class Agency:
    """An agency repository: the workflow example it copies and the files it exports."""

    marker: str
    dataset: str
    valid: tuple[str, ...]
    invalid: str
    invalid_code: str


AGENCIES = {
    "lan": Agency(
        marker="SIPKA",
        dataset="riwayat-angka-kredit",
        valid=("valid/lan/pak-2024s1.jsonl", "valid/lan/pak-2024s1.csv"),
        invalid="invalid/lan/line-2.nipBaru.missing-field.jsonl",
        invalid_code="missing-field",
    ),
    "bkn": Agency(
        marker="SIASN",
        dataset="siasn-rw-angkakredit",
        valid=("valid/bkn/rw-angkakredit-198403142009122987.json",),
        invalid="invalid/bkn/data.0.id.missing-field.json",
        invalid_code="missing-field",
    ),
}


def _documented_step(agency: Agency) -> dict[str, Any]:
    (workflow,) = yaml_examples(GUIDE, agency.marker)
    steps = workflow["jobs"]["validate"]["steps"]
    return next(s for s in steps if str(s.get("uses", "")).startswith("lan-bkn/kontrak@"))


def _lay_out(root: Path, agency: Agency, *, with_invalid: bool) -> Path:
    repo = root / f"{agency.marker.lower()}-exports"
    exports = repo / "exports" / agency.dataset / "2024-s1"
    exports.mkdir(parents=True)
    for relative in agency.valid:
        shutil.copy(SAMPLES / agency.dataset / "1.0.0" / relative, exports)
    if with_invalid:
        shutil.copy(SAMPLES / agency.dataset / "1.0.0" / agency.invalid, exports)
    workflows = repo / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflow,) = yaml_blocks(GUIDE, agency.marker)
    (workflows / "kontrak.yml").write_text(workflow, encoding="utf-8")
    return repo


def _runner_temp(root: Path) -> Path:
    """A runner.temp whose kontrak virtualenv sees the test's packages (no index needed)."""
    temp = root / "runner-temp"
    target = temp / "kontrak-venv"
    if target.is_dir():
        return temp
    venv.create(target, with_pip=False, symlinks=True)
    (site_packages,) = target.glob("lib/python*/site-packages")
    (site_packages / "_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return temp


def _inputs_with_details(documented: dict[str, str]) -> dict[str, str]:
    """The documented inputs, with JSON and text reports added for the tests to read."""
    wanted = [f.strip() for f in documented.get("format", "junit,sarif").split(",") if f.strip()]
    return {**documented, "format": ",".join(dict.fromkeys([*wanted, "json", "text"]))}


def _run(temp_root: Path, agency: Agency, inputs: dict[str, str], repo: Path) -> ActionRun:
    """Run the action in ``repo``; runs that share ``temp_root`` share one install, as the steps
    of one job do."""
    return run_action(
        action_dir=REPO,
        workspace=repo,
        runner_temp=_runner_temp(temp_root),
        inputs=inputs,
        uses_outputs={"actions/setup-python": {"python-path": sys.executable}},
        env={**clean_environment(), **OFFLINE_PIP},
    )


@pytest.mark.parametrize("name", sorted(AGENCIES))
def test_documented_workflow_is_a_valid_github_workflow(tmp_path: Path, name: str) -> None:
    repo = _lay_out(tmp_path, AGENCIES[name], with_invalid=False)
    result = subprocess.run(
        [
            sys.executable, "-m", "check_jsonschema", "--builtin-schema",
            "vendor.github-workflows", str(repo / ".github/workflows/kontrak.yml"),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    step = _documented_step(AGENCIES[name])
    assert step["with"]["dataset"] == AGENCIES[name].dataset


@pytest.fixture(scope="module")
def action_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Any]:
    """Each agency's repository with valid exports only, and with one invalid file more."""
    runs: dict[tuple[str, bool], Any] = {}
    job = tmp_path_factory.mktemp("job")
    for name, agency in AGENCIES.items():
        for with_invalid in (False, True):
            root = tmp_path_factory.mktemp(f"{name}-{with_invalid}")
            repo = _lay_out(root, agency, with_invalid=with_invalid)
            inputs = _inputs_with_details(_documented_step(agency)["with"])
            runs[name, with_invalid] = (job, repo, _run(job, agency, inputs, repo))
    return runs


@pytest.mark.parametrize("name", sorted(AGENCIES))
def test_valid_exports_pass(action_runs: dict[tuple[str, bool], Any], name: str) -> None:
    agency = AGENCIES[name]
    root, repo, run = action_runs[name, False]
    assert run.returncode == 0, [(s.id, s.stdout, s.stderr) for s in run.steps]
    assert run.outputs["exit-code"] == "0"
    installed = run.step("install").outputs["kontrak"]
    assert installed.startswith(str(root / "runner-temp")), installed
    report = json.loads((repo / "kontrak-reports/kontrak.json").read_text(encoding="utf-8"))
    assert report["valid"] is True
    assert report["dataset"] == agency.dataset
    assert report["summary"]["files"] == len(agency.valid)
    assert "kontrak validate" in run.summary


@pytest.mark.parametrize("name", sorted(AGENCIES))
def test_invalid_export_fails_with_located_violation(
    action_runs: dict[tuple[str, bool], Any], name: str
) -> None:
    agency = AGENCIES[name]
    _, repo, run = action_runs[name, True]
    assert run.returncode == 1
    assert run.outputs["exit-code"] == "1"
    assert run.outputs["report-dir"] == "kontrak-reports"
    report = json.loads((repo / "kontrak-reports/kontrak.json").read_text(encoding="utf-8"))
    bad = Path(agency.invalid).name
    found = [
        (v["code"], Path(v["file"]).name) for v in report["violations"] if v["severity"] == "error"
    ]
    assert found == [(agency.invalid_code, bad)]
    text = (repo / "kontrak-reports/kontrak.txt").read_text(encoding="utf-8")
    assert agency.invalid_code in text
    assert agency.invalid_code in run.summary


def test_the_installed_tool_carries_its_own_contracts(
    action_runs: dict[tuple[str, bool], Any],
) -> None:
    _, repo, run = action_runs["lan", False]
    python = Path(run.step("install").outputs["kontrak"]).parent / "python"
    probe = "import kontrak.paths as p; print(p.contracts_root(), p.repository_root())"
    out = subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=repo,
        env=clean_environment(),
    ).stdout.split()  # fmt: skip
    assert out[0].endswith("kontrak/_data/contracts"), out
    assert out[1] == "None"


def _run_lan_again(
    action_runs: dict[tuple[str, bool], Any],
    tmp_path: Path,
    *,
    with_invalid: bool = False,
    **changed: str,
) -> tuple[Path, ActionRun]:
    """LAN's documented step run again in a fresh repository, with some inputs changed."""
    job, _, _ = action_runs["lan", with_invalid]
    agency = AGENCIES["lan"]
    repo = _lay_out(tmp_path, agency, with_invalid=with_invalid)
    inputs = _inputs_with_details(_documented_step(agency)["with"])
    return repo, _run(job, agency, {**inputs, **changed}, repo)


def test_a_path_that_matches_nothing_is_a_usage_error(
    action_runs: dict[tuple[str, bool], Any], tmp_path: Path
) -> None:
    _, run = _run_lan_again(action_runs, tmp_path, path="exports/nothing-here/*.jsonl")
    assert run.returncode == 2
    assert run.outputs["exit-code"] == "2"


def test_one_job_installs_the_action_once(action_runs: dict[tuple[str, bool], Any]) -> None:
    job, _, _ = action_runs["lan", False]
    marker = job / "runner-temp/kontrak-venv/kontrak-action-path"
    assert marker.read_text(encoding="utf-8").strip() == str(REPO)


@pytest.mark.parametrize("name", sorted(AGENCIES))
def test_documented_reports_junit_sarif_and_annotations(tmp_path: Path, name: str) -> None:
    agency = AGENCIES[name]
    documented = _documented_step(agency)["with"]
    repo = _lay_out(tmp_path, agency, with_invalid=True)
    run = _run(tmp_path, agency, dict(documented), repo)
    assert run.returncode == 1
    junit = ET.parse(repo / run.outputs["junit"])
    failures = junit.getroot().iter("failure")
    assert any(agency.invalid_code in (f.get("message", "") + (f.text or "")) for f in failures)
    sarif = json.loads((repo / run.outputs["sarif"]).read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(Draft4Validator(schema).iter_errors(sarif))
    rules = [r["ruleId"] for run_ in sarif["runs"] for r in run_["results"]]
    assert agency.invalid_code in rules
    annotations = run.step("validate").stdout
    assert "::error" in annotations
    assert Path(agency.invalid).name in annotations


def test_max_errors_caps_the_lists_not_the_counts(
    action_runs: dict[tuple[str, bool], Any], tmp_path: Path
) -> None:
    repo, capped = _run_lan_again(action_runs, tmp_path, with_invalid=True, **{"max-errors": "1"})
    assert capped.returncode == 1
    summary = json.loads((repo / "kontrak-reports/kontrak.json").read_text(encoding="utf-8"))[
        "summary"
    ]
    assert summary["listed"] == 1
    assert summary["violations"] == sum(summary["by_code"].values()) > 1
    assert summary["truncated"] is True
    _, default_repo, _ = action_runs["lan", True]  # the default cap (10,000) lists them all
    report = json.loads((default_repo / "kontrak-reports/kontrak.json").read_text("utf-8"))
    assert report["summary"]["listed"] == report["summary"]["violations"] == summary["violations"]
