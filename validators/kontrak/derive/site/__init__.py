"""The specification site's generated pages (MkDocs Material, Bahasa Indonesia + English)."""

from __future__ import annotations

from kontrak.derive.site.context import GENERATED_DIRS, SiteContext, build_site_context
from kontrak.derive.site.nav import NAV_FILE, render_nav

__all__ = ["GENERATED_DIRS", "NAV_FILE", "SiteContext", "build_site_context", "render_nav"]
