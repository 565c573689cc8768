"""The preview's work: build every language once, then for each save run the checks and render
again only what it affects (scripts/preview/affects.py), telling the open pages (events.py).
Problems keep the last good pages served and are shown over them."""

from __future__ import annotations

import logging
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from scripts import front_matter, site_files, written_files
from scripts.catalogue import build_step, preview_step
from scripts.catalogue.step_cache import file_stamps
from scripts.content import home
from scripts.languages import languages
from scripts.markers import MARKER
from scripts.preview import mkdocs_internals
from scripts.preview.affects import Plan, affected
from scripts.preview.events import Events
from scripts.preview.language_build import BuildFailed, LanguageBuild, build_language, rerender
from scripts.problems import report
from scripts.translation_status import GENERATED
from scripts.verified_cache import MANIFEST, MANIFEST_LOCK

log = logging.getLogger("scripts.preview")


def _url(page) -> str:
    return "/" + page.url


class Session:
    def __init__(self, config_file: Path, output: Path, lang: str | None = None):
        self.config_file, self.root, self.output, self.lang = config_file, config_file.parent, output, lang
        self.docs = self.root / "docs"
        self.languages = languages(config_file)  # BUILD_ONLY_LOCALE's alone when it is set
        self.default = next((language for language in self.languages if language.default), self.languages[0])
        self.builds: dict[str, LanguageBuild] = {}
        self.problems: dict[str, str] = {}  # what has the problem (a path, "catalogue", a language) → its messages
        self.events = Events()
        self.generation = 0
        self.written: list[Path] = []  # files the last rebuild wrote itself under docs/ (not saves)
        self.pdfs_kept = False  # the last save's data step kept the last PDFs (preview_step.py)
        self.published = 0  # how many of the save's rendered addresses were told before its rebuild ended
        self.status_due = False  # whether the translation status is still to make (after a data step)
        self.save_waiting: Callable[[], bool] = lambda: False  # whether a newer save has come in (watcher.py)
        self.carried: dict[str, set[Path]] = {}  # pages no browser shows that a newer save interrupted

    # --- serving ---------------------------------------------------------------------------------
    def folders_for(self, url_path: str) -> list[Path]:
        """The build folders that may answer `url_path`: its language's first, then the default's."""
        builds = dict(self.builds)
        if not builds:
            return []
        first = next((language.locale for language in self.languages
                      if language.prefix and url_path.startswith("/" + language.prefix)), self.default.locale)
        order = [first, self.default.locale, *builds]
        return list(dict.fromkeys(builds[locale].site_dir for locale in order if locale in builds))

    def problems_text(self) -> str:
        return "\n".join(text for _, text in sorted(self.problems.items()))

    # --- building --------------------------------------------------------------------------------
    def start(self) -> None:
        """Build every language (the checks first), as ./scripts/build would."""
        self.rebuild({language.locale for language in self.languages}, checked=False)

    def source_problems(self) -> str:
        from scripts.build_site import source_problems  # the build's own checks, in the order it runs them

        problems = source_problems(self.config_file)
        return report(problems, self.lang) if problems else ""

    def rebuild(self, locales: set[str], checked: bool = False) -> list[str]:
        """Build `locales` whole, each into a new folder, switched in only when it built."""
        if not checked:
            build_step.reload_data_files()  # the save may have changed them: check against what they hold now
            problems = self.source_problems()
            self._set("sources", problems)
            if problems:
                return []
        before, failed, built_any = self._docs_stamps(), False, False
        for language in [language for language in self.languages if language.locale in locales]:
            self.generation += 1
            folder = self.output / f"{language.locale}-{self.generation}"
            try:
                built = build_language(self.config_file, language.locale, folder)
            except BuildFailed as messages:
                self._set(f"build {language.locale}", str(messages))
                shutil.rmtree(folder, ignore_errors=True)
                failed = True
                continue
            if language.locale == self.default.locale:
                try:
                    site_files.publish(site_files.folder(self.docs), folder)
                except site_files.DamagedSiteFiles as damaged:
                    self._set(f"build {language.locale}", str(damaged))
                    shutil.rmtree(folder, ignore_errors=True)
                    failed = True
                    continue
            self._set(f"build {language.locale}", "")
            old, built_any = self.builds.get(language.locale), True
            self.builds[language.locale] = built
            if old is not None:
                shutil.rmtree(old.site_dir, ignore_errors=True)
        self.written += self._changed_since(before)
        if not checked and not failed and locales >= {language.locale for language in self.languages}:
            self.problems.clear()  # every language built from sources that passed every check
        return ["*"] if built_any else []

    def _docs_stamps(self) -> dict[str, tuple[int, int]]:
        return {path: (mtime, size) for path, mtime, size in file_stamps(self.docs)}

    def _changed_since(self, before: dict) -> list[Path]:
        """The files under docs/ changed since `before`, but hand-written pages: an author may have saved
        one meanwhile, and that save is still to be handled."""
        after = self._docs_stamps()
        return [Path(path) for path in sorted(set(before) | set(after))
                if before.get(path) != after.get(path) and not self._hand_written(Path(path))]

    def _hand_written(self, path: Path) -> bool:
        return path.suffix == ".md" and not GENERATED.match(path.relative_to(self.docs).as_posix())

    def _set(self, key: str, text: str) -> None:
        if text:
            self.problems[key] = text
        else:
            self.problems.pop(key, None)

    # --- one save --------------------------------------------------------------------------------
    def plan(self, changed: list[Path]) -> Plan:
        pages = {locale: set(build.pages_by_source) for locale, build in self.builds.items()}
        statics = {path for path in changed for build in self.builds.values() if build.static_file(path)}
        return affected(changed, self.root, pages, statics, list(self.builds) or [l.locale for l in self.languages],
                        self.default.locale)

    @property
    def behind(self) -> bool:
        """Whether earlier saves left work that a newer one interrupted (catch_up does it)."""
        return bool(self.carried) or self.status_due

    def catch_up(self) -> None:
        """While no save comes in: the pages earlier saves left to render and the translation status."""
        if self.behind:
            self.handle([])

    def handle(self, changed: list[Path]) -> None:
        """Rebuild what the save of `changed` affects (nothing but what earlier saves left, when empty),
        then tell the pages; never raises."""
        started = time.perf_counter()
        self.written, self.pdfs_kept, self.published = [], False, 0
        carried = dict(self.carried)
        try:
            urls = self._apply(self._with_carried(self.plan(changed)))
        except Exception as error:  # noqa: BLE001 - shown in one line, the traceback goes to the log
            if changed:  # still to render; a catch-up that failed waits for the next save instead of retrying
                for locale, sources in carried.items():
                    self.carried.setdefault(locale, set()).update(sources)
            else:
                self.carried, self.status_due = {}, False
            log.error("unexpected error while rebuilding:\n%s", traceback.format_exc())
            self._set("unexpected", f"{type(error).__name__}: {error} (details in {self.output / 'preview.log'})")
            urls = []
        else:
            self._set("unexpected", "")
        problems = self.problems_text()
        names = ", ".join(path.relative_to(self.root).as_posix() for path in changed if path.is_relative_to(self.root))
        pages = "every page" if "*" in urls else f"{len(set(urls))} pages"
        done = f"Rebuilt after saving {names}" if changed else "Caught up with the earlier saves"
        print(f"{done}: {pages} in {time.perf_counter() - started:.2f} s"
              + (" — problems shown in the browser" if problems else "")
              + (f" ({preview_step.PDF_NOTE})" if self.pdfs_kept else ""), flush=True)
        if problems:
            print(problems, file=sys.stderr, flush=True)
        self.events.publish(self._untold(urls), problems)

    def _apply(self, plan: Plan) -> list[str]:
        urls: list[str] = []
        if plan.rebuild:
            urls += self.rebuild(plan.rebuild)
        if plan.data_step and plan.rebuild != set(self.builds):  # a whole build runs the data step itself
            self._before_data_step(plan, urls)
            urls += self.data_step(plan)
        for path in plan.statics:
            for build in self.builds.values():
                static = build.static_file(path)
                if static is not None:
                    static.copy_file()
        first, later = self._open_first(plan.pages)
        for locale, sources in first.items():
            urls += self.render(locale, sources)
        if any(first.values()) and (any(later.values()) or self.status_due):  # the open pages reload first
            self._publish_early(urls)
        if self.status_due and not self.save_waiting():
            urls += self.translation_status(later)
            self.status_due = False
        return urls + self._render_until_a_save(later)

    def _render_until_a_save(self, pages: dict[str, set[Path]]) -> list[str]:
        """Render `pages` (none of them open in a browser) until a newer save comes in; those left are
        carried over to it, so that the save a browser waits for is handled first."""
        urls: list[str] = []
        for locale, sources in pages.items():
            for source in sorted(sources):
                if self.save_waiting():
                    self.carried.setdefault(locale, set()).add(source)
                else:
                    urls += self.render(locale, {source})
        return urls

    def _with_carried(self, plan: Plan) -> Plan:
        """`plan` and the pages an earlier save left to render (those whose language is not rebuilt whole)."""
        carried, self.carried = self.carried, {}
        for locale, sources in carried.items():
            if locale not in plan.rebuild and locale in self.builds:
                plan.pages.setdefault(locale, set()).update(
                    source for source in sources if self.builds[locale].page_for(source) is not None)
        return plan

    def _publish_early(self, urls: list[str]) -> None:
        """Tell the pages rendered so far (the open ones; `urls`: the save's, in order) while its rebuild goes on."""
        self.events.publish(self._untold(urls), self.problems_text(), rebuilt=False)
        self.published = len(urls)

    def _untold(self, urls: list[str]) -> list[str]:
        """The save's rendered addresses (`urls`, in order) not told yet, each once."""
        return list(dict.fromkeys(urls[self.published:]))

    def _before_data_step(self, plan: Plan, urls: list[str]) -> None:
        """The saved pages a browser shows (a news post), rendered and told before the data step: they
        show none of what it makes (lists, feeds, the home page). Pages filled from the data wait for it."""
        first, plan.pages = self._open_first(plan.pages)
        early = {locale: sources - self._showing_data(self.builds[locale], plan.markers)
                 for locale, sources in first.items()}
        told = len(urls)
        for locale, sources in first.items():
            plan.pages.setdefault(locale, set()).update(sources - early[locale])
            urls += self.render(locale, early[locale])
        if len(urls) > told:
            self._publish_early(urls)

    def translation_status(self, later: dict[str, set[Path]]) -> list[str]:
        """The data step's last part (build_step.write_translation_status), from the latest step's
        projects; its page joins `later`."""
        with written_files.recording() as written:
            build_step.write_translation_status(self.docs, self.root / "data", build_step.latest().projects)
        changed = sorted({path for path in written if path.is_relative_to(self.docs)})
        self.written += changed
        follow = self.plan(changed)
        if follow.rebuild:  # the page is new
            for locale in follow.rebuild:
                later.pop(locale, None)
            return self.rebuild(follow.rebuild, checked=True)
        for locale, sources in follow.pages.items():
            later.setdefault(locale, set()).update(sources)
        return []

    def _open_first(self, pages: dict[str, set[Path]]) -> tuple[dict[str, set[Path]], dict[str, set[Path]]]:
        """`pages` (locale → sources) split in two: those a browser shows now, and the others."""
        shown, first, later = self.events.open_pages(), {}, {}
        for locale, sources in pages.items():
            for source in sources:
                page = self.builds[locale].page_for(source)
                (first if page is not None and _url(page) in shown else later).setdefault(locale, set()).add(source)
        return first, later

    def render(self, locale: str, sources: set[Path]) -> list[str]:
        """Check the headers of these pages, and render those that pass again."""
        build, urls = self.builds[locale], []
        for source in sorted(sources):
            shown = source.relative_to(self.root).as_posix()
            if self._hand_written(source):
                checked = front_matter.check_page(source, shown)
                self._set(shown, report(checked, self.lang) if checked else "")
                if checked:
                    continue
            page = build.page_for(source)
            warnings = rerender(build, [page])
            self._set(f"{shown} ({locale})", "\n".join(warnings))
            urls.append(_url(page))
        return urls

    def data_step(self, plan: Plan) -> list[str]:
        """The data step again, then the pages it changed and the pages that show the catalogue."""
        config = self.builds[self.default.locale].config if self.default.locale in self.builds else None
        if config is None:
            return self.rebuild({language.locale for language in self.languages})
        cache = site_files.folder(self.docs)
        try:
            with written_files.recording() as written:
                prepared = build_step.prepare(self.docs, config.site_url, dict(config.extra), self.root / "data",
                                              preview=True)
        except build_step.CatalogueError as problems:
            self._set("catalogue", str(problems))
            return []
        self._set("catalogue", "")
        self.pdfs_kept, self.status_due = True, True
        mkdocs_internals.set_prepared(config, prepared)
        changed = sorted({path for path in written if path.is_relative_to(self.docs) and not self._hand_written(path)})
        self.written += changed
        self._copy_changed(cache, sorted({path for path in written if path.is_relative_to(cache)}))
        follow = self.plan(changed)
        for locale, build in self.builds.items():
            follow.pages.setdefault(locale, set()).update(self._showing_data(build, plan.markers))
        plan.pages = {locale: plan.pages.get(locale, set()) | follow.pages.get(locale, set())
                      for locale in set(plan.pages) | set(follow.pages)}
        plan.statics |= follow.statics
        if not follow.rebuild:  # a project added or removed: its languages are built again whole
            return []
        for locale in follow.rebuild:
            plan.pages.pop(locale, None)
        return self.rebuild(follow.rebuild, checked=True)

    @staticmethod
    def _showing_data(build: LanguageBuild, kinds: set[str]) -> set[Path]:
        """Hand-written pages filled from the data (markers of these kinds) and the home page."""
        return {source for source, page in build.pages_by_source.items()
                if (page.markdown and any(match.group(1) in kinds for match in MARKER.finditer(page.markdown)))
                or page.meta.get("template") == home.TEMPLATE}

    def _copy_changed(self, cache: Path, changed: list[Path]) -> None:
        """The generated site files (QR codes, cards, media) the data step wrote, into the default build."""
        if self.default.locale not in self.builds:
            return
        target = self.builds[self.default.locale].site_dir
        for path in changed:
            if path.name not in (MANIFEST, MANIFEST_LOCK) and path.suffix != ".tmp" and path.is_file():
                relative = path.relative_to(cache)
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target / relative)
