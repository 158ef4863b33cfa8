"""Bundle a contract's JSON Schema into one self-contained document (every ``$ref`` local).

Code generators and agencies' own tools need no registry then; the bundle is built in memory.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any
from urllib.parse import urldefrag, urljoin

from referencing import Registry

__all__ = ["bundle_schema"]


class _Bundler:
    def __init__(self, root_uri: str, registry: Registry[Any]) -> None:
        self.root_uri = root_uri
        self.registry = registry
        self.defs: dict[str, Any] = {}
        self.names: dict[str, str] = {}

    def _name_for(self, absolute: str) -> str:
        if absolute in self.names:
            return self.names[absolute]
        base = absolute.rsplit("/", 1)[-1] or "def"
        name, counter = base, 2
        while name in self.defs or name in self.names.values():
            name, counter = f"{base}{counter}", counter + 1
        self.names[absolute] = name
        return name

    def rewrite(self, node: Any, base_uri: str) -> Any:
        if isinstance(node, list):
            return [self.rewrite(item, base_uri) for item in node]
        if not isinstance(node, Mapping):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = self._rewrite_ref(value, base_uri)
            elif key in ("$id", "$schema") and base_uri != self.root_uri:
                continue
            else:
                out[key] = self.rewrite(value, base_uri)
        return out

    def _rewrite_ref(self, ref: str, base_uri: str) -> str:
        absolute = urljoin(base_uri, ref)
        document_uri, fragment = urldefrag(absolute)
        if document_uri == self.root_uri:
            return f"#{fragment}"
        name = self._name_for(absolute)
        if name not in self.defs:
            self.defs[name] = {}  # reserve before recursing (cycles)
            target = self.registry.resolver().lookup(absolute).contents
            self.defs[name] = self.rewrite(copy.deepcopy(target), document_uri)
        return f"#/$defs/{name}"


def bundle_schema(schema: Mapping[str, Any], registry: Registry[Any]) -> dict[str, Any]:
    """Return a copy of ``schema`` whose external ``$ref`` targets are copied into ``$defs``."""
    root_uri = str(schema["$id"])
    bundler = _Bundler(root_uri, registry)
    bundled: dict[str, Any] = bundler.rewrite(schema, root_uri)
    if bundler.defs:
        bundled["$defs"] = {**bundled.get("$defs", {}), **bundler.defs}
    return bundled
