"""Exchange packages: a folder with ``datapackage.json`` describing its resources.

The descriptor is a Frictionless Data Package v1 plus an ``x-kontrak`` block; each resource
names its contract version, record count, size and sha256. Loading checks the descriptor and
every resource path before any file is read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from jsonschema import Draft202012Validator

from kontrak.catalog import Catalog
from kontrak.formats import FORMAT_CHECKER
from kontrak.pointer import pointer_from_parts
from kontrak.readers.base import InputProblem, UnreadableInputError
from kontrak.readers.decoding import decode_utf8
from kontrak.readers.json_text import json_error_problem
from kontrak.schema_registry import build_registry, load_json_file

__all__ = [
    "DESCRIPTOR",
    "Package",
    "PackageResource",
    "descriptor_path",
    "is_package",
    "load_package",
    "unsafe_path_reason",
]

DESCRIPTOR = "datapackage.json"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class PackageResource:
    """One resource of a package as declared, with its file resolved inside the package."""

    index: int
    name: str
    declared_path: str
    file: Path | None
    format: str | None
    dataset: str
    version: str
    records: int
    bytes: int
    sha256: str

    @property
    def spec(self) -> str:
        """``dataset@version``."""
        return f"{self.dataset}@{self.version}"

    @property
    def pointer(self) -> str:
        """JSON Pointer of this resource in the descriptor."""
        return f"/resources/{self.index}"


@dataclass(frozen=True, slots=True)
class Package:
    """A loaded package descriptor."""

    root: Path
    descriptor: Path
    name: str
    title: str
    provider: str
    consumer: str
    period_start: str
    period_end: str
    sha256: str
    resources: tuple[PackageResource, ...]


def descriptor_path(path: Path) -> Path:
    """The descriptor of a package given as its folder or as its ``datapackage.json``."""
    return path if path.name == DESCRIPTOR else path / DESCRIPTOR


def is_package(path: Path) -> bool:
    """Whether ``path`` is a package folder or a package descriptor."""
    return descriptor_path(path).is_file()


def unsafe_path_reason(declared: str, root: Path) -> str | None:
    """Why a resource path may not be read, or None when it is a plain relative path inside."""
    if _SCHEME.match(declared) or declared.startswith("//"):
        return "URL / URL"
    if PurePosixPath(declared).is_absolute() or PureWindowsPath(declared).is_absolute():
        return "jalur absolut / absolute path"
    if ".." in PurePosixPath(declared.replace("\\", "/")).parts:
        return "memuat '..' / contains '..'"
    resolved = (root / declared).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return "keluar dari folder paket / leaves the package folder"
    return None


def _descriptor_problems(document: Any, catalog: Catalog) -> list[InputProblem]:
    schema = load_json_file(catalog.root / "_meta" / "package.schema.json")
    validator = Draft202012Validator(
        schema, registry=build_registry(catalog.root), format_checker=FORMAT_CHECKER
    )
    return [
        InputProblem(
            code="invalid-package",
            pointer=pointer_from_parts(error.absolute_path),
            ctx={"reason": error.message},
        )
        for error in validator.iter_errors(document)
    ]


def _resource(index: int, data: dict[str, Any], root: Path) -> tuple[PackageResource, str | None]:
    declared = str(data["path"])
    reason = unsafe_path_reason(declared, root)
    meta = data["x-kontrak"]
    resource = PackageResource(
        index=index,
        name=str(data["name"]),
        declared_path=declared,
        file=None if reason else root / declared,
        format=data.get("format"),
        dataset=str(meta["dataset"]),
        version=str(meta["version"]),
        records=int(meta["records"]),
        bytes=int(data["bytes"]),
        sha256=str(data["hash"]).removeprefix("sha256:"),
    )
    return resource, reason


def load_package(path: Path, catalog: Catalog) -> tuple[Package | None, list[InputProblem]]:
    """Read and check a package descriptor.

    Returns the package (None when the descriptor is unusable) and the problems found; unsafe
    resource paths are reported and their resources get no file.

    Raises:
        UnreadableInputError: the descriptor is missing, not UTF-8 or not JSON.
    """
    descriptor = descriptor_path(path)
    if not descriptor.is_file():
        raise UnreadableInputError(InputProblem(code="file-not-found"))
    raw = descriptor.read_bytes()
    try:
        document = json.loads(decode_utf8(raw))
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(json_error_problem(exc)) from None
    problems = _descriptor_problems(document, catalog)
    if problems:
        return None, problems
    root = descriptor.parent
    resources: list[PackageResource] = []
    for index, data in enumerate(document["resources"]):
        resource, reason = _resource(index, data, root)
        resources.append(resource)
        if reason:
            problems.append(
                InputProblem(
                    code="unsafe-resource-path",
                    pointer=f"/resources/{index}/path",
                    ctx={"path": resource.declared_path, "reason": reason},
                )
            )
    meta = document["x-kontrak"]
    package = Package(
        root=root,
        descriptor=descriptor,
        name=str(document["name"]),
        title=str(document.get("title", document["name"])),
        provider=str(meta["provider"]),
        consumer=str(meta["consumer"]),
        period_start=str(meta["period"]["start"]),
        period_end=str(meta["period"]["end"]),
        sha256=hashlib.sha256(raw).hexdigest(),
        resources=tuple(resources),
    )
    return package, problems
