"""Per-page links for search engines: canonical URL, absolute hreflang alternates and x-default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageLinks:
    canonical: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), in the site's language order
    x_default: str
    is_fallback: bool  # the page is shown in a language other than the one it was written in
    original: str  # absolute URL of the version the text was written in


def relative_root(page_url: str) -> str:
    """Relative path from a page (a directory URL such as "en/map/") to where that URL starts: "../../"."""
    path = page_url.strip("/")
    return "../" * (path.count("/") + 1) if path else ""


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative page URL (as MkDocs gives it, "./" for the home page) to site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if url in ("", ".", "./") else base + url.lstrip("/")


def page_links(
    site_url: str,
    page_url: str,
    file_locale: str,
    page_locale: str,
    alternate_urls: dict[str, str],
    locales: list[str],
    default_locale: str,
) -> PageLinks:
    """Links for one built page.

    `alternate_urls` maps each language to the URL of this page in that language (MkDocs-relative).
    A fallback page (text in `file_locale`, built for `page_locale`) names the original as canonical,
    so search engines index the text once, under the language it is written in.
    """
    urls = {locale: absolute_url(site_url, alternate_urls.get(locale, page_url)) for locale in locales}
    urls[page_locale] = absolute_url(site_url, page_url)
    is_fallback = file_locale != page_locale
    original = urls.get(file_locale, urls[default_locale])
    return PageLinks(
        canonical=original if is_fallback else urls[page_locale],
        alternates=tuple((locale, urls[locale]) for locale in locales),
        x_default=urls[default_locale],
        is_fallback=is_fallback,
        original=original,
    )


def language_root(base_url: str, language) -> str:
    """Relative path from a page to its language's root, with a trailing slash ("../.." → "../../en/")."""
    return base_url.rstrip("/") + "/" + language.prefix
