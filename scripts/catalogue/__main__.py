"""Check the project spreadsheets without building: `python -m scripts.catalogue`.

Prints every problem as `path:line: column: expected …, got …` and exits 1, or a one-line summary.
"""

import sys

from scripts.catalogue.problems import report
from scripts.catalogue.validate import load_catalogue


def main() -> int:
    catalogue = load_catalogue()
    if catalogue.problems:
        print(report(catalogue.problems), file=sys.stderr)
        return 1
    print(f"{len(catalogue.projects)} projects, no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
