"""`kontrak status`: the agreement's state for any day, extensions, and the next deadlines."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from kontrak.agreement_status import add_months, agreement_status
from kontrak.cli.app import app


@pytest.mark.parametrize(
    ("today", "state", "exit_code"),
    [
        ("2022-06-07", "belum-berlaku", 1),
        ("2022-06-08", "berlaku", 0),
        ("2023-06-01", "berlaku", 0),
        ("2024-03-07", "berlaku", 0),
        ("2024-03-08", "segera-berakhir", 0),
        ("2024-06-07", "segera-berakhir", 0),
        ("2024-06-08", "berakhir", 1),
        ("2026-11-26", "berakhir", 1),
    ],
)
def test_state_on_any_day(today: str, state: str, exit_code: int) -> None:
    result = CliRunner().invoke(app, ["status", "--today", today, "--format", "json"])
    assert result.exit_code == exit_code, result.output
    data = json.loads(result.output)
    assert data["state"] == state
    assert (data["signed"], data["ends"], data["last_day"]) == (
        "2022-06-08",
        "2024-06-08",
        "2024-06-07",
    )


def test_today_without_option_reports_the_real_date() -> None:
    result = CliRunner().invoke(app, ["status", "--format", "json"])
    assert json.loads(result.output)["today"] == dt.date.today().isoformat()


def test_text_warns_within_three_months_and_after_the_end() -> None:
    soon = CliRunner().invoke(app, ["status", "--today", "2024-04-01"]).output
    assert "SEGERA BERAKHIR" in soon
    assert "68 hari lagi" in soon
    assert "Pasal 6(2)" in soon
    lapsed = CliRunner().invoke(app, ["status", "--today", "2024-07-01"]).output
    assert "BERAKHIR" in lapsed
    assert "tanpa perpanjangan" in lapsed
    fine = CliRunner().invoke(app, ["status", "--today", "2023-01-10"]).output
    assert "PERINGATAN" not in fine


def test_next_matching_round_and_evaluation() -> None:
    status = agreement_status(dt.date(2023, 8, 1))
    assert status.next_matching.period.label == "2023-S2"
    assert status.next_matching.due == dt.date(2024, 1, 31)
    assert status.next_evaluation.period.label == "2023"
    assert status.next_evaluation.due == dt.date(2024, 2, 28)
    on_due_day = agreement_status(dt.date(2023, 7, 31))
    assert on_due_day.next_matching.period.label == "2023-S1"


def test_a_recorded_extension_moves_the_end(tmp_path: Path) -> None:
    contracts = tmp_path / "contracts"
    shutil.copytree(REPO / "contracts" / "_meta", contracts / "_meta")
    shutil.copytree(REPO / "contracts" / "_shared", contracts / "_shared")
    text = (REPO / "contracts" / "agreement.yaml").read_text(encoding="utf-8")
    extension = (
        "  perpanjangan-2024:\n"
        "    kind: perpanjangan\n"
        "    extends: pks-lan-bkn-2022\n"
        "    signed: 2024-03-01\n"
        "    valid-until: 2026-06-08\n"
        "    numbers: {LAN: X/1, BKN: Y/2}\n"
        "    title: {id: Perpanjangan PKS, en: Extension}\n"
    )
    text = text.replace("parties:\n", extension + "parties:\n", 1)
    (contracts / "agreement.yaml").write_text(text, encoding="utf-8")
    status = agreement_status(dt.date(2024, 7, 1), root=contracts)
    assert (status.state, status.ends) == ("berlaku", dt.date(2026, 6, 8))
    assert status.extensions == (("perpanjangan-2024", dt.date(2024, 3, 1), dt.date(2026, 6, 8)),)
    assert agreement_status(dt.date(2026, 3, 8), root=contracts).state == "segera-berakhir"
    assert agreement_status(dt.date(2026, 6, 8), root=contracts).state == "berakhir"


def test_status_on_a_date_counts_only_what_was_signed_by_then(tmp_path: Path) -> None:
    contracts = tmp_path / "contracts"
    shutil.copytree(REPO / "contracts" / "_meta", contracts / "_meta")
    shutil.copytree(REPO / "contracts" / "_shared", contracts / "_shared")
    text = (REPO / "contracts" / "agreement.yaml").read_text(encoding="utf-8")
    late_extension = (
        "  perpanjangan-2024:\n"
        "    kind: perpanjangan\n"
        "    extends: pks-lan-bkn-2022\n"
        "    signed: 2024-07-15\n"
        "    valid-until: 2026-07-15\n"
        "    numbers: {LAN: X/1, BKN: Y/2}\n"
        "    title: {id: Perpanjangan PKS, en: Extension}\n"
    )
    text = text.replace("parties:\n", late_extension + "parties:\n", 1)
    (contracts / "agreement.yaml").write_text(text, encoding="utf-8")
    before = agreement_status(dt.date(2024, 4, 1), root=contracts)
    assert (before.state, before.ends, before.extensions) == (
        "segera-berakhir",
        dt.date(2024, 6, 8),
        (),
    )
    assert not any(doc[0] == "perpanjangan-2024" for doc in before.documents)
    assert not any(doc[3] and doc[3] > dt.date(2024, 4, 1) for doc in before.documents)
    gap = agreement_status(dt.date(2024, 7, 1), root=contracts)
    assert (gap.state, gap.ends) == ("berakhir", dt.date(2024, 6, 8)), "lapsed until signed"
    after = agreement_status(dt.date(2024, 7, 15), root=contracts)
    assert (after.state, after.ends) == ("berlaku", dt.date(2026, 7, 15))


def test_add_months_clips_the_day() -> None:
    assert add_months(dt.date(2024, 5, 31), -3) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2022, 6, 8), 24) == dt.date(2024, 6, 8)


def test_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["status", "--today", "08-06-2024"])
    assert result.exit_code == 2


def test_recorded_drafts_are_listed_but_change_nothing(tmp_path: Path) -> None:
    contracts = tmp_path / "contracts"
    shutil.copytree(REPO / "contracts" / "_meta", contracts / "_meta")
    shutil.copytree(REPO / "contracts" / "_shared", contracts / "_shared")
    text = (REPO / "contracts" / "agreement.yaml").read_text(encoding="utf-8")
    draft = (
        "  perpanjangan-draf:\n"
        "    kind: perpanjangan\n"
        "    status: draft\n"
        "    drafted: 2024-02-01\n"
        "    extends: pks-lan-bkn-2022\n"
        "    valid-until: 2026-06-08\n"
        "    title: {id: Rancangan perpanjangan, en: Draft extension}\n"
    )
    (contracts / "agreement.yaml").write_text(
        text.replace("parties:\n", draft + "parties:\n", 1), encoding="utf-8"
    )
    status = agreement_status(dt.date(2024, 7, 1), root=contracts)
    assert ("perpanjangan-draf", "perpanjangan", "draft", dt.date(2024, 2, 1)) in status.documents
    assert (status.state, status.ends, status.extensions) == ("berakhir", dt.date(2024, 6, 8), ())
