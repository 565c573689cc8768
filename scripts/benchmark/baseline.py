"""The stock baseline for the benchmark: mkdocs-material + mkdocs-static-i18n building N plain
Markdown pages in the same three languages, the detail pages kept out of `nav:`."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.languages import languages

WORDS = ("Nghệ An có sân bay quốc tế Vinh, cảng Cửa Lò và cửa khẩu Nậm Cắn. " * 12).strip()


def write_baseline(folder: Path, count: int) -> Path:
    """A stock site with `count` pages per language; returns its mkdocs.yml."""
    docs = folder / "docs"
    (docs / "projects").mkdir(parents=True, exist_ok=True)
    for language in languages():
        suffix = "" if language.default else f".{language.locale}"
        (docs / f"index{suffix}.md").write_text(f"# {language.name}\n\n[Projects](projects/index.md)\n", "utf-8")
        lines = [f"# Projects ({language.locale})", ""]
        for number in range(1, count + 1):
            (docs / "projects" / f"p-{number:05d}{suffix}.md").write_text(
                f"---\ntitle: Project {number}\ndescription: Project {number}, a test page.\n---\n\n"
                f"# Project {number}\n\n{WORDS}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n", "utf-8")
            lines.append(f"- [Project {number}](p-{number:05d}.md)")
        (docs / "projects" / f"index{suffix}.md").write_text("\n".join(lines) + "\n", "utf-8")
    config = {
        "site_name": "Baseline", "site_url": "http://127.0.0.1/", "theme": {"name": "material", "font": False},
        "nav": ["index.md", "projects/index.md"], "not_in_nav": "/projects/p-*.md",
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": lang.locale, "name": lang.name, "default": lang.default, "build": True} for lang in languages()]}}],
    }
    (folder / "overrides" / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    # Material has no Lao interface file; the stock build needs one to run at all.
    lao = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "languages" / "lo.html"
    (folder / "overrides" / "partials" / "languages" / "lo.html").write_text(lao.read_text("utf-8"), "utf-8")
    config["theme"]["custom_dir"] = "overrides"
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path
