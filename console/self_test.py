"""`livedesk --self-test`: the whole app, started as main() starts it but against its built-in
fake OBS and a database in a temporary folder, checks the parts a frozen build can lose (a
module, a translation, Qt's own translations, a plugin, the icon) and the paths a show needs
(database, main window, OBS, stats API); it prints one line per check and exits 0 only when
all passed. CI runs it on the frozen build (Linux), the Windows workflow on livedesk-cli.exe.
Its database and log are in a temporary folder (console/app.py): the user's settings, keyring,
database and log are never read or written."""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import pkgutil
import platform
import sqlite3
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QDockWidget

import console
from console import i18n
from console.logsetup import tolerant_console

log = logging.getLogger(__name__)
# (name, check): a check returns None while it waits, else (passed, what it saw).
Check = tuple[str, Callable[[], tuple[bool, str] | None]]
TIMEOUT_S = 60.0


def say(line: str) -> None:
    """To the console when there is one (livedesk-cli; a windowed exe has no stdout) and the
    log. start() has made the console print "?" for what it cannot show."""
    log.info("self-test: %s", line)
    if sys.stdout is not None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def read_only(db_path: Path) -> contextlib.closing[sqlite3.Connection]:
    """Closed when done (a `with sqlite3.connect()` only commits): the temporary folder is
    removed at exit, and Windows removes no open file."""
    return contextlib.closing(sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True))


