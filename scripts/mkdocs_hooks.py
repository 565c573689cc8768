"""MkDocs hooks: the thin glue between MkDocs and the plain functions in scripts/.

MkDocs-static-i18n runs a whole build per language, so every hook here runs once per language
and must not keep state across languages: the one thing kept, the data step's result, is set again
by on_config at the start of every build.
"""

from __future__ import annotations

import html as html_module
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from scripts import (
    folders,
    front_matter,
    html_fixes,
    images,
    languages,
    locales,
    markers,
    not_found,
    page_dates,
    sanitise,
    search_entries,
    search_index,
    seo,
    sidebars,
    site_files,
    slugs,
    social_cards,
    structured_data,
    templates_cache,
    verified_cache,
)
from scripts.catalogue import build_step
from scripts.catalogue.pages import fill_project_body
from scripts.catalogue.project_search import project_entry
from scripts.content import home, news
from scripts.media import player, video_step
from scripts.translation_status import GENERATED


def _current_locale(config) -> str:
    return config.theme["language"]


_current: dict = {}  # the data step's result for the build under way (on_config sets it for each build)


def on_config(config):
    folders.use(config.config_file_path)  # this project's data, caches and locales, whichever checkout runs the code
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugs.markdown_slugify
    locales.compile_catalogs(languages.locales())
    try:
        _current["prepared"] = build_step.prepare(Path(config.docs_dir), config.site_url, dict(config.extra))
    except build_step.CatalogueError as problems:
        raise PluginError(f"the content or data files have problems:\n{problems}") from None
    try:
        _current["videos"] = video_step.prepare(Path(config.docs_dir))
    except video_step.VideoError as problems:
        raise PluginError(f"the videos have problems:\n{problems}") from None
    return config


def _prepared() -> build_step.PreparedCatalogue:
    return _current["prepared"]


def _hand_written(page) -> bool:
    return not GENERATED.match(page.file.src_uri)


def on_page_markdown(markdown, page, config, files):
    if _hand_written(page):
        front_matter.escape_header(page.meta)
    if page.file.src_uri.startswith("news/posts/") and "date" in page.meta:
        prepared = _prepared()
        return news.decorate_post(markdown, page.meta, _current_locale(config), prepared.content.tags)
    return None


def on_pre_build(config):
    # Material's heading links: the tooltip in the page's language (the toc extension's default is English).
    _ = locales.gettext_for(_current_locale(config))
    config.mdx_configs["toc"]["permalink_title"] = _("Permanent link")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and hasattr(search, "search_index"):
        locale = _current_locale(config)
        _search_caches[locale] = cache = search_entries.EntryCache(locale)
        cache.attach(search.search_index, made=partial(_project_entries, language=languages.language(locale)),
                     topics=_topics)


def _project_entries(page, language):
    """A project page's search entry, made from the data instead of parsed (scripts/catalogue/project_search.py)."""
    project = _project_of(page)
    return None if project is None else [project_entry(project, language, _prepared().context, page.url)]


def on_nav(nav, config, files):
    """The navigation's pages are the topic pages search weighs more (scripts/search_entries.py);
    each page's last change for the sitemap's <lastmod> (scripts/page_dates.py), set on every page
    object the sitemap may read: this language's and the alternates mkdocs-static-i18n keeps."""
    _topics.clear()
    _topics.update(page.file.src_uri for page in nav.pages)
    docs_dir = Path(config.docs_dir)
    for file in files.documentation_pages():
        for each in [file, *getattr(file, "alternates", {}).values()]:
            if getattr(each, "page", None) is not None and each.abs_src_path:
                each.page.update_date = page_dates.last_change(Path(each.abs_src_path), docs_dir).isoformat()
    return nav


_topics: set[str] = set()  # source paths of the pages in the navigation of the build under way
_search_caches: dict[str, search_entries.EntryCache] = {}  # locale → its pages' search entries (one build)


def on_env(env, config, files):
    env.globals["shared_sidebars"] = {}  # main.html: sidebars drawn once for pages that share them
    env.globals["site_language"] = languages.language(_current_locale(config))  # main.html: its fonts
    env.globals["language_prefix"] = env.globals["site_language"].prefix  # 404.html, footer
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(locales.translations(_current_locale(config)), newstyle=True)
    env.bytecode_cache = templates_cache.bytecode_cache(env)
    return env


def on_files(files, config):
    """Photos: publish the cleaned fallback instead of the original, and WebP variants beside it.
    Videos' sources, captions and sidecars are not published as they are (scripts/media/video_step.py)."""
    refused = images.refused_files(Path(config.docs_dir), Path(config.docs_dir).parent)
    if refused:
        raise PluginError("\n".join(map(str, refused)))
    for file in [f for f in files if video_step.excluded(f.src_uri)]:
        files.remove(file)
    for file in [f for f in files if f.src_uri.lower().endswith(images.PHOTO_SUFFIXES)
                 and not f.src_uri.startswith("assets/")]:
        try:
            processed = images.process(Path(file.abs_src_path))
        except images.ImageError as error:
            raise PluginError(str(error)) from None
        files.remove(file)
        files.append(File.generated(config, file.src_uri, abs_src_path=str(processed.fallback)))
        for width, variant in processed.variants:
            files.append(File.generated(config, images.variant_name(file.src_uri, width), abs_src_path=str(variant)))
        _photos[file.dest_uri] = processed
    return files


