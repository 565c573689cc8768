"""MkDocs hooks: the thin glue between MkDocs and the plain functions in scripts/.

MkDocs-static-i18n runs a whole build per language, so every hook here runs once per language
and must not keep state across languages.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts import html_fixes, languages, locales, seo, slugs  # noqa: E402
from scripts import markers  # noqa: E402
from scripts.catalogue import build_step  # noqa: E402
from scripts.content import news  # noqa: E402


def _current_locale(config) -> str:
    return config.theme["language"]


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugs.markdown_slugify
    locales.compile_catalogs(languages.locales())
    _catalogue(config)
    return config


def _catalogue(config):
    try:
        return build_step.prepare(Path(config.docs_dir), config.site_url, dict(config.extra))
    except build_step.CatalogueError as problems:
        raise PluginError(f"the project spreadsheets have problems:\n{problems}") from None


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("news/posts/") and "date" in page.meta:
        prepared = _catalogue(config)
        markdown = news.decorate_post(markdown, page.meta, _current_locale(config), prepared.content.tags)
    if markers.MARKER.search(markdown):
        language = next(lang for lang in languages.languages() if lang.locale == _current_locale(config))
        return markers.fill_markers(markdown, language, _catalogue(config), page.url)
    return None


def on_env(env, config, files):
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(locales.translations(_current_locale(config)), newstyle=True)
    return env


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
    names = {language.locale: language.name for language in languages.languages()}
    context["original_language_name"] = names.get(getattr(page.file, "locale", ""), "")
    return context


def on_post_page(output, page, config):
    return html_fixes.drop_checkbox_autocomplete(output)


def on_post_template(output_content, template_name, config):
    return html_fixes.drop_checkbox_autocomplete(output_content)
