"""Pydantic v2 models generated with datamodel-code-generator from the contracts.

Options come from ``[tool.datamodel-codegen]`` in ``pyproject.toml`` plus the profile named by the
contract's ``x-kontrak.codegen-profile``; the schema is bundled first so no ``$ref`` is fetched.
"""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kontrak.contract import Contract
from kontrak.derive.bundle import bundle_schema
from kontrak.derive.headers import python_header
from kontrak.exceptions import KontrakError

__all__ = [
    "class_name_for",
    "codegen_options",
    "model_module_name",
    "render_model",
    "render_models_index",
]

MODELS_PACKAGE = "kontrak_models"


def class_name_for(dataset: str) -> str:
    """Model class name of a dataset: ``riwayat-angka-kredit`` → ``RiwayatAngkaKredit``."""
    return "".join(part.capitalize() for part in dataset.replace("/", "-").split("-"))


def model_module_name(dataset: str, version: str) -> str:
    """Dotted module of a contract's model: ``kontrak_models.riwayat_angka_kredit.v1_0_0``."""
    package = dataset.replace("-", "_").replace("/", ".")
    return f"{MODELS_PACKAGE}.{package}.v{version.replace('.', '_')}"


def codegen_options(pyproject: Path, profile: str) -> dict[str, Any]:
    """Read the base codegen table and one profile from ``pyproject.toml`` as keyword options."""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    table: Mapping[str, Any] = config["tool"]["datamodel-codegen"]
    profiles: Mapping[str, Any] = table.get("profiles", {})
    if profile not in profiles:
        msg = f"codegen profile '{profile}' is not in [tool.datamodel-codegen.profiles]"
        raise KontrakError(msg)
    merged = {k: v for k, v in table.items() if k != "profiles"}
    merged.update(profiles[profile])
    return {key.replace("-", "_"): value for key, value in merged.items()}


def render_model(contract: Contract, pyproject: Path) -> str:
    """Generate the model module of one contract (text, byte-stable)."""
    try:
        from datamodel_code_generator import generate  # noqa: PLC0415 - heavy, dev-only
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        msg = "datamodel-code-generator is needed: pip install 'kontrak[codegen]'"
        raise KontrakError(msg) from exc
    options = codegen_options(pyproject, str(contract.meta["codegen-profile"]))
    bundled = bundle_schema(contract.schema, contract.registry)
    header = python_header(f"contracts/{contract.dataset}/{contract.version}/schema.json")
    with warnings.catch_warnings():
        # Custom formats (tanggal-dmy) are "not understood" by the generator: they stay str.
        warnings.simplefilter("ignore")
        code = generate(
            bundled,
            class_name=class_name_for(contract.dataset),
            custom_file_header=header,
            **options,
        )
    if not isinstance(code, str):  # pragma: no cover - one schema gives one module
        msg = f"unexpected multi-module output for {contract.spec}"
        raise KontrakError(msg)
    return code if code.endswith("\n") else code + "\n"


def render_models_index(specs: list[tuple[str, str]]) -> str:
    """The package ``__init__`` that maps ``dataset@version`` to its model class."""
    lines = [
        python_header("contracts/catalog.yaml"),
        '"""Pydantic v2 models of every contract version, generated from the JSON Schemas.',
        "",
        "Use :func:`model_for` to get the model of ``dataset@version``::",
        "",
        "    from kontrak_models import model_for",
        '    Model = model_for("riwayat-angka-kredit@1.0.0")',
        "    record = Model.model_validate_json(text)",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from importlib import import_module",
        "",
        "from pydantic import BaseModel",
        "",
        '__all__ = ["MODELS", "model_for"]',
        "",
        "MODELS: dict[str, str] = {",
    ]
    for dataset, version in specs:
        target = f"{model_module_name(dataset, version)}:{class_name_for(dataset)}"
        lines.append(f'    "{dataset}@{version}": "{target}",')
    lines += [
        "}",
        "",
        "",
        "def model_for(spec: str) -> type[BaseModel]:",
        '    """Return the model class of ``dataset@version``.',
        "",
        "    Raises:",
        "        KeyError: when no contract version of that name exists.",
        '    """',
        '    module_name, _, class_name = MODELS[spec].partition(":")',
        "    model: type[BaseModel] = getattr(import_module(module_name), class_name)",
        "    return model",
        "",
    ]
    return "\n".join(lines)