_photos: dict = {}  # site path of each photo → its processed versions (same for every language)


def _project_of(page):
    """The catalogue project a generated project page shows, else None."""
    if page.file.src_uri.startswith("projects/") and "project" in page.meta:
        return _prepared().project(page.meta["project"])
    return None


def on_page_content(html, page, config, files):
    """Generated HTML goes in after Markdown, which then has only a marker line to read."""
    language = languages.language(_current_locale(config))
    project = _project_of(page)
    if project is not None:
        html = fill_project_body(html, project, language, _prepared().context)
        return images.picture_html(html, page.url, _photos) if _photos else html
    if _hand_written(page):  # before the markers are filled: generated HTML is escaped where it is made
        html, warnings = sanitise.sanitise_page(html, page.file.content_string, f"docs/{page.file.src_uri}")
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if markers.MARKER.search(html):
        try:
            html = markers.fill_markers(html, language, _prepared(), page.url)
        except markers.UnknownMarker as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None
    if video_step.MARKER.search(html):
        html = player.fill_video_markers(html, language, _current["videos"], page.url)
    return images.picture_html(html, page.url, _photos) if _photos else html


def on_page_context(context, page, config, nav):
    alternates = {locale: file.url for locale, file in getattr(page.file, "alternates", {}).items()}
    context["page_links"] = seo.page_links(
        site_url=config.site_url,
        page_url=page.url,
        file_locale=getattr(page.file, "locale", _current_locale(config)),
        page_locale=_current_locale(config),
        alternate_urls=alternates,
        locales=languages.locales(),
        default_locale=languages.default_locale(),
    )
    context["social_card"] = _social_card(page, config)
    context["json_ld"] = _json_ld(page, config, nav, context)
    context["sidebars_key"] = sidebars.shared_sidebars_key(page, nav, _current_locale(config))
    context["language_root"] = seo.language_root(context["base_url"], languages.language(_current_locale(config)))
    names = {language.locale: language.name for language in languages.languages()}
    context["original_language_name"] = names.get(getattr(page.file, "locale", ""), "")
    if page.meta.get("template") == home.TEMPLATE:  # overrides/home.html puts it above the content
        prepared = _prepared()
        context["home_hero"] = home.hero_html(list(prepared.projects), _current_locale(config), prepared.context, "")
    return context


def _json_ld(page, config, nav, context) -> list[str]:
    """The page's JSON-LD blocks as script text (scripts/structured_data.py)."""
    locale, language = _current_locale(config), languages.language(_current_locale(config))
    canonical = context["page_links"].canonical
    blocks = structured_data.for_page(structured_data.source_name(page.file.src_uri), page.meta, canonical, locale,
                                      languages.default_locale(), _prepared(), config.site_url, context["social_card"])
    titles = {nav_page.url: nav_page.title for nav_page in nav.pages}
    titles[page.url] = page.meta.get("title") or page.title
    trail = structured_data.trail(page.url, language.prefix, titles, config.site_url, config.site_name)
    crumbs = structured_data.breadcrumbs(trail)
    return [structured_data.script_text(block) for block in [*blocks, *([crumbs] if crumbs else [])]]


def _social_card(page, config) -> str:
    """Draw the page's Open Graph card into the site and return its absolute address."""
    title = html_module.unescape(page.meta.get("title") or page.title or config.site_name)
    card = social_cards.render_card(title, config.site_name, social_cards.tagline(config.site_url),
                                    Path(config.site_dir) / social_cards.CARDS_FOLDER)
    return seo.absolute_url(config.site_url, f"{social_cards.CARDS_FOLDER}/{card.name}")


def on_post_page(output, page, config):
    output = html_fixes.drop_dangling_toc_label(html_fixes.drop_checkbox_autocomplete(output))
    # Search (and the language switcher's sitemap) work from the page's language root.
    base = seo.relative_root(page.url).rstrip("/") or "."
    root = seo.language_root(base, languages.language(_current_locale(config)))
    return html_fixes.set_config_base(output, root)


@event_priority(-200)  # after mkdocs-static-i18n has merged every language into one search index
def on_post_build(config):
    while _search_caches:  # the languages built so far, including one whose pages are all done
        _search_caches.popitem()[1].save()
    verified_cache.save_all()  # the social cards drawn for this build's pages
    i18n = config.plugins.get("i18n")
    if i18n is None or not i18n.building:  # the outer build, when every language is done
        search_index.write_language_indexes(Path(config.site_dir), languages.languages())
        site_files.publish(site_files.folder(Path(config.docs_dir)), Path(config.site_dir))


def on_template_context(context, template_name, config):
    """The 404 page's language links go to each language's home, not to the page i18n last set them
    for (it sets them as an attribute, which Material's templates read before the item)."""
    if template_name == not_found.TEMPLATE and config.extra.get("alternate"):
        config.extra.alternate = not_found.home_alternates(config.extra["alternate"], config.site_url)
    return context


def on_post_template(output_content, template_name, config):
    output_content = html_fixes.drop_checkbox_autocomplete(output_content)
    if template_name == not_found.TEMPLATE:  # one 404 page per language
        language = languages.language(_current_locale(config))
        return not_found.place(output_content, Path(config.site_dir), language)
    return output_content
