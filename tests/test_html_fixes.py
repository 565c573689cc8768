from scripts.html_fixes import drop_checkbox_autocomplete, drop_dangling_toc_label


def test_autocomplete_removed_from_checkboxes_only():
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="query" autocomplete="off">')
    fixed = drop_checkbox_autocomplete(html)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" name="query" autocomplete="off">' in fixed


def test_toc_label_without_its_toggle_loses_the_for_attribute():
    html = '<label class="md-nav__title" for="__toc">Contents</label>'
    assert drop_dangling_toc_label(html) == '<label class="md-nav__title">Contents</label>'
    kept = html + '<input type="checkbox" id="__toc">'
    assert drop_dangling_toc_label(kept) == kept
