"""The allow-list for raw HTML in pages, and the files and paths an author may not bring in."""

from pathlib import Path

import pytest

from scripts import images, sanitise
from scripts.generated_files import OutsideOutput, write_if_changed

ATTACKS = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">',
    '<img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<p style="background:url(https://evil.example/x)">x</p>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<!-- x --><img src=x onerror=alert(1)> -->',
    '<form action="https://evil.example"><input name=p></form>',
    '<iframe src="https://evil.example"></iframe>',
]


@pytest.mark.parametrize("html", ATTACKS)
def test_attacks_are_removed_and_reported_with_the_line(html):
    source = "---\ntitle: t\n---\n\n# x\n\n" + html + "\n"
    cleaned, warnings = sanitise.sanitise_page(html, source, "docs/x.md")
    for dangerous in ("javascript", "onerror", "onclick", "<script", "<iframe", "<meta", "<base", "<form", "url(",
                      "data:", "<object", "<embed", "<svg", "<math"):
        assert dangerous not in cleaned.lower()
    assert warnings and all(warning.startswith("docs/x.md:7: html: removed ") for warning in warnings), warnings


@pytest.mark.parametrize("html", [
    '<div class="grid cards"><p>x</p></div>',
    '<table><thead><tr><th style="text-align:left">a</th></tr></thead></table>',
    '<a href="https://example.org/x" title="t" target="_blank">x</a>',
    '<a href="mailto:ipa@example.org">x</a> <a href="tel:+842383844000">y</a> <a href="#top">z</a>',
    '<!-- catalogue:sectors --><p><span class="badge" data-sector="tourism">x</span></p>',
    '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>',
    '<details open><summary>s</summary><p>x</p></details>',
])
def test_what_pages_need_is_kept(html):
    cleaned, warnings = sanitise.sanitise_page(html, html, "docs/x.md")
    assert warnings == [] and cleaned.replace(" open=\"\"", " open") == html


def test_svg_html_and_script_files_are_refused_outside_assets(tmp_path: Path):
    docs = tmp_path / "docs"
    for name in ("photos/logo.svg", "evil.html", "x/run.js", "assets/images/favicon.svg", "embed/map-vi.html",
                 "photos/ok.jpg"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x")
    assert [problem.path for problem in images.refused_files(docs, tmp_path)] == [
        "docs/evil.html", "docs/photos/logo.svg", "docs/x/run.js"]


@pytest.mark.parametrize("name", ["../../CONTRIBUTING.md", "parks/../../x.md"])
def test_a_generated_path_cannot_leave_its_folder(tmp_path: Path, name):
    with pytest.raises(OutsideOutput):
        write_if_changed(tmp_path / "docs" / name, "x")
    assert not (tmp_path / "CONTRIBUTING.md").exists() and not (tmp_path / "x.md").exists()
