"""Check the project spreadsheets without building: `python -m scripts.catalogue [--lang en]`.

Checks data/*.yml and mkdocs.yml's extra first. Prints every problem as `path:line: column: expected …, got …`
and exits 1, or a one-line summary. Messages are in the site's default language (Vietnamese) unless
`--lang` names another of the site's languages.
"""

import argparse
import sys

from scripts.catalogue.validate import load_catalogue
from scripts.data_schemas import check_sources
from scripts.languages import MKDOCS_YML
from scripts.problems import message_gettext, message_locales, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the project spreadsheets in data/projects/.")
    parser.add_argument("--lang", choices=message_locales(), default=message_locales()[0],
                        help="language of the messages (default: %(default)s)")
    args = parser.parse_args(argv)
    problems = check_sources(MKDOCS_YML)  # the vocabularies and departments the spreadsheets are read with
    catalogue = load_catalogue() if not problems else None
    problems = problems or catalogue.problems
    if problems:
        print(report(problems, args.lang), file=sys.stderr)
        return 1
    _, ngettext = message_gettext(args.lang)
    count = len(catalogue.projects)
    print(ngettext("{count} project, no problems.", "{count} projects, no problems.", count).format(count=count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
