"""What a save affects: which pages to render again, whether the data step runs, which languages to
rebuild whole. A plain function of the changed paths and what each language's build holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CATALOGUE_SOURCES = (".csv", ".xlsx")  # the department's spreadsheets in data/projects/
NEWS_POSTS = Path("docs") / "news" / "posts"  # read by the data step too (listings, feeds, home page)


@dataclass
class Plan:
    pages: dict[str, set[Path]] = field(default_factory=dict)  # locale → page sources to render again
    statics: set[Path] = field(default_factory=set)  # copied files under docs/ to copy again
    data_step: bool = False  # run the data step, then render the pages whose generated source changed
    rebuild: set[str] = field(default_factory=set)  # languages to build whole
    markers: set[str] = field(default_factory=set)  # kinds of marker (scripts/markers.py) whose pages show new data

    @property
    def empty(self) -> bool:
        return not (any(self.pages.values()) or self.statics or self.data_step or self.rebuild)


def page_locale(name: str, locales: list[str], default: str) -> str:
    """`x.en.md` → en, `x.md` → the default language."""
    parts = name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in locales else default


def affected(changed: list[Path], root: Path, pages: dict[str, set[Path]], statics: set[Path],
             locales: list[str], default: str) -> Plan:
    """The plan for the `changed` paths (absolute, under `root`), given each language's page sources
    (`pages`: locale → sources, a fallback page in every language that shows it) and the copied
    files under docs/. A new or deleted page rebuilds its language (a default-language page every
    language, which may show it as their fallback); a news post also runs the data step, which makes
    the news lists and feeds from the posts; anything outside docs/ and the spreadsheets rebuilds
    every language."""
    plan = Plan()
    docs, projects = root / "docs", root / "data" / "projects"
    for path in changed:
        if path.is_relative_to(docs) and path.suffix == ".md":
            showing = [locale for locale, sources in pages.items() if path in sources]
            if showing and path.exists():
                for locale in showing:
                    plan.pages.setdefault(locale, set()).add(path)
                if path.is_relative_to(root / NEWS_POSTS):
                    plan.data_step = True
                    plan.markers.add("content")
                continue
            locale = page_locale(path.name, locales, default)
            plan.rebuild.update(locales if locale == default else [locale])
        elif path.is_relative_to(docs) and path in statics and path.exists():
            plan.statics.add(path)
        elif path.is_relative_to(projects) and path.suffix.lower() in CATALOGUE_SOURCES:
            plan.data_step = True
            plan.markers.add("catalogue")
        else:
            plan.rebuild.update(locales)
    for locale in plan.rebuild:  # rebuilt whole: nothing to render alone
        plan.pages.pop(locale, None)
    if set(plan.rebuild) == set(locales):
        plan.statics.clear()
    return plan
