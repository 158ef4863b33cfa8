"""Options shared by several commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from kontrak.exceptions import KontrakError

__all__ = [
    "Lang",
    "LangOption",
    "ListFormat",
    "OutputFile",
    "reports_tool_errors",
    "write_output",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def reports_tool_errors(command: Callable[_P, _R]) -> Callable[_P, _R]:
    """Turn a :class:`KontrakError` raised by ``command`` into a message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return command(*args, **kwargs)
        except KontrakError as exc:
            typer.echo(f"kontrak: {exc}", err=True)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("KONTRAK_DEBUG"):
                raise
            typer.echo(
                f"kontrak: galat internal / internal error ({type(exc).__name__}: {exc}). "
                "Laporkan dengan / report it with KONTRAK_DEBUG=1 for the traceback.",
                err=True,
            )
            raise typer.Exit(2) from None

    return wrapper


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


_CANNOT_WRITE = "laporan tidak dapat ditulis ke / cannot write the report to"


def write_output(text: str | Iterable[str], output: Path | None) -> None:
    """Write ``text`` (or its pieces, as they come) to ``output`` atomically, or to stdout.

    A file is written under a temporary name and renamed when complete, so a report is never
    left half-written; stdout gets the pieces in blocks of about a megabyte.

    Raises:
        KontrakError: ``output`` cannot be written (no such folder, no permission, a folder).
    """
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for block in _blocks(pieces):
            typer.echo(block, nl=False)
        return
    if output.is_dir():
        msg = (
            f"--output {output}: {_CANNOT_WRITE} {output} (ini direktori, berikan nama berkas / "
            "is a directory, give a file)"
        )
        raise KontrakError(msg)
    temporary = output.with_name(output.name + ".tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.writelines(pieces)
        temporary.replace(output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        msg = f"--output {output}: {_CANNOT_WRITE} {output} ({reason})"
        raise KontrakError(msg) from None
    except BaseException:
        temporary.unlink(missing_ok=True)  # nothing half-written is left behind
        raise


def _blocks(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """The pieces joined into blocks of about ``size`` characters."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)
