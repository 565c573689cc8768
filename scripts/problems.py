"""One problem found in a department's file, reported as `path:line: column: expected …, got …`.

The words of a message are `Message`s, translated when the report is printed: Vietnamese by default
(the Department reads it), English with `--lang en`. The msgids are the English text, so `str()` of a
problem is its English form. Values quoted from the data and column names stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A translatable sentence with named `{fields}`, filled when it is rendered in a language."""
    msgid: str
    fields: tuple[tuple[str, Text], ...] = ()

    def format(self, **fields: Text) -> Message:
        return Message(self.msgid, tuple(sorted(fields.items())))

    def render(self, gettext: Callable[[str], str]) -> str:
        values = {name: rendered(value, gettext) for name, value in self.fields}
        return gettext(self.msgid).format(**values)

    def __str__(self) -> str:
        return self.render(str)


Text = str | int | Message


def _(msgid: str) -> Message:
    """Mark `msgid` for extraction (babel.cfg) and translate it when the report is rendered."""
    return Message(msgid)


def rendered(value: Text, gettext: Callable[[str], str] = str) -> str:
    return value.render(gettext) if isinstance(value, Message) else str(value)


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the repository, e.g. data/projects/public-sources.csv
    line: int  # line of the CSV record (or spreadsheet row) where the problem is
    column: Text
    expected: Text
    got: Text
    hint: Text = ""

    def text(self, gettext: Callable[[str], str] = str) -> str:
        expected, got = rendered(self.expected, gettext), rendered(self.got, gettext)
        text = gettext("{path}:{line}: {column}: expected {expected}, got {got}").format(
            path=self.path, line=self.line, column=rendered(self.column, gettext), expected=expected, got=got)
        hint = rendered(self.hint, gettext)
        return f"{text} ({hint})" if hint else text

    def __str__(self) -> str:
        return self.text()

    def _key(self) -> tuple:
        return (self.path, self.line, str(self.column), str(self.expected), str(self.got), str(self.hint))

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()


def shown(value: str, limit: int = 60) -> Text:
    """A value as quoted in a message: `'…'`, shortened, or 'an empty cell'."""
    if value == "":
        return _("an empty cell")
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def message_locales() -> list[str]:
    """The languages messages can be shown in, the site's default (Vietnamese) first."""
    from scripts.languages import declared_locales

    return declared_locales()  # all of them, also when one language alone is built (BUILD_ONLY_LOCALE)


def message_gettext(locale: str | None = None):
    """gettext and ngettext of the messages in `locale` (default: the site's default language)."""
    from scripts.locales import compile_catalogs, translations

    compile_catalogs(message_locales())
    catalog = translations(locale or message_locales()[0])
    return catalog.gettext, catalog.ngettext


def report(problems: list[Problem], locale: str | None = None) -> str:
    """Every problem, one a line, and a summary, in `locale` (default: the site's default language)."""
    gettext, ngettext = message_gettext(locale)
    lines = [problem.text(gettext) for problem in sorted(problems)]
    summary = ngettext("{count} problem found; nothing was built.", "{count} problems found; nothing was built.",
                       len(problems))
    lines.append(summary.format(count=len(problems)))
    return "\n".join(lines)
