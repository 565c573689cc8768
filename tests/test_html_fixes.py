from scripts.html_fixes import drop_checkbox_autocomplete


def test_autocomplete_removed_from_checkboxes_only():
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="query" autocomplete="off">')
    fixed = drop_checkbox_autocomplete(html)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" name="query" autocomplete="off">' in fixed
