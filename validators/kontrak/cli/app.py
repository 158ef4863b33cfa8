"""The Typer application and the entry point that turns tool failures into exit code 2."""

from __future__ import annotations

import sys

import typer

from kontrak.cli import (
    cmd_check,
    cmd_compat,
    cmd_evaluate,
    cmd_generate,
    cmd_list,
    cmd_lock,
    cmd_match,
    cmd_package,
    cmd_samples,
    cmd_status,
    cmd_strip,
    cmd_validate,
)
from kontrak.exceptions import KontrakError

__all__ = ["app", "main"]

app = typer.Typer(
    name="kontrak",
    help=(
        "Kontrak data pertukaran LAN–BKN (PKS 2022): validasi, katalog, pembangkitan. / "
        "LAN–BKN data-exchange contracts: validation, catalog, generation.\n\n"
        "Kode keluar / exit codes: 0 sah/valid, 1 ada pelanggaran/violations, "
        "2 penggunaan salah atau masukan tak terbaca/usage error or unreadable input."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

for module in (
    cmd_validate,
    cmd_list,
    cmd_strip,
    cmd_package,
    cmd_generate,
    cmd_check,
    cmd_samples,
    cmd_match,
    cmd_status,
    cmd_evaluate,
):
    module.register(app)
for module in (cmd_compat, cmd_lock):  # contract evolution (issue 5)
    module.register(app)


def main() -> None:
    """Run the CLI; a :class:`KontrakError` is reported on stderr with exit code 2."""
    try:
        app()
    except KontrakError as exc:
        print(f"kontrak: {exc}", file=sys.stderr)  # noqa: T201 - the CLI's own error channel
        sys.exit(2)
