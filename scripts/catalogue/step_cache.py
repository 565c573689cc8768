"""Skip the whole data step when nothing it reads or writes has changed since its last run.

The key covers everything the step depends on or produces: the data files, every file under docs/
(hand-written pages, news, and the generated pages and files themselves), the folders of the site
files, our code and translations, mkdocs.yml, and the build's own settings (address, date). Any
edit, new file or deleted file changes it; the step then runs in full and stores its result again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from scripts import folders
from scripts.site_files import folder as site_files_folder
from scripts.site_files import replacing

CODE_SUFFIXES = (".py", ".html", ".js", ".css")  # the step's code: modules, templates, inline scripts
CACHE = "data-step.pickle"  # in the project's .cache (scripts/folders.py)


def file_stamps(folder: Path, suffixes: tuple[str, ...] = ()) -> list[tuple[str, int, int]]:
    """(path, modification time, size) of every file under `folder`, or those ending in `suffixes`."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            if not suffixes or name.endswith(suffixes):
                stat = os.stat(os.path.join(directory, name))
                found.append((os.path.join(directory, name), stat.st_mtime_ns, stat.st_size))
    return sorted(found)


def _folders(folder: Path) -> list[tuple[str, int]]:
    """Folders and their modification times: a file added or removed inside changes them."""
    return sorted((directory, os.stat(directory).st_mtime_ns) for directory, _, _ in os.walk(folder))


def inputs_key(docs_dir: Path, data_dir: Path, settings: tuple) -> str:
    project = data_dir.parent
    config = project / "mkdocs.yml"
    parts = (settings, file_stamps(data_dir), file_stamps(docs_dir), _folders(site_files_folder(docs_dir)),
             file_stamps(folders.CODE / "scripts", CODE_SUFFIXES), file_stamps(project / "locales", (".po",)),
             config.read_bytes() if config.exists() else b"")
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def load(key: str):
    """The stored result for `key`, or None."""
    try:
        with open(folders.current().cache(CACHE), "rb") as handle:
            stored_key, prepared = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, empty, cut short or garbled (any error unpickling): run the step
        return None
    return prepared if stored_key == key else None


def save(key: str, prepared) -> None:
    with replacing(folders.current().cache(CACHE)) as partial, open(partial, "wb") as handle:
        pickle.dump((key, prepared), handle, protocol=pickle.HIGHEST_PROTOCOL)
