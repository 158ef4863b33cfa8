"""Layout rules: import names that are not taken on PyPI, small modules."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

import kontrak

MAX_MODULE_LINES = 400
# Modules that are tables of data, not logic: their length is their content.
DATA_MODULES = {"error_catalog.py"}


def test_folders_are_not_importable_under_their_own_names() -> None:
    probe = (
        "import importlib.util, json\n"
        "out = {}\n"
        "for name in ('contracts', 'generated', 'validators'):\n"
        "    spec = importlib.util.find_spec(name)\n"
        "    out[name] = None if spec is None else str(spec.origin or list(spec.submodule_search_locations or []))\n"
        "print(json.dumps(out))\n"
    )
    found = subprocess.run(
        [sys.executable, "-I", "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert str(REPO / "contracts") not in found
    assert str(REPO / "generated") not in found
    assert str(REPO / "validators") + '"' not in found
    assert str(REPO / "validators") + "'" not in found


def test_packages_have_distinctive_names() -> None:
    import kontrak_models

    assert kontrak.__file__ is not None
    assert kontrak.__file__.startswith(str(REPO / "validators" / "kontrak"))
    assert kontrak_models.__file__ is not None
    assert kontrak_models.__file__.startswith(str(REPO / "generated" / "kontrak_models"))


def test_modules_stay_small() -> None:
    for path in (REPO / "validators" / "kontrak").rglob("*.py"):
        if path.name in DATA_MODULES:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_MODULE_LINES, f"{path.relative_to(REPO)} has {lines} lines"
