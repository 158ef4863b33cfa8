"""Renderers of a compatibility report: text, json, junit and github (workflow annotations)."""

from __future__ import annotations

from collections.abc import Callable

from kontrak.evolution.output.github import render_github
from kontrak.evolution.output.json_out import render_json
from kontrak.evolution.output.junit import render_junit
from kontrak.evolution.output.report import CompatReport
from kontrak.evolution.output.text import render_text

__all__ = ["COMPAT_RENDERERS", "CompatRenderer", "CompatReport"]

CompatRenderer = Callable[[CompatReport, str], str]

COMPAT_RENDERERS: dict[str, CompatRenderer] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "github": render_github,
}
