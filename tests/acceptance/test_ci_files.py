"""The workflows, the action and the hook pass their schemas offline, and follow the CI rules.

Rules: every workflow and ``action.yml`` validates against check-jsonschema's bundled GitHub
schemas (no network); every third-party action is pinned to a full commit SHA; every job has
``timeout-minutes`` and explicit, least permissions; no ``run`` interpolates an expression.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest
from tests.conftest import REPO
from tests.support.docs_examples import yaml_blocks

from kontrak.reporters import REPORTERS

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
ACTION = REPO / "action.yml"
GUIDES = REPO / "docs/panduan"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
WRITE_ALLOWED = {"pages.yml": {"deploy": {"pages", "id-token"}}}


def _check(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _uses(document: dict[str, Any]) -> list[str]:
    steps = [s for job in document.get("jobs", {}).values() for s in job.get("steps", [])]
    steps += document.get("runs", {}).get("steps", [])
    return [str(s["uses"]) for s in steps if "uses" in s]


def test_there_are_ci_and_pages_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


@pytest.mark.slow
def test_workflows_pass_the_github_workflow_schema_offline() -> None:
    result = _check("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_action_passes_the_github_action_schema_offline() -> None:
    result = _check("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    step: []\n")
    assert _check("vendor.github-workflows", broken).returncode == 1


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_actions_are_pinned_to_commit_shas(path: Path) -> None:
    for uses in _uses(_load(path)):
        assert SHA_PIN.match(uses), f"{path.name}: {uses} is not pinned to a commit SHA"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_have_timeouts_and_least_permissions(path: Path) -> None:
    workflow = _load(path)
    top = workflow.get("permissions")
    assert top is not None, f"{path.name}: set top-level permissions"
    assert top in ({}, {"contents": "read"}), f"{path.name}: top-level permissions {top}"
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{path.name}:{name} has no timeout"
        permissions = job.get("permissions", top)
        assert permissions != "write-all"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        allowed = WRITE_ALLOWED.get(path.name, {}).get(name, set())
        assert writes <= allowed, f"{path.name}:{name} writes {writes - allowed}"


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_no_expression_is_interpolated_into_a_script(path: Path) -> None:
    document = _load(path)
    steps = [s for job in document.get("jobs", {}).values() for s in job.get("steps", [])]
    steps += document.get("runs", {}).get("steps", [])
    for step in steps:
        assert "${{" not in str(step.get("run", "")), f"{path.name}: pass it through env"


def test_ci_runs_every_nox_session_and_the_pages_build() -> None:
    ci = (REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    for session in ("lint", "typecheck", "drift", "docs", "tests", "compat"):
        assert re.search(rf"\b{session}\b", ci), session
    pages = _load(REPO / ".github/workflows/pages.yml")
    triggers = pages[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    deploy = pages["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert any(u.startswith("actions/deploy-pages@") for u in _uses(pages))


def test_the_compat_gate_runs_on_every_event_against_the_base_or_the_previous_head() -> None:
    """CI's version-bump gate is never skipped and never compares a branch with itself.

    A pull request is compared with the branch it goes into; a push (e.g. to main) with the
    pushed branch's previous head, since ``origin/main`` is the pushed commit itself then.
    """
    job = _load(REPO / ".github/workflows/ci.yml")["jobs"]["compat"]
    checkout = next(
        s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout")
    )
    assert checkout["with"]["fetch-depth"] == 0, "the gate needs the history of both revisions"
    (gate,) = [s for s in job["steps"] if "compat" in str(s.get("run", ""))]
    assert "if" not in gate
    assert gate["run"].strip() == 'python -m nox -s compat -- "$AGAINST"'
    against = re.sub(r"\s+", " ", gate["env"]["AGAINST"])
    assert "github.event_name == 'pull_request'" in against
    assert "format('origin/{0}', github.base_ref)" in against
    assert "github.event.before" in against


def test_pre_commit_hook_manifest_is_valid() -> None:
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "kontrak-validate"
    assert hook["entry"] == "kontrak validate"
    assert hook["language"] == "python"


@pytest.mark.slow
@pytest.mark.parametrize("page", sorted(GUIDES.glob("github-actions*.md")), ids=lambda p: p.name)
def test_documented_workflows_pass_the_schema_and_use_real_inputs(
    page: Path, tmp_path: Path
) -> None:
    blocks = yaml_blocks(page, ".github/workflows/")
    assert len(blocks) == 2, "one example for LAN and one for BKN"
    declared = set(_load(ACTION)["inputs"])
    for number, block in enumerate(blocks):
        path = tmp_path / f"example-{number}.yml"
        path.write_text(block, encoding="utf-8")
        workflow = yaml.safe_load(block)
        result = _check("vendor.github-workflows", path)
        assert result.returncode == 0, result.stdout + result.stderr
        ours = [
            step
            for job in workflow["jobs"].values()
            for step in job["steps"]
            if str(step.get("uses", "")).startswith("lan-bkn/kontrak@")
        ]
        assert ours, f"{page.name}: example {number} does not use the action"
        for step in ours:
            assert set(step["with"]) <= declared, set(step["with"]) - declared
        for uses in _uses(workflow):
            assert uses.startswith("lan-bkn/kontrak@") or SHA_PIN.match(uses), uses


@pytest.mark.parametrize("page", sorted(GUIDES.glob("github-actions*.md")), ids=lambda p: p.name)
def test_the_action_guide_offers_only_reports_that_exist(page: Path) -> None:
    """Every report format the guide offers exists, so it needs no "use json,text for now" note."""
    text = page.read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith("| `format` |")]
    offered = set(re.findall(r"`(\w+)`", row.split("|")[3]))
    assert offered == {"junit", "sarif", "json", "text"}
    assert offered | {"github"} <= set(REPORTERS)
    assert 'annotate: "false"' not in text, "the guide still tells readers to turn annotations off"


@pytest.mark.parametrize("page", sorted(GUIDES.glob("pre-commit*.md")), ids=lambda p: p.name)
def test_documented_pre_commit_configs_are_valid(page: Path, tmp_path: Path) -> None:
    blocks = yaml_blocks(page, ".pre-commit-config.yaml")
    assert len(blocks) == 2, "one example for LAN and one for BKN"
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    for number, block in enumerate(blocks):
        path = tmp_path / f"config-{number}.yaml"
        path.write_text(block, encoding="utf-8")
        config = load_config(str(path))
        (entry,) = [h for repo in config["repos"] for h in repo["hooks"]]
        assert entry["id"] == hook["id"]
        assert entry["args"], "the dataset is the hook's first argument"
