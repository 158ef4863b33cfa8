"""Options shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["Lang", "LangOption", "ListFormat", "OutputFile", "write_output"]


class Lang(StrEnum):
    """Language of messages."""

    id = "id"
    en = "en"


class ListFormat(StrEnum):
    """Output formats of listing commands."""

    text = "text"
    json = "json"


LangOption = Annotated[
    Lang,
    typer.Option("--lang", help="Bahasa pesan / message language: id (default) or en."),
]

OutputFile = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Tulis laporan ke berkas / write the report to FILE."),
]


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout."""
    if output is None:
        typer.echo(text, nl=False)
        return
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(output)
