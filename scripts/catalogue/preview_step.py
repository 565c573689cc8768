"""What the live preview's data step leaves as it is after a save (scripts/preview/session.py).

The preview runs the data step again after a spreadsheet row or a news post is saved. It then skips
what no page's HTML shows or what the save cannot change, and ./scripts/build, which never runs in
preview mode, still does everything:
- factsheet and brochure PDFs are not drawn again: the last ones stay (the console says so) and the
  next full build draws them;
- the media files (panoramas, 3D models) are written again only when their inputs changed;
- the files made from each project (its pages, QR codes and embeddable cards) are made again only
  for the projects the save changed (scripts/render_memo.py);
- when only news posts changed since the last step, only the posts' lists, feeds and calendars are
  made again (build_step._posts_again);
- the editors' translation-status page is written again only when its inputs changed: a row's
  figures are not among them, its names, summaries and review column are.
Each input is remembered in this (long-lived) process as a fingerprint of file stamps.
"""

from __future__ import annotations

from pathlib import Path

from scripts.catalogue.step_cache import file_stamps
from scripts.media.items import GENERATED as MEDIA_GENERATED
from scripts.media.items import MEDIA_FOLDER
from scripts.render_memo import RenderMemo
from scripts.translation_status import GENERATED as GENERATED_PAGES

PROJECTS = "projects"  # data/projects/: the spreadsheets
PDF_NOTE = "factsheet PDFs are not redrawn in the preview: the next ./scripts/build updates them"


def data_stamps(data_dir: Path) -> list[tuple[str, int, int]]:
    """Stamps of the data files but the spreadsheets (places, parks, media, vocabularies, reviews…)."""
    projects = str(data_dir / PROJECTS) + "/"
    return [stamp for stamp in file_stamps(data_dir) if not stamp[0].startswith(projects)]


def media_inputs(data_dir: Path, docs_dir: Path) -> tuple:
    """What the generated media files are made from: the data files but the spreadsheets, and the
    media under docs/ but those the step draws itself."""
    media = docs_dir / MEDIA_FOLDER
    drawn = str(media / MEDIA_GENERATED)
    return (tuple(data_stamps(data_dir)),
            tuple(stamp for stamp in file_stamps(media) if not stamp[0].startswith(drawn)))


def translation_inputs(data_dir: Path, docs_dir: Path, projects) -> tuple:
    """What the translation-status page is made from: the hand-written pages and their translations,
    the data files but the spreadsheets, the code, interface translations and settings, and of
    each row only what the page reports (its id, which languages its name and summary have, its
    review column) — not its figures."""
    root = data_dir.parent
    pages = tuple(stamp for stamp in file_stamps(docs_dir, (".md",))
                  if not GENERATED_PAGES.match(Path(stamp[0]).relative_to(docs_dir).as_posix()))
    code = tuple(stamp for folder in ("scripts", "overrides", "locales") for stamp in file_stamps(root / folder)
                 if "__pycache__" not in stamp[0])
    settings = tuple((name, (root / name).stat().st_mtime_ns) for name in ("mkdocs.yml", "babel.cfg")
                     if (root / name).exists())
    rows = tuple((project.id, tuple(sorted(project.names)), tuple(sorted(project.summaries)), project.review)
                 for project in projects)
    return pages, tuple(data_stamps(data_dir)), code, settings, rows


class Remembered:
    """The inputs each skippable part was last made from, in this process."""

    def __init__(self):
        self._inputs: dict[str, tuple] = {}

    def changed(self, part: str, inputs: tuple) -> bool:
        """Whether `part` must be made again from `inputs` (always when it was never made here)."""
        return self._inputs.get(part) != inputs

    def made(self, part: str, inputs: tuple) -> None:
        self._inputs[part] = inputs


remembered = Remembered()
rendered = RenderMemo()  # what the preview's data steps made from each project (a full build forgets it)
