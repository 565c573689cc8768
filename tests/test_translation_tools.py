"""Translation status, stamps, glossary check and the publishing report on fixture histories."""

import datetime
import os
import shutil
import subprocess
from pathlib import Path

from scripts import glossary, publishing_report, translation_status
from scripts.languages import ROOT, languages


def page(path: Path, title: str, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\ndescription: About {title}, long enough.\n---\n\n# {title}\n\n{body}\n",
                    encoding="utf-8")
    return path


def test_a_changed_source_makes_its_translations_outdated_and_a_stamp_clears_it(tmp_path: Path):
    docs = tmp_path / "docs"
    source = page(docs / "about.md", "Giới thiệu", "Khu công nghiệp.")
    english = page(docs / "about.en.md", "About", "Industrial park.")
    page(docs / "orphan.lo.md", "ກ", "ຂ")
    translation_status.stamp(english)
    status = translation_status.page_status(docs, languages())
    assert status["en"].outdated == [] and status["en"].missing == []
    assert status["lo"].missing == ["about"] and status["lo"].orphaned == ["orphan"]
    source.write_text(source.read_text("utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert translation_status.page_status(docs, languages())["en"].outdated == ["about"]
    translation_status.stamp(english)
    assert translation_status.page_status(docs, languages())["en"].outdated == []


def test_strict_mode_fails_on_gaps_and_json_is_written(tmp_path: Path, monkeypatch):
    output = tmp_path / "status.json"
    code = translation_status.main(["--json", str(output), "--strict"])
    report = __import__("json").loads(output.read_text("utf-8"))
    gaps = sum(entry["gaps"] for entry in report.values())
    assert (code == 1) == (gaps > 0)


def test_glossary_names_the_page_and_the_term(tmp_path: Path):
    docs = tmp_path / "docs"
    page(docs / "x.md", "X", "Các khu công nghiệp của tỉnh.")
    page(docs / "x.en.md", "X", "The industrial zones of the province.")
    page(docs / "x.lo.md", "X", "ນິຄົມອຸດສາຫະກຳ ຂອງແຂວງ.")
    warnings = glossary.check_docs(docs, ["en", "lo"], root=tmp_path)
    assert warnings == ["docs/x.en.md: glossary term 'khu công nghiệp' should be rendered 'industrial park' "
                        "(not found in this translation)"]


def _commit(repo: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{date}T10:00:00", "GIT_COMMITTER_DATE": f"{date}T10:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", message], check=True, env=env)


def test_monthly_report_on_a_fixture_history(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    page(repo / "docs" / "about.md", "Giới thiệu", "a")
    _commit(repo, "October", "2026-10-05")
    page(repo / "docs" / "about.en.md", "About", "a")
    page(repo / "docs" / "news" / "posts" / "2026-11-03-x.md", "Tin", "b")
    _commit(repo, "November", "2026-11-04")
    page(repo / "docs" / "about.lo.md", "ກ່ຽວກັບ", "a")
    _commit(repo, "December", "2026-12-02")
    entries, coverage = publishing_report.report(repo, datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    pages = [(e.kind, e.locale, e.name, e.date) for e in entries if e.kind != "catalogue"]
    assert pages == [("news", "vi", "news/posts/2026-11-03-x", "2026-11-04"), ("page", "en", "about", "2026-11-04")]
    assert coverage == {"vi": (2, 2), "en": (1, 2), "lo": (0, 2)}
    markdown = publishing_report.to_markdown(entries, coverage, datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert "| en | 1 | 0 |" in markdown and "1/2 (50%)" in markdown
    assert publishing_report.to_csv(entries).splitlines()[0] == "\ufeffdate,kind,language,item"
