"""The publish command's parts, called directly: address checks, release names, page changes,
release folders (switch, prune, rollback), compressed copies, the CSP scan, the header files and the
rsync/ssh commands for a remote server (run there only, so checked by their arguments)."""

from __future__ import annotations

import datetime
import gzip
import shlex
from pathlib import Path

import brotli
import pytest

from scripts import precompress, publish, publishing_report, releases, remote
from scripts.server import csp, files, headers

NOW = datetime.datetime(2026, 12, 1, 20, 5, 9, tzinfo=datetime.UTC)


@pytest.mark.parametrize("url", ["", None, "https://nghean-invest.example.org/", "https://nghean-invest.example.org/x/"])
def test_unset_or_placeholder_address_is_refused_with_where_to_set_it(url):
    with pytest.raises(publish.PublishError) as refused:
        publish.checked_site_url(url)
    assert "mkdocs.yml → site_url" in str(refused.value)


def test_address_gets_a_trailing_slash_and_needs_a_scheme():
    assert publish.checked_site_url("https://invest.nghean.gov.vn") == "https://invest.nghean.gov.vn/"
    with pytest.raises(publish.PublishError):
        publish.checked_site_url("invest.nghean.gov.vn")


def test_built_address_is_read_from_the_sitemap(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://a.example/</loc></url></urlset>")
    assert publish.built_site_url(tmp_path) == "https://a.example/"
    assert publish.built_site_url(tmp_path / "missing") is None


def test_no_build_refuses_a_site_built_for_another_address(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://a.example/</loc></url></urlset>")
    with pytest.raises(publish.PublishError, match="built for https://a.example/"):
        publish.site_to_publish(tmp_path, "https://b.example/", build=False)


def test_release_names_sort_by_time_and_never_repeat():
    first = publish.release_name(NOW, "abc1234", [])
    assert first == "20261201T200509Z-abc1234"
    again = publish.release_name(NOW, "def5678", [first])
    assert again > first and again.endswith("-def5678")


def test_page_changes_compare_manifests():
    old = {"": "1", "en/about/": "2", "lo/": "3"}
    new = {"": "1", "en/about/": "changed", "en/news/": "4"}
    assert publish.page_changes(old, new) == {"added": ["en/news/"], "changed": ["en/about/"], "removed": ["lo/"]}


def test_page_manifest_names_pages_by_address(tmp_path):
    (tmp_path / "en" / "about").mkdir(parents=True)
    (tmp_path / "en" / "about" / "index.html").write_text("a")
    (tmp_path / "404.html").write_text("missing")
    (tmp_path / "embed").mkdir()
    (tmp_path / "embed" / "map-en.html").write_text("m")
    assert sorted(publish.page_manifest(tmp_path)) == ["embed/map-en.html", "en/about/"]


def make_release(dest: Path, name: str) -> None:
    (dest / releases.RELEASES / name / "site").mkdir(parents=True)


def test_switch_prune_and_rollback(tmp_path):
    names = [f"2026120{day}T000000Z-c{day}" for day in range(1, 8)]
    for name in names:
        make_release(tmp_path, name)
    releases.switch_current(tmp_path, names[-1])
    assert releases.current_release(tmp_path) == names[-1]
    assert (tmp_path / releases.CURRENT / "site").is_dir()
    deleted = releases.prune(tmp_path, keep=5)
    assert deleted == names[:2] and releases.release_names(tmp_path) == names[2:]
    releases.switch_current(tmp_path, releases.previous_release(tmp_path))
    assert releases.current_release(tmp_path) == names[-2]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".current")]  # no temporary link left


def test_prune_keeps_the_release_served_even_when_old(tmp_path):
    names = [f"2026120{day}T000000Z-c{day}" for day in range(1, 5)]
    for name in names:
        make_release(tmp_path, name)
    releases.switch_current(tmp_path, names[0])
    releases.prune(tmp_path, keep=2)
    assert releases.release_names(tmp_path) == [names[0], *names[2:]]


