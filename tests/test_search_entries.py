"""Material's search entries are reused for unchanged pages and made again for changed ones."""

from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import AnchorLink

from scripts.search_entries import SECTION_BOOST, TOPIC_BOOST, EntryCache, weights

HTML = '<h1 id="vsip">VSIP Nghệ An</h1><p>Khu công nghiệp</p><h2 id="dien-tich">Diện tích</h2><p>750 ha</p>'


def page(content: str = HTML, url: str = "parks/vsip/") -> SimpleNamespace:
    heading = AnchorLink("Diện tích", "dien-tich", 2)
    return SimpleNamespace(url=url, title="VSIP Nghệ An", meta={"tags": ["parks"]}, content=content, toc=[heading],
                           file=SimpleNamespace(src_uri=url.rstrip("/") + ".md"))


def counting_index() -> tuple[SearchIndex, list]:
    index, parsed = SearchIndex(), []
    parse = index.add_entry_from_context
    index.add_entry_from_context = lambda p: (parsed.append(p.url), parse(p))
    return index, parsed


def test_an_unchanged_page_gets_the_entries_material_made_last_time(tmp_path: Path):
    reference = SearchIndex()
    reference.add_entry_from_context(page())
    weights(reference.entries, 0, topic=False)  # Material's entries, with our weights
    first, parsed = counting_index()
    cache = EntryCache("vi", tmp_path)
    cache.attach(first)
    first.add_entry_from_context(page())
    cache.save()
    assert parsed == ["parks/vsip/"] and first.entries == reference.entries
    assert [entry["location"] for entry in first.entries] == ["parks/vsip/", "parks/vsip/#dien-tich"]

    again, parsed_again = counting_index()
    EntryCache("vi", tmp_path).attach(again)
    again.add_entry_from_context(page())
    assert parsed_again == [] and again.entries == reference.entries


def test_a_changed_page_is_parsed_again_and_only_last_build_pages_are_kept(tmp_path: Path):
    cache = EntryCache("en", tmp_path)
    cache.attach(index := SearchIndex())
    index.add_entry_from_context(page())
    index.add_entry_from_context(page(url="parks/hoang-mai/"))
    cache.save()
    changed, parsed = counting_index()
    cache = EntryCache("en", tmp_path)
    cache.attach(changed)
    changed.add_entry_from_context(page(HTML.replace("750 ha", "751 ha")))
    cache.save()
    assert parsed == ["parks/vsip/"] and "751 ha" in changed.entries[-1]["text"]
    assert len(EntryCache("en", tmp_path).known) == 1  # hoang-mai was not in the last build


def test_entries_made_from_data_are_used_as_given_without_parsing_or_caching(tmp_path: Path):
    made_entry = {"location": "projects/p-1/", "title": "Dự án", "text": "<p>Du lịch</p>"}
    index, parsed = counting_index()
    cache = EntryCache("vi", tmp_path)
    cache.attach(index, made=lambda p: [made_entry] if p.url.startswith("projects/") else None)
    index.add_entry_from_context(page(url="projects/p-1/"))
    index.add_entry_from_context(page())
    cache.save()
    assert parsed == ["parks/vsip/"] and index.entries[0] == made_entry and len(index.entries) == 3
    assert len(EntryCache("vi", tmp_path).known) == 1  # only the parsed page is kept


def test_topic_pages_weigh_more_and_sections_less(tmp_path: Path):
    index = SearchIndex()
    EntryCache("vi", tmp_path).attach(index, topics={"parks/vsip.md"})
    index.add_entry_from_context(page())
    index.add_entry_from_context(page(url="parks/hoang-mai/"))
    assert [entry.get("boost") for entry in index.entries] == [TOPIC_BOOST, SECTION_BOOST, None, SECTION_BOOST]
