"""Developer tasks; `.venv/bin/nox` runs them all (the README's test command, and CI's).

Sessions run in the current environment (install it with `pip install -e '.[dev]'`), so a local
run and a CI run are the same command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = ["lint", "typecheck", "drift", "tests", "docs"]
nox.options.stop_on_first_error = False

PYTHON = sys.executable


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    session.run(PYTHON, "-m", "ruff", "check", ".")
    session.run(PYTHON, "-m", "ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict (configured in pyproject.toml) on the library and the generated models."""
    session.run(PYTHON, "-m", "mypy")


@nox.session
def drift(session: nox.Session) -> None:
    """Derived files are up to date and the repository is consistent (fix: kontrak generate)."""
    session.run(PYTHON, "-m", "kontrak", "generate", "--check")
    session.run(PYTHON, "-m", "kontrak", "check")
    session.run(PYTHON, "-m", "kontrak", "samples")


@nox.session
def tests(session: nox.Session) -> None:
    """The pytest suite (``-P``: the repository root is not put on sys.path)."""
    session.run(PYTHON, "-P", "-m", "pytest", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the specification site with MkDocs in strict mode into site/."""
    session.run(PYTHON, "-m", "mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session
def compat(session: nox.Session) -> None:
    """Version-bump gate against a git revision (posarg; default: the previous commit).

    `kontrak check --against REV` via `.ci/version-gate`: released versions frozen, the lock only
    grows, every version numbered right for its changes; skipped on a repository's first commit.
    Not in the default sessions: CI runs it with the target branch (`nox -s compat -- origin/main`).
    """
    kontrak = Path(PYTHON).with_name("kontrak")
    env = {
        "KONTRAK": str(kontrak),
        "KONTRAK_AGAINST": session.posargs[0] if session.posargs else "",
    }
    session.run(str(Path(__file__).parent / ".ci" / "version-gate"), env=env, external=True)


@nox.session
def codegen(session: nox.Session) -> None:
    """Regenerate every derived file (same as `kontrak generate`)."""
    session.run(PYTHON, "-m", "kontrak", "generate")
