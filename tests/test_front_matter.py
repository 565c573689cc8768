from pathlib import Path

from scripts.front_matter import check_docs, check_page
from scripts.languages import ROOT


def test_every_page_of_the_repository_has_a_valid_header():
    assert [str(p) for p in check_docs(ROOT / "docs", ROOT)] == []


def test_unquoted_colon_and_missing_fields_are_reported(tmp_path: Path):
    page = tmp_path / "x.md"
    page.write_text("---\ntitle: Lao động\ndescription: Lực lượng: số người\n---\n\n# x\n", encoding="utf-8")
    (problem,) = check_page(page, "docs/x.md")
    assert str(problem).startswith("docs/x.md:3: syntax: expected valid YAML, got mapping values are not allowed")
    assert problem.hint.startswith("put the value in double quotes")
    page.write_text("---\ntitle: T\n---\n\n# x\n", encoding="utf-8")
    assert [str(p) for p in check_page(page, "docs/x.md")] == [
        "docs/x.md:1: description: expected a 'description:' line in the header, got none"]
