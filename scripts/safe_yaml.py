"""Read a YAML file an author edits, keeping the line of every value and collecting what is wrong.

Plain `yaml.safe_load` drops a duplicate key without a word, lets a comma inside `{…}` split a
value in two, accepts tags and expands aliases without limit, and fails with a traceback on a tab.
Here each of those is a Problem (`path:line: field: expected …, got …`) and nothing is raised.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import yaml

from scripts.parsed_files import parsed
from scripts.problems import Problem, shown

MAX_BYTES = 2_000_000  # the largest data file is ~20 kB; a bigger one is a mistake or an attack
MAX_ALIASES = 10  # our files need no aliases; a few are harmless, many are a "billion laughs" bomb
QUOTE_HINT = "put the value in double quotes"


@dataclass
class YamlFile:
    """A parsed file: its data, the line of each value by path (("parks", 0, "lat") → 12), problems."""
    path: str
    data: object = None
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, where: tuple) -> int:
        """The line of `where`, or of the nearest enclosing value that has one."""
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, 1)


def load_text(text: str, shown_path: str, first_line: int = 1, tags_allowed: bool = False) -> YamlFile:
    """Parse `text` (which starts at `first_line` of its file, e.g. after a front-matter '---').

    `tags_allowed` is for mkdocs.yml (!ENV, !!python/name: are MkDocs' own): lines and problems
    only, no data (MkDocs' loader reads it)."""
    result = YamlFile(shown_path)
    offset = first_line - 1
    if len(text.encode("utf-8")) > MAX_BYTES:
        result.problems.append(Problem(shown_path, 1, "file", f"at most {MAX_BYTES // 1000} kB of YAML",
                                       f"{len(text.encode('utf-8')) // 1000} kB"))
        return result
    try:
        result.problems += [] if tags_allowed else _token_problems(text, shown_path, offset)
        if result.problems:
            return result
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        result.problems.append(_syntax_problem(error, shown_path, offset))
        return result
    if node is None:
        return result
    result.problems += _node_problems(node, (), result, offset)
    if not result.problems and not tags_allowed:
        result.data = yaml.SafeLoader("").construct_document(node)
    return result


def load_file(path, shown_path: str) -> YamlFile:
    """The file parsed (once per version of it in the live preview, scripts/parsed_files.py)."""
    return parsed(path, _load_file, shown_path)


def _load_file(path, shown_path: str) -> YamlFile:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        return YamlFile(shown_path, problems=[Problem(shown_path, 1, "file", "UTF-8 text", "another encoding")])
    return load_text(text, shown_path)


def field_name(where: tuple) -> str:
    """A value's place as shown in messages: its keys without list positions (the line says which)."""
    return ".".join(str(part) for part in where if not isinstance(part, int)) or "file"


def _token_problems(text: str, shown_path: str, offset: int) -> list[Problem]:
    """Tags (`!!python/…`, `!foo`, even `!!str`) and too many aliases, found before anything is built."""
    problems, aliases = [], 0
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        line = token.start_mark.line + 1 + offset
        if isinstance(token, yaml.TagToken):
            handle, suffix = token.value
            problems.append(Problem(shown_path, line, "tag", "a plain value (tags are not used in these files)",
                                    shown((handle or "") + suffix), QUOTE_HINT + " if the '!' belongs to the text"))
        elif isinstance(token, yaml.AliasToken):
            aliases += 1
            if aliases == MAX_ALIASES + 1:
                problems.append(Problem(shown_path, line, "alias", f"at most {MAX_ALIASES} aliases (*name)",
                                        "more", "write the values out; '*' or '&' at the start of text needs quotes"))
    return problems


def _syntax_problem(error: yaml.YAMLError, shown_path: str, offset: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = (mark.line + 1 if mark else 1) + offset
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if "'\\t'" in problem or "\t" in problem:
        return Problem(shown_path, line, "indent", "spaces for indentation", "a tab",
                       "replace the tab with spaces (two per level)")
    if "mapping values" in problem:
        hint = QUOTE_HINT + " when it contains ': ', or close a quote left open on a line above"
    elif "flow" in problem or "'}'" in problem or "']'" in problem:
        hint = "close every '{' with '}' and '[' with ']', or " + QUOTE_HINT + " when it contains '{' or ','"
    else:
        hint = QUOTE_HINT + " when it contains ': ', ' #' or starts with a quote, '*', '&', '!' or '%'"
    return Problem(shown_path, line, "syntax", "valid YAML", problem, hint)


def _node_problems(node: yaml.Node, where: tuple, result: YamlFile, offset: int) -> list[Problem]:
    """Record each value's line; report duplicate keys and flow mappings a comma has split."""
    result.lines[where] = node.start_mark.line + 1 + offset
    problems = []
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":timestamp") and not _real_date(node.value):
        name = field_name(where)
        problems.append(Problem(result.path, result.lines[where], name, "a date that exists, written YYYY-MM-DD",
                                shown(node.value)))
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _node_problems(item, (*where, index), result, offset)
    elif isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            name = field_name((*where, key))
            if key in seen:
                problems.append(Problem(result.path, line, name, "each key once in its block",
                                        f"{shown(str(key))} again", f"first at line {seen[key]}"))
                continue
            seen[key] = line
            if node.flow_style and _empty(value_node):
                problems.append(Problem(result.path, line, field_name(where), "key: value pairs inside {…}",
                                        f"{shown(str(key))} with no value after a comma",
                                        "a comma inside {…} ends the value before it: " + QUOTE_HINT))
            problems += _node_problems(value_node, (*where, key), result, offset)
    return problems


def _empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value in ("", "~", "null")


def _real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10
