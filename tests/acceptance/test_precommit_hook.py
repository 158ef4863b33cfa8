"""The pre-commit hook validates staged payload files as the documented configurations set it up.

pre-commit itself would install kontrak from the hook's tag into a fresh environment (a network
install); here the hook's command runs with the kontrak under test, on the files pre-commit would
pass: those staged that match ``files`` (the configuration's when it sets one, else the manifest's).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest
from tests.conftest import REPO
from tests.support.docs_examples import yaml_blocks

from kontrak.readers.dispatch import detect_format

pytestmark = pytest.mark.slow

SAMPLES = REPO / "samples"
KONTRAK_BIN = Path(sys.executable).parent / "kontrak"  # the console script of the tool under test
_MATCH = (("files", ""), ("exclude", "^$"))


def _hook_command(config_block: str, tmp_path: Path, staged: list[str]) -> list[str]:
    """The command pre-commit would run for ``staged`` files under ``config_block``."""
    config_path = tmp_path / ".pre-commit-config.yaml"
    config_path.write_text(config_block, encoding="utf-8")
    (entry,) = [h for repo in load_config(str(config_path))["repos"] for h in repo["hooks"]]
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    # As pre-commit does: a key of the configuration's hook replaces the manifest's.
    files, exclude = ({**hook, **entry}.get(key, default) for key, default in _MATCH)
    selected = [path for path in staged if re.search(files, path) and not re.search(exclude, path)]
    entry_words = shlex.split(hook["entry"])
    return [str(KONTRAK_BIN), *entry_words[1:], *entry["args"], *selected]


def _repository(tmp_path: Path, files: dict[str, Path]) -> list[str]:
    for target, source in files.items():
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / target)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", *files], check=True)
    staged = subprocess.run(
        ["git", "-C", str(tmp_path), "diff", "--cached", "--name-only"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [*staged, "README.md"]


@pytest.mark.parametrize(
    ("marker", "valid", "invalid", "code"),
    [
        (
            "SIPKA",
            {
                "exports/riwayat-angka-kredit/pak.jsonl": SAMPLES
                / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl"
            },
            {
                "exports/riwayat-angka-kredit/rusak.csv": SAMPLES
                / "riwayat-angka-kredit/1.0.0/invalid/lan/row-3.nipBaru.number-as-scientific.csv"
            },
            "number-as-scientific",
        ),
        (
            "SIASN",
            {
                "exports/siasn-rw-angkakredit/respons.json": SAMPLES
                / "siasn-rw-angkakredit/1.0.0/valid/bkn/rw-angkakredit-198403142009122987.json"
            },
            {
                "exports/siasn-rw-angkakredit/rusak.json": SAMPLES
                / "siasn-rw-angkakredit/1.0.0/invalid/bkn/data.0.id.missing-field.json"
            },
            "missing-field",
        ),
    ],
    ids=["lan", "bkn"],
)
def test_documented_hook_passes_valid_and_blocks_invalid_staged_files(
    tmp_path: Path, marker: str, valid: dict[str, Path], invalid: dict[str, Path], code: str
) -> None:
    (block,) = [
        b for b in yaml_blocks(REPO / "docs/panduan/pre-commit.md", ".pre-commit-config.yaml")
        if marker in b.splitlines()[0]
    ]  # fmt: skip
    good = tmp_path / "good"
    command = _hook_command(block, good, _repository(good, valid))
    assert command[-1].startswith("exports/"), "README.md is not a payload file"
    result = subprocess.run(command, cwd=good, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

    bad = tmp_path / "bad"
    command = _hook_command(block, bad, _repository(bad, {**valid, **invalid}))
    result = subprocess.run(command, cwd=bad, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert code in result.stdout
    assert "rusak" in result.stdout


def _manifest_example() -> str:
    """The configuration shown in the comment at the top of ``.pre-commit-hooks.yaml``."""
    lines = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#   - repo:"))
    example = []
    for line in lines[start:]:
        if not line.startswith("#   "):
            break
        example.append(line.removeprefix("#   "))
    return "repos:\n" + "".join(f"  {line}\n" for line in example)


def _documented_configs() -> list[str]:
    guides = [
        block
        for page in sorted((REPO / "docs/panduan").glob("pre-commit*.md"))
        for block in yaml_blocks(page, ".pre-commit-config.yaml")
    ]
    return [*guides, _manifest_example()]


@pytest.mark.parametrize("config", _documented_configs(), ids=lambda c: c.splitlines()[0][:40])
def test_documented_configs_pass_payload_files_only(tmp_path: Path, config: str) -> None:
    """A README or .gitkeep beside the exports is not handed to kontrak (which would exit 2).

    pre-commit replaces the hook's own ``files`` by the configuration's, so each documented
    configuration must name the payload extensions itself.
    """
    args = yaml.safe_load(config)["repos"][0]["hooks"][0]["args"]
    folder = f"exports/{args[0].split('@')[0]}"
    payloads = [f"{folder}/data.{extension}" for extension in ("json", "jsonl", "csv")]
    staged = [*payloads, f"{folder}/README.md", f"{folder}/.gitkeep"]
    selected = _hook_command(config, tmp_path, staged)[2 + len(args) :]
    assert selected, "the configuration selects none of the payload files"
    assert set(selected) <= set(payloads), selected


def test_the_hook_takes_every_input_format_kontrak_reads() -> None:
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    for extension in ("json", "jsonl", "ndjson", "csv", "tsv", "xlsx"):
        name = f"exports/data.{extension}"
        assert re.search(hook["files"], name), name
        assert detect_format(Path(name)), name
    assert not re.search(hook["files"], "exports/README.md")
