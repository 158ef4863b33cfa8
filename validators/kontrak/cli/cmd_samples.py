"""``kontrak samples``: run the bundled sample exchanges of both agencies."""

from __future__ import annotations

from typing import Annotated

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.cli.repo import require_repository
from kontrak.samples import iter_package_cases, iter_sample_cases, run_case, run_package_case

__all__ = ["register"]


@reports_tool_errors
def samples_command(
    dataset: Annotated[
        str | None, typer.Argument(help="Hanya dataset ini / only this dataset.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Cantumkan setiap kasus.")
    ] = False,
) -> None:
    """Jalankan contoh pertukaran: yang sah harus lolos, yang tidak sah sesuai berkas .expect.yaml.

    Run the sample exchanges: valid ones must pass, invalid ones must report exactly what their
    .expect.yaml sidecar says.
    """
    repo = require_repository()
    catalog = load_catalog()
    if dataset is not None:
        catalog.dataset(dataset)
    results = [
        run_case(case, catalog)
        for case in iter_sample_cases(repo / "samples", catalog)
        if dataset is None or case.dataset == dataset
    ]
    if dataset is None:
        results += [run_package_case(case) for case in iter_package_cases(repo / "samples")]
    failed = [r for r in results if not r.ok]
    for result in results:
        case = result.case
        if result.ok and not verbose:
            continue
        mark = "✓" if result.ok else "✗"
        rel = case.path.relative_to(repo)
        found = ", ".join(
            sorted({v.code for v in result.report.violations if v.severity != "info"})
        )
        typer.echo(f"{mark} {case.kind:<7} {rel}  {found or '(bersih/clean)'}")
        for problem in result.problems:
            typer.echo(f"    {problem}")
    by_dataset: dict[str, list[int]] = {}
    for result in results:
        spec = "paket / packages" if result.case.dataset == "(paket)" else result.case.spec
        counts = by_dataset.setdefault(spec, [0, 0, 0, 0])
        counts[0 if result.case.kind == "valid" else 1] += 1
        counts[2] += result.report.records
        counts[3] += 0 if result.ok else 1
    typer.echo("")
    typer.echo(f"{'dataset@versi':<40} {'sah':>5} {'tidak sah':>10} {'record':>8} {'gagal':>6}")
    for spec, (valid, invalid, records, bad) in sorted(by_dataset.items()):
        typer.echo(f"{spec:<40} {valid:>5} {invalid:>10} {records:>8} {bad:>6}")
    typer.echo(
        f"\n{len(results)} contoh / samples, {len(failed)} tidak sesuai harapan / not as declared."
    )
    raise typer.Exit(1 if failed or not results else 0)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("samples", epilog="Contoh / example: kontrak samples -v")(samples_command)
