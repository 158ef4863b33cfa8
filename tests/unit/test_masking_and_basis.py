from __future__ import annotations

import pytest

from kontrak.basis import format_basis
from kontrak.masking import mask_text, render_value


def test_mask_keeps_length_and_ends_of_long_values() -> None:
    assert mask_text("198403142009122987") == "19**************87"
    assert mask_text("31-02-2021") == "**********"


def test_render_value_masks_only_personal_values() -> None:
    assert render_value("Y", personal=False, show_values=False) == "Y"
    assert render_value("Sekar Ayu Pramesti", personal=True, show_values=False) == (
        "Se**************ti"
    )
    assert render_value("Sekar", personal=True, show_values=True) == "Sekar"
    assert render_value({"a": 1}, personal=True, show_values=False) == "<disamarkan/masked>"
    assert render_value(46.5, personal=False, show_values=False) == "46.5"


def test_long_values_are_cut_masked_or_not() -> None:
    """A 300-character value fills no terminal line: masked or not, 80 characters at most."""
    long = "A" * 300
    masked = render_value(long, personal=True, show_values=False)
    assert masked == "AA" + "*" * 77 + "…"
    assert render_value(long, personal=False, show_values=False) == "A" * 79 + "…"
    assert render_value(long, personal=True, show_values=True) == "A" * 79 + "…"


@pytest.mark.parametrize(
    ("short", "indonesian", "english"),
    [
        ("3(2)3", "Pasal 3 ayat (2) angka 3", "Article 3(2) item 3"),
        ("2d", "Pasal 2 huruf d", "Article 2 letter d"),
        ("7", "Pasal 7", "Article 7"),
        ("9(3)", "Pasal 9 ayat (3)", "Article 9(3)"),
    ],
)
def test_basis_is_spelled_out(short: str, indonesian: str, english: str) -> None:
    assert format_basis(short) == indonesian
    assert format_basis(short, "en") == english


def test_malformed_basis_is_refused() -> None:
    with pytest.raises(ValueError, match="not a basis"):
        format_basis("Pasal 3")
