"""Check the project spreadsheets without building: `python -m scripts.catalogue`.

Checks data/*.yml and mkdocs.yml's extra first. Prints every problem as `path:line: column: expected …, got …` and exits 1, or a one-line summary.
"""

import sys

from scripts.catalogue.problems import report
from scripts.catalogue.validate import load_catalogue
from scripts.data_schemas import check_sources
from scripts.languages import MKDOCS_YML


def main() -> int:
    problems = check_sources(MKDOCS_YML)  # the vocabularies and departments the spreadsheets are read with
    catalogue = load_catalogue() if not problems else None
    problems = problems or catalogue.problems
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    print(f"{len(catalogue.projects)} projects, no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
