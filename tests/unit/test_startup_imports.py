"""The CLI starts without the libraries only some commands need (pre-commit runs it often)."""

from __future__ import annotations

import subprocess
import sys

LAZY = ("openpyxl", "fpdf")


def test_cli_import_leaves_workbook_and_pdf_libraries_out() -> None:
    code = (
        "import sys, kontrak.cli; "
        f"print(','.join(name for name in {LAZY!r} if name in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