def test_rollback_from_the_oldest_release_is_refused(tmp_path):
    make_release(tmp_path, "20261201T000000Z-a")
    releases.switch_current(tmp_path, "20261201T000000Z-a")
    with pytest.raises(releases.ReleaseError, match="none to go back to"):
        releases.previous_release(tmp_path)


def test_leftovers_of_an_interrupted_publish_are_removed_first(tmp_path):
    leftover = tmp_path / releases.RELEASES / (releases.INCOMING + "old")
    leftover.mkdir(parents=True)
    incoming = releases.incoming_folder(tmp_path, "new")
    assert not leftover.exists() and incoming.name == releases.INCOMING + "new"
    assert releases.release_names(tmp_path) == []


def test_compressed_copies_decompress_to_the_file(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Nghệ An</p>" * 100, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" * 100)
    (tmp_path / "tiny.css").write_text("a{}")
    assert precompress.precompress(tmp_path) == 1
    assert gzip.decompress(Path(f"{page}.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress(Path(f"{page}.br").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "photo.png.gz").exists() and not (tmp_path / "tiny.css.gz").exists()


PAGE = """<html><head><script>var theme=1;</script><script src="a.js"></script>
<script type="application/ld+json">{"@type": "Thing"}</script><style>p{color:red}</style></head>
<body><article class="md-content__inner"><script>alert("from content")</script>
<p style="left: 1%; top: 2%">x</p></article></body></html>"""


def test_csp_hashes_the_theme_scripts_but_not_the_content_ones():
    found = csp.InlineCode()
    csp.scan_page(PAGE, "x.html", False, found)
    assert found.scripts == {csp.sha256_source("var theme=1;")}
    assert found.content_scripts == ['x.html: alert("from content")']
    assert found.styles == {csp.sha256_source("p{color:red}")}
    assert found.style_attributes == {csp.sha256_source("left: 1%; top: 2%")}


def test_embeddable_pages_are_wholly_ours():
    found = csp.InlineCode()
    csp.scan_page(PAGE, "embed/x.html", True, found)
    assert csp.sha256_source('alert("from content")') in found.scripts


def test_policy_has_no_unsafe_inline_and_frames_only_embeds():
    found = csp.InlineCode(scripts={"'sha256-x'"})
    policy = headers.policies(found, https=True)
    assert "'unsafe-inline'" not in policy.page
    assert "frame-ancestors 'self'" in policy.page and "frame-ancestors *" in policy.embed
    assert "upgrade-insecure-requests" in policy.page
    assert "img-src 'self' data: blob: https://tile.openstreetmap.org;" in policy.embed  # the map's optional layer
    assert "img-src 'self' data: blob:;" in policy.page  # blob:: a 3D model's own textures (scripts/server/headers.py)
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-x'" in policy.page  # WebAssembly only, never eval()
    assert "'unsafe-eval'" not in policy.page
    assert "Strict-Transport-Security" in headers.common_headers(https=True)
    assert "Strict-Transport-Security" not in headers.common_headers(https=False)


@pytest.mark.parametrize("path, lifetime", [
    ("assets/javascripts/bundle.a5f9d56c.min.js", headers.CACHE_IMMUTABLE),
    ("assets/cards/022bb955ffddbee36c1a.png", headers.CACHE_IMMUTABLE),
    ("assets/javascripts/catalogue.js", headers.CACHE_ASSET),
    ("en/about/", headers.CACHE_PAGE),
])
def test_cache_lifetimes(path, lifetime):
    assert headers.cache_control(path) == lifetime


def test_headers_file_never_sets_one_header_from_two_rules(tmp_path):
    for folder in ["en", "embed", "assets/javascripts", "assets/cards"]:
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "index.html").write_text("")
    (tmp_path / "assets/javascripts/bundle.a5f9d56c.min.js").write_text("")
    (tmp_path / "assets/cards/022bb955ffddbee36c1a.png").write_text("")
    text = files.headers_file(tmp_path, headers.policies(csp.InlineCode(), https=False), https=False)
    rules = [block.splitlines() for block in text.strip().split("\n\n")]
    by_rule = {lines[0]: [line.split(":")[0].strip() for line in lines[1:]] for lines in rules}
    assert "frame-ancestors *" in text.split("/embed/*")[1].split("\n\n")[0]
    for rule, names in by_rule.items():  # only /* carries the common headers; the others add theirs
        if rule != "/*":
            assert not set(names) & set(by_rule["/*"]), rule
    csp_rules = [rule for rule, names in by_rule.items() if "Content-Security-Policy" in names]
    assert "/*" not in csp_rules and "/assets/*" in csp_rules and "/embed/*" in csp_rules
    assert by_rule["/assets/cards/*"] == ["Cache-Control"]


def test_nginx_file_serves_each_languages_404_page_only_where_it_exists(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "404.html").write_text("")
    (tmp_path / "lo").mkdir()
    assert files.language_404s(tmp_path, ["", "en/", "lo/"]) == ["en/"]
    policy = headers.policies(csp.InlineCode(), https=True)
    text = files.nginx_site("https://invest.example/", "/srv/site/current/site", "r1",
                            files.nginx_locations(policy, True, ["en/"]), policy)
    assert "error_page 404 /en/404.html;" in text and "/lo/404.html" not in text
    assert "server_name invest.example;" in text and "root /srv/site/current/site;" in text
    assert "gzip_static on;" in text and 'Strict-Transport-Security "max-age=31536000" always;' in text
    assert f'"~^text/html" "{policy.embed}";' in text  # the policies are sent with HTML only
    assert 'add_header Content-Security-Policy "$nghean_invest_embed_csp" always;' in text


def test_remote_destination_is_parsed_and_local_paths_are_not():
    assert remote.parse_remote("deploy@invest.example:/srv/portal") == remote.Remote("deploy@invest.example", "/srv/portal")
    assert remote.parse_remote("/srv/portal") is None
    assert remote.parse_remote("C:\\sites") is None


def test_rsync_sends_into_the_incoming_folder_with_unchanged_files_linked():
    target = remote.Remote("deploy@invest.example", "/srv/portal")
    command = remote.rsync_command(Path("/tmp/r/20261201T000000Z-abc"), target, "20261201T000000Z-abc", "20261130T000000Z-old")
    assert command[0] == "rsync" and "--delete" in command and "--links" in command
    assert "--link-dest=../20261130T000000Z-old" in command
    assert command[-2:] == ["/tmp/r/20261201T000000Z-abc/",
                            "deploy@invest.example:/srv/portal/releases/.incoming-20261201T000000Z-abc/"]
    assert "--link-dest" not in " ".join(remote.rsync_command(Path("/x"), target, "n", None))


def test_remote_switch_renames_the_link_and_stops_at_the_first_failure():
    target = remote.Remote("deploy@invest.example", "/srv/my portal")
    script = remote.switch_script(target, "20261201T000000Z-abc", 5, {"release": "20261201T000000Z-abc"})
    assert script.startswith("set -e; cd '/srv/my portal'")
    assert "ln -sfn releases/20261201T000000Z-abc .current-new; mv -T .current-new current" in script
    assert "head -n -5" in script and ">> publish-log.jsonl" in script
    assert shlex.split(remote.ssh_command(target, script)[2])  # the script is one well-quoted shell string


def test_publishing_report_lists_the_publishes_of_the_period(tmp_path):
    for day, action in [("2026-11-30", "publish"), ("2026-12-01", "publish"), ("2026-12-02", "rollback")]:
        record = {"date": f"{day}T10:00:00+00:00", "action": action, "release": f"r-{day}", "commit": "abc"}
        releases.append_log(tmp_path, {**record, "pages": {"added": ["a/"], "changed": [], "removed": []}}
                            if action == "publish" else record)
    log = releases.read_log(tmp_path / releases.LOG)
    period = publishing_report.publications(log, datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
    assert [r["release"] for r in period] == ["r-2026-12-01", "r-2026-12-02"]
    shown = publishing_report.publications_markdown(period)
    assert "| publish | `r-2026-12-01` | `abc` | 1 | 0 | 0 |" in shown and "| rollback | `r-2026-12-02` | `abc` | – |" in shown
