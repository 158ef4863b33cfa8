"""The error catalog is the one source of codes: every code the code emits is in it."""

from __future__ import annotations

import re
import string

from tests.conftest import REPO

from kontrak.error_catalog import ERROR_CATALOG, LAYERS
from kontrak.rules import RULES

_CODE_LITERAL = re.compile(r'code="([a-z][a-z0-9-]+)"')


def test_every_emitted_code_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in (REPO / "validators" / "kontrak").rglob("*.py"):
        used |= set(_CODE_LITERAL.findall(path.read_text(encoding="utf-8")))
    for rule in RULES.values():
        used |= set(rule.codes)
    assert used - set(ERROR_CATALOG) == set()


def test_codes_are_kebab_case_with_known_layers_and_both_languages() -> None:
    for code, entry in ERROR_CATALOG.items():
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", code)
        assert entry.code == code
        assert entry.layer in LAYERS
        for text in (entry.title_id, entry.title_en, entry.description_id, entry.description_en):
            assert text.strip()


def test_templates_use_the_same_placeholders_in_both_languages() -> None:
    for entry in ERROR_CATALOG.values():
        names_id = {n for _, n, _, _ in string.Formatter().parse(entry.message_id) if n}
        names_en = {n for _, n, _, _ in string.Formatter().parse(entry.message_en) if n}
        assert {n.removesuffix("_id").removesuffix("_en") for n in names_id} == {
            n.removesuffix("_id").removesuffix("_en") for n in names_en
        }, entry.code
