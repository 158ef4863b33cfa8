"""Code examples of the hand-written docs pages, so tests can run or check every one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["console_commands", "fenced_blocks", "yaml_blocks", "yaml_examples"]

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def fenced_blocks(page: Path, language: str) -> list[str]:
    """The bodies of the top-level fenced blocks in ``language`` on ``page``, in order."""
    text = page.read_text(encoding="utf-8")
    return [m.group("body") for m in _FENCE.finditer(text) if m.group("lang") == language]


def console_commands(page: Path) -> list[str]:
    """Every ``$ command`` line of the console blocks on ``page``."""
    return [
        line[2:].strip()
        for block in fenced_blocks(page, "console")
        for line in block.splitlines()
        if line.startswith("$ ")
    ]


def yaml_blocks(page: Path, marker: str) -> list[str]:
    """The YAML blocks on ``page`` whose first line (a comment) contains ``marker``."""
    return [
        block
        for block in fenced_blocks(page, "yaml")
        if block.splitlines() and marker in block.splitlines()[0]
    ]


def yaml_examples(page: Path, marker: str) -> list[dict[Any, Any]]:
    """The YAML blocks on ``page`` whose first line contains ``marker``, parsed."""
    return [yaml.safe_load(block) for block in yaml_blocks(page, marker)]
