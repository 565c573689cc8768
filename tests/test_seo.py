from scripts.seo import absolute_url, page_links

SITE = "https://x.example/"
LOCALES = ["vi", "en", "lo"]


def test_absolute_url():
    assert absolute_url(SITE, "./") == SITE
    assert absolute_url("https://x.example", "en/about/") == "https://x.example/en/about/"


def test_translated_page_is_its_own_canonical_with_all_alternates():
    links = page_links(SITE, "en/about/", "en", "en", {"vi": "about/", "en": "en/about/", "lo": "lo/about/"},
                       LOCALES, "vi")
    assert links.canonical == "https://x.example/en/about/"
    assert links.alternates == (
        ("vi", "https://x.example/about/"),
        ("en", "https://x.example/en/about/"),
        ("lo", "https://x.example/lo/about/"),
    )
    assert links.x_default == "https://x.example/about/"
    assert not links.is_fallback


def test_fallback_page_points_to_its_original():
    links = page_links(SITE, "lo/news/x/", "vi", "lo", {"vi": "news/x/", "en": "en/news/x/"}, LOCALES, "vi")
    assert links.is_fallback
    assert links.canonical == links.original == "https://x.example/news/x/"
    assert ("lo", "https://x.example/lo/news/x/") in links.alternates
