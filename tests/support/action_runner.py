"""Run the steps of a composite GitHub Action on this machine, as a GitHub runner would.

Only what ``action.yml`` uses is supported, and anything else fails loudly so the action stays
runnable here: ``run`` steps in bash with ``env`` maps whose values are ``${{ inputs.X }}``,
``${{ github.action_path }}``, ``${{ runner.temp }}`` or ``${{ steps.ID.outputs.NAME }}``, and
``uses`` steps replaced by outputs the test supplies (e.g. the Python that setup-python would give).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ActionRun", "StepResult", "clean_environment", "evaluate", "read_outputs", "run_action"]

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class StepResult:
    """One step as run: its id, exit code, outputs and what it printed."""

    id: str
    returncode: int
    outputs: dict[str, str]
    stdout: str = ""
    stderr: str = ""


@dataclass
class ActionRun:
    """The whole run: every step run, the action's outputs, the job summary."""

    steps: list[StepResult] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    summary: str = ""

    @property
    def returncode(self) -> int:
        """The exit code of the last step run (a failing step stops the run)."""
        return self.steps[-1].returncode if self.steps else 0

    def step(self, step_id: str) -> StepResult:
        """The result of the step with ``step_id``."""
        return next(s for s in self.steps if s.id == step_id)


def evaluate(text: str, context: Mapping[str, Any]) -> str:
    """Replace every ``${{ a.b.c }}`` in ``text`` by the value at that path of ``context``.

    A step output that was never written is empty, as on GitHub; any other unknown path fails.
    """

    def value(match: re.Match[str]) -> str:
        path = match.group(1).split(".")
        current: Any = context
        for part in path:
            if not isinstance(current, Mapping) or part not in current:
                if path[0] == "steps" and len(path) == 4 and path[2] == "outputs":
                    return ""
                msg = f"unsupported expression in the action: {match.group(0)}"
                raise KeyError(msg)
            current = current[part]
        return str(current)

    return _EXPRESSION.sub(value, text)


def read_outputs(path: Path) -> dict[str, str]:
    """Parse a ``$GITHUB_OUTPUT`` file (``name=value`` and ``name<<DELIM`` blocks)."""
    outputs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and "=" not in line.split("<<", 1)[0]:
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            outputs[name] = "\n".join(lines[index + 1 : end])
            index = end + 1
            continue
        name, _, text = line.partition("=")
        outputs[name] = text
        index += 1
    return outputs


def _inputs(action: Mapping[str, Any], given: Mapping[str, str]) -> dict[str, str]:
    declared: Mapping[str, Any] = action.get("inputs", {})
    unknown = set(given) - set(declared)
    if unknown:
        msg = f"inputs not declared by the action: {sorted(unknown)}"
        raise KeyError(msg)
    resolved = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    resolved.update({name: str(text) for name, text in given.items()})
    missing = [n for n, spec in declared.items() if spec.get("required") and not resolved[n]]
    if missing:
        msg = f"required inputs missing: {missing}"
        raise KeyError(msg)
    return resolved


def run_action(
    action_dir: Path,
    workspace: Path,
    runner_temp: Path,
    inputs: Mapping[str, str],
    uses_outputs: Mapping[str, Mapping[str, str]],
    env: Mapping[str, str],
) -> ActionRun:
    """Run ``action_dir/action.yml`` in ``workspace`` with ``inputs``; stop at a failing step.

    Args:
        action_dir: the action's checkout (``github.action_path``).
        workspace: the agency repository (the working directory of every step).
        runner_temp: ``runner.temp``.
        inputs: the ``with:`` map of the workflow step.
        uses_outputs: for each ``uses:`` action (name without ``@ref``), the outputs it gives.
        env: the environment of the job (PATH, HOME, ...).
    """
    action = yaml.safe_load((action_dir / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    context: dict[str, Any] = {
        "inputs": _inputs(action, inputs),
        "github": {"action_path": str(action_dir), "workspace": str(workspace)},
        "runner": {"temp": str(runner_temp)},
        "steps": {},
    }
    run = ActionRun()
    summary = runner_temp / "step-summary.md"
    for number, step in enumerate(action["runs"]["steps"]):
        step_id = str(step.get("id", f"step{number}"))
        if "uses" in step:
            outputs = dict(uses_outputs[str(step["uses"]).split("@", 1)[0]])
            context["steps"][step_id] = {"outputs": outputs}
            run.steps.append(StepResult(step_id, 0, outputs))
            continue
        assert step.get("shell") == "bash", f"step {step_id} must use shell: bash"
        assert "${{" not in step["run"], f"step {step_id} interpolates an expression into run"
        output_file = runner_temp / f"output-{step_id}"
        script = runner_temp / f"step-{step_id}.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = {
            **env,
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_ACTION_PATH": str(action_dir),
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_STEP_SUMMARY": str(summary),
            "RUNNER_TEMP": str(runner_temp),
            **{k: evaluate(str(v), context) for k, v in step.get("env", {}).items()},
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        outputs = read_outputs(output_file)
        context["steps"][step_id] = {"outputs": outputs}
        run.steps.append(StepResult(step_id, done.returncode, outputs, done.stdout, done.stderr))
        if done.returncode != 0:
            break
    run.outputs = {
        name: evaluate(str(spec["value"]), context)
        for name, spec in action.get("outputs", {}).items()
    }
    run.summary = summary.read_text(encoding="utf-8") if summary.is_file() else ""
    return run


def clean_environment() -> dict[str, str]:
    """The test's environment without variables that would point kontrak at this checkout."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("KONTRAK_", "PIP_"))}
