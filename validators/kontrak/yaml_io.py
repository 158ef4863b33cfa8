"""YAML loading that keeps dates as text, so YAML documents validate as JSON does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["load_yaml", "loads_yaml"]


# libyaml's parser when PyYAML was built with it (ten times faster on the catalog); the
# constructor and resolver are the same Python classes either way, so the results are equal
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDateLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """A safe loader without the implicit timestamp type: ``2022-06-08`` stays a string."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def loads_yaml(text: str) -> Any:
    """Parse YAML text with dates kept as strings."""
    return yaml.load(text, Loader=_TextDateLoader)  # noqa: S506 - a SafeLoader subclass


def load_yaml(path: Path) -> Any:
    """Read and parse a UTF-8 YAML file with dates kept as strings."""
    return loads_yaml(path.read_text(encoding="utf-8"))
