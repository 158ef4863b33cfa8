"""The full list of derived files, and how to write or check them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kontrak.catalog import Catalog
from kontrak.contract import TABLE_SCHEMA_FILE, Contract, load_contract
from kontrak.derive.docs_pages import iter_docs_pages
from kontrak.derive.models import model_module_name, render_model, render_models_index
from kontrak.derive.site import GENERATED_DIRS, NAV_FILE, build_site_context, render_nav
from kontrak.derive.table_schema import render_table_schema
from kontrak.evolution.docs_pages import iter_evolution_pages

__all__ = ["DerivedFile", "Drift", "apply_plan", "build_plan", "find_drift"]

MODELS_DIR = Path("generated") / "kontrak_models"
DOCS_DIR = Path("docs")
GENERATED_DOCS_DIRS = tuple(DOCS_DIR / folder for folder in GENERATED_DIRS)


@dataclass(frozen=True, slots=True)
class DerivedFile:
    """A file to exist at ``path`` (relative to the repository) with exactly ``text``."""

    path: Path
    text: str


@dataclass(frozen=True, slots=True)
class Drift:
    """One derived file that is out of date: ``missing``, ``changed`` or ``orphaned``."""

    path: Path
    kind: str


def _contracts(catalog: Catalog) -> dict[tuple[str, str], Contract]:
    return {
        (entry.id, version.version): load_contract(f"{entry.id}@{version.version}", catalog)
        for entry in catalog.datasets.values()
        for version in entry.versions
    }


def build_plan(catalog: Catalog, repo: Path) -> list[DerivedFile]:
    """Every derived file of the repository at ``repo``, rendered in memory."""
    contracts = _contracts(catalog)
    plan: list[DerivedFile] = []
    contracts_rel = catalog.root.relative_to(repo)
    packages: set[Path] = set()
    for (dataset, version), contract in contracts.items():
        plan.append(
            DerivedFile(
                contracts_rel / dataset / version / TABLE_SCHEMA_FILE, render_table_schema(contract)
            )
        )
        module = Path("generated", *model_module_name(dataset, version).split(".")).with_suffix(
            ".py"
        )
        plan.append(DerivedFile(module, render_model(contract, repo / "pyproject.toml")))
        package = module.parent
        while package != MODELS_DIR:
            packages.add(package)
            package = package.parent
    for package in sorted(packages):
        plan.append(
            DerivedFile(package / "__init__.py", '"""Generated models; see kontrak_models."""\n')
        )
    plan.append(DerivedFile(MODELS_DIR / "__init__.py", render_models_index(sorted(contracts))))
    plan.append(DerivedFile(MODELS_DIR / "py.typed", ""))
    # Changelogs and the compatibility rules page (contract evolution, issue 5).
    plan += [
        DerivedFile(DOCS_DIR / path, text)
        for path, text in iter_evolution_pages(catalog, contracts)
    ]
    # The site comes last: its pages and navigation link to every other planned docs page.
    planned_docs = [
        item.path.relative_to(DOCS_DIR).as_posix()
        for item in plan
        if item.path.parts[0] == DOCS_DIR.name
    ]
    context = build_site_context(catalog, contracts, repo, planned_docs)
    pages = [DerivedFile(DOCS_DIR / path, text) for path, text in iter_docs_pages(context)]
    plan += pages
    site_pages = [page.path.relative_to(DOCS_DIR).as_posix() for page in pages]
    plan.append(DerivedFile(Path(NAV_FILE), render_nav(context, site_pages)))
    return plan


def _existing_derived(catalog: Catalog, repo: Path) -> set[Path]:
    found = {p.relative_to(repo) for p in catalog.root.rglob(TABLE_SCHEMA_FILE)}
    for folder in (MODELS_DIR, *GENERATED_DOCS_DIRS):
        base = repo / folder
        if base.is_dir():
            found |= {
                p.relative_to(repo)
                for p in base.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts
            }
    return found


def find_drift(catalog: Catalog, repo: Path, plan: list[DerivedFile] | None = None) -> list[Drift]:
    """Compare the plan with the files on disk."""
    plan = plan if plan is not None else build_plan(catalog, repo)
    drift: list[Drift] = []
    planned = {item.path for item in plan}
    for item in plan:
        target = repo / item.path
        if not target.is_file():
            drift.append(Drift(item.path, "missing"))
        elif target.read_text(encoding="utf-8") != item.text:
            drift.append(Drift(item.path, "changed"))
    drift += [
        Drift(path, "orphaned") for path in sorted(_existing_derived(catalog, repo) - planned)
    ]
    return drift


def apply_plan(catalog: Catalog, repo: Path, plan: list[DerivedFile] | None = None) -> list[Drift]:
    """Write every drifted file and delete orphans; return what changed."""
    plan = plan if plan is not None else build_plan(catalog, repo)
    drift = find_drift(catalog, repo, plan)
    texts = {item.path: item.text for item in plan}
    for item in drift:
        target = repo / item.path
        if item.kind == "orphaned":
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(texts[item.path], encoding="utf-8")
        temporary.replace(target)
    return drift