class ErrorCount(logging.Handler):
    """Errors logged anywhere while the checks run (an uncaught exception in a slot, a worker
    that died): a check can look fine while something else broke."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name != __name__:  # a failed check is reported as itself
            self.records.append(record)


class SelfTest(QObject):
    def __init__(self, app, window, service, queue, api, db_path: Path, language: str):
        super().__init__(app)
        self.app = app
        self.window = window
        self.service = service
        self.queue = queue
        self.api = api
        self.db_path = db_path
        self.language = language
        self.started = time.monotonic()
        self.checks: list[Check] = [
            ("modules", self._modules),
            ("translations", self._translations),
            ("database", self._database),
            ("main window", self._main_window),
            ("obs", self._obs),
            ("stats api", self._stats_api),
            ("keyring", self._keyring),
            ("licences", self._licences),
        ]
        self.failed = 0
        self._post: dict | None = None  # the stats API probe's result, from its thread
        self._errors = ErrorCount()
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        tolerant_console()
        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        say(
            f"LiveDesk {console.__version__} self-test ({frozen}, {platform.system()} "
            f"{platform.machine()}, Python {platform.python_version()}, UI {self.language})"
        )
        logging.getLogger().addHandler(self._errors)
        self._timer.start()
        # Whatever happens to the checks (one that hangs the event loop's callbacks, a print
        # that raises), the self-test ends.
        QTimer.singleShot(round((TIMEOUT_S + 15) * 1000), self._give_up)

    def _give_up(self) -> None:
        if self.checks or self._timer.isActive():
            log.error("self-test: gave up with %d checks left", len(self.checks))
            self.app.exit(2)

    def _step(self) -> None:
        while self.checks:
            name, check = self.checks[0]
            try:
                result = check()
            except Exception as e:  # a check that breaks is a failed check, with its reason
                log.exception("self-test check %s", name)
                result = (False, f"{type(e).__name__}: {e}")
            if result is None:
                if time.monotonic() - self.started < TIMEOUT_S:
                    return  # still waiting: look again on the next tick
                result = (False, f"no answer within {TIMEOUT_S:.0f} s")
            self.checks.pop(0)  # before saying it: a print that raises must not repeat it
            self._report(name, *result)
        self._timer.stop()
        logging.getLogger().removeHandler(self._errors)
        if self._errors.records:
            first = self._errors.records[0]
            self._report(
                "errors logged",
                False,
                f"{len(self._errors.records)}, the first: {first.name}: {first.getMessage()}",
            )
        took = time.monotonic() - self.started
        verdict = f"FAILED ({self.failed})" if self.failed else "passed"
        say(f"self-test {verdict} in {took:.1f} s")
        self.app.exit(1 if self.failed else 0)

    def _report(self, name: str, passed: bool, seen: str) -> None:
        self.failed += not passed
        say(f"  {'ok  ' if passed else 'FAIL'} {name}: {seen}")

    # -- the checks ---------------------------------------------------------------------
    def _modules(self) -> tuple[bool, str]:
        """Every module of the package imports: a frozen build finds only what its analysis
        saw, and LiveDesk imports some modules late (the dashboard, the review, the reports)."""
        names = [
            m.name
            for m in pkgutil.walk_packages(console.__path__, "console.")
            if m.name != "console.__main__"  # importing it would start a second app
        ]
        broken = []
        for name in [*names, "pyqtgraph"]:
            try:
                importlib.import_module(name)
            except Exception as e:  # all of them in one run: a rebuild takes a minute
                broken.append(f"{name} ({type(e).__name__}: {e})")
        if broken:
            return False, "cannot import " + "; ".join(broken)
        return len(names) > 50, f"{len(names)} console modules and pyqtgraph import"

    def _translations(self) -> tuple[bool, str]:
        seen, passed, translators = [], True, {}
        for language in i18n.LANGUAGES:
            qm = i18n.compiled_qm(language)
            translators[language] = translator = QTranslator()
            loaded = qm is not None and translator.load(str(qm))
            passed &= loaded
            seen.append(f"{language} {'loaded' if loaded else 'MISSING'}")
        chinese = translators["zh_CN"].translate("Messages", "Connected to OBS")
        passed &= bool(chinese) and chinese != "Connected to OBS"
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        qtbase_ok = qtbase.load("qtbase_zh_CN", qt_dir) and qtbase.language() == "zh_CN"
        passed &= qtbase_ok
        seen.append(f"“Connected to OBS” → “{chinese}”")
        seen.append(f"Qt's own zh_CN {'loaded' if qtbase_ok else 'MISSING'} ({qt_dir})")
        return passed, "; ".join(seen)

    def _database(self) -> tuple[bool, str] | None:
        if self.queue.show_id is None or not self.queue.queue.items:
            return None  # the demo show is still being written
        with read_only(self.db_path) as db:
            applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
            products = db.execute("SELECT count(*) FROM products").fetchone()[0]
            journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        return (
            products > 0 and journal == "wal",
            f"{self.db_path.name}: {applied} migrations, {journal}, demo show "
            f"#{self.queue.show_id} with {products} products",
        )

    def _main_window(self) -> tuple[bool, str]:
        docks = self.window.findChildren(QDockWidget)
        menus = [a.text().replace("&", "") for a in self.window.menuBar().actions()]
        icon = not self.window.windowIcon().isNull()
        passed = self.window.isVisible() and len(docks) >= 5 and len(menus) >= 5 and icon
        return (
            passed,
            f"“{self.window.windowTitle()}”, {len(docks)} docks, menus {' · '.join(menus)}, "
            f"icon {'set' if icon else 'MISSING'}",
        )

    def _obs(self) -> tuple[bool, str] | None:
        snap = self.service.snapshot
        if not (self.service.connected and snap.scenes):
            return None
        return True, (
            f"connected to the fake OBS {snap.version}: {len(snap.scenes)} scenes, "
            f"program “{snap.program}”, {len(snap.inputs)} audio inputs"
        )

    def _stats_api(self) -> tuple[bool, str] | None:
        state = self.api.state()
        if not state.listening:
            return None if state.status == "starting" else (False, f"not listening: {state}")
        if self._post is None:
            self._post = {}
            url = f"http://127.0.0.1:{state.port}/v1/ingest"
            threading.Thread(target=self._post_a_sample, args=(url,), daemon=True).start()
        if not self._post:
            return None  # on its way (never on this thread)
        if "error" in self._post:
            return False, f"POST {self._post['url']}: {self._post['error']}"
        with read_only(self.db_path) as db:
            stored = db.execute(
                "SELECT count(*) FROM samples WHERE metric = 'online' AND value = 4321"
            ).fetchone()[0]
        if not stored:
            return None  # acknowledged: committed, but this reader may look before the commit
        return True, f"POST {self._post['url']} → {self._post['status']}, the sample is stored"

    def _post_a_sample(self, url: str) -> None:
        from console.settings import load_api_token

        body = {"type": "sample", "ts": int(time.time() * 1000), "metric": "online", "value": 4321}
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {load_api_token()}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                self._post = {"url": url, "status": reply.status}
        except OSError as e:
            self._post = {"url": url, "error": str(e)}

    def _keyring(self) -> tuple[bool, str]:
        """The system keyring's backend is in the build (the OBS password and the API token are
        kept there); nothing is read from it."""
        if sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring

            # raises when its win32ctypes half is missing
            return WinVaultKeyring.priority > 0, "Windows Credential Manager backend"
        if sys.platform == "darwin":
            import keyring.backends.macOS  # noqa: F401

            return True, "macOS Keychain backend"
        import keyring.backends.SecretService  # noqa: F401
        import secretstorage  # noqa: F401

        return True, "Secret Service backend (whether one runs is the desktop's business)"

    def _licences(self) -> tuple[bool, str]:
        """Help ▸ About can name the version of every bundled component (build.spec ships
        their metadata)."""
        from console.ui.about_dialog import installed_version, shipped_components

        listed = [c for c in shipped_components() if c.dist]
        unknown = [c.name for c in listed if installed_version(c.dist) == "—"]
        if unknown:
            return False, "no version for " + ", ".join(unknown)
        return True, f"{len(listed)} components with their versions and licences"
