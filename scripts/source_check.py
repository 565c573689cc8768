"""The checks the build runs before MkDocs: data and mkdocs.yml's `extra` against their schemas, page
headers, refused files and videos, then the spreadsheets and news posts; and the glossary warnings.

`python -m scripts check [--lang en]` runs them without building: every problem as
`path:line: field: expected …, got …` and exit 1, or a one-line summary and exit 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import folders, front_matter
from scripts.catalogue.validate import load_catalogue
from scripts.catalogue.vocabularies import load_vocabularies
from scripts.content.news import load_posts
from scripts.data_schemas import check_sources
from scripts.glossary import check_data, check_docs
from scripts.images import refused_files
from scripts.languages import MKDOCS_YML, source_locale, translation_locales
from scripts.media import video_step
from scripts.problems import message_gettext, message_locales, report


def source_problems(config_file: Path) -> list:
    """Every problem of the sources (data, page headers, refused files), checked before building."""
    docs = config_file.parent / "docs"
    problems = (check_sources(config_file) + front_matter.check_docs(docs, config_file.parent)
                + refused_files(docs, config_file.parent)
                + video_step.check(docs, config_file.parent, video_step.generated_videos(docs))[1])
    if not problems:  # the spreadsheets and posts are read with the vocabularies just checked
        catalogue = load_catalogue(config_file.parent / "data", root=config_file.parent)
        tags = load_vocabularies(config_file.parent / "data").news_tags
        locale = source_locale(config_file)
        problems = catalogue.problems + load_posts(docs / "news" / "posts", locale, tags, config_file.parent)[1]
    return problems


def source_warnings(config_file: Path) -> list[str]:
    """What does not stop a build: translations that do not use the glossary's renderings."""
    others = translation_locales(config_file)
    return (check_docs(config_file.parent / "docs", others)
            + check_data(config_file.parent / "data", root=config_file.parent))


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Check the sources as the build does, without building.")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML,
                        help="the project's mkdocs.yml (default: this checkout's)")
    parser.add_argument("--lang", choices=message_locales(), default=message_locales()[0],
                        help="language of the problems reported (default: %(default)s)")
    args = parser.parse_args(argv)
    config_file = folders.use(args.config_file).config_file
    problems = source_problems(config_file)
    if problems:
        print(report(problems, args.lang), file=sys.stderr)
        return 1
    for warning in source_warnings(config_file):
        print(f"warning: {warning}", file=sys.stderr)
    gettext, _ = message_gettext(args.lang)
    print(gettext("The sources have no problems; nothing was built."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
