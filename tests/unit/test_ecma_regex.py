from __future__ import annotations

from kontrak.engine.ecma_regex import compile_ecma


def test_dollar_does_not_match_before_a_final_newline() -> None:
    assert compile_ecma("^[0-9]{18}$").search("198403142009122987")
    assert not compile_ecma("^[0-9]{18}$").search("198403142009122987\n")


def test_dollar_inside_a_class_and_escaped_stays_literal() -> None:
    assert compile_ecma("^[$]+$").search("$$")
    assert compile_ecma(r"^a\$$").search("a$")


def test_digit_class_is_ascii_only() -> None:
    assert not compile_ecma(r"^\d$").search("٣")
