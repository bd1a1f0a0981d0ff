"""The host view's test rig: a show with products behind a real DbWriter, a clock the test
moves, and a fake rundown. Run as a script it is the process of the two-screen test
(tests/integration/test_host_window_screens.py):

    python -m tests.helpers.host_view_rig place SCREEN_INDEX X Y W H [--fullscreen] [OPTIONS]
    python -m tests.helpers.host_view_rig restore [OPTIONS]
    python -m tests.helpers.host_view_rig replug [OPTIONS]

`place` puts the host window on a screen and saves the settings; `restore` places it as the
settings say; `replug` restores, then has the window's screen removed and added back (as Qt
does when a TV goes to standby and wakes). `--console N` first opens an active console window
on screen N, which the host window must avoid and leave active. Each prints where the window
ended up as one JSON line. Settings and the database live
under XDG_CONFIG_HOME / XDG_DATA_HOME, which the caller points at a temporary folder."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tests.helpers.show_db import make_show

try:
    from console.core.rundown import RundownStatus
except ImportError:  # written in parallel; the same fields

    @dataclass(frozen=True)
    class RundownStatus:  # type: ignore[no-redef]
        segment_title: str | None
        segment_index: int | None
        segment_elapsed_s: int
        segment_remaining_s: int
        level: str
        next_title: str | None
        show_elapsed_s: int
        show_over_under_s: int


NS = 1_000_000_000
IDLE = RundownStatus(None, None, 0, 0, "idle", None, 0, 0)
PRODUCTS = [
    {
        "sku": "MZ-HY-010",
        "name": "玻尿酸补水保湿面膜 10片装",
        "live_price_fen": 5990,
        "stock": 7,
        "link_no": "1",
        "selling_points": "三重玻尿酸，敷完透亮不黏腻；敏感肌可用",
    },
    {
        "sku": "MZ-NA-030",
        "name": "烟酰胺美白精华液 30ml",
        "live_price_fen": 13900,
        "stock": 1200,
        "link_no": "2",
        "selling_points": "5%烟酰胺+VC衍生物，28天提亮肤色\n无酒精",
    },
    {
        "sku": "MZ-AM-120",
        "name": "氨基酸温和洁面乳 120g",
        "live_price_fen": 3990,
        "stock": 5000,
        "link_no": "3",
        "selling_points": "",
    },
]


class Clock:
    """Monotonic nanoseconds that move only when the test says so."""

    def __init__(self, ns: int = 1_000 * NS):
        self.ns = ns

    def __call__(self) -> int:
        return self.ns

    def advance(self, seconds: float) -> None:
        self.ns += int(seconds * NS)


class FakeRundown(QObject):
    """What RundownService offers the host view: `changed` and status()."""

    changed = Signal(object)

    def __init__(self, status: RundownStatus = IDLE):
        super().__init__()
        self.current = status

    def set(self, **changes) -> None:
        self.current = replace(self.current, **changes)
        self.changed.emit(self.current)

    def status(self) -> RundownStatus:
        return self.current


def segment(title: str, remaining_s: int, level: str) -> RundownStatus:
    return RundownStatus(title, 0, 600 - remaining_s, remaining_s, level, "下一环节", 900, 0)


def open_services(path: Path, clock: Clock, products=PRODUCTS):
    """A show at `path` with `products`, opened: (writer, QueueService, CueService, show id).
    The caller waits for the queue service's `changed` and closes the writer."""
    from console.services.cue_service import CueService
    from console.services.queue_service import QueueService
    from console.store.writer import DbWriter

    show_id = make_show(path, products, title="双11 专场")
    writer = DbWriter(path)
    queue = QueueService(writer, clock=clock)
    cues = CueService(writer, queue, clock=clock)
    return writer, queue, cues, show_id


def flush(writer) -> None:
    """Wait until everything submitted so far is committed (the writer runs in order)."""
    writer.submit(lambda db: None).result(timeout=5)


def _where(host, view) -> dict:
    from PySide6.QtGui import QGuiApplication

    from console.ui.host_window import screen_key

    frame = host.frame
    return {
        "mode": host.mode,
        "screen": screen_key(frame.screen()),
        "screen_index": QGuiApplication.screens().index(frame.screen()),
        "geometry": [frame.x(), frame.y(), frame.width(), frame.height()],
        "fullscreen": frame.isFullScreen(),
        "visible": host.is_visible(),
        "font_px": view.product.font().pixelSize(),
        "dpr": frame.devicePixelRatioF(),
    }


def _settle(widget) -> None:
    from PySide6.QtTest import QTest

    QTest.qWaitForWindowExposed(widget, 5000)
    QTest.qWait(200)  # let the window system settle the geometry


def _console(index: int):
    """The assistant's console: a main window on screen `index`, active (it has the keys)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMainWindow

    screen = QGuiApplication.screens()[index]
    console = QMainWindow()
    console.setWindowTitle("console")
    console.setScreen(screen)
    area = screen.availableGeometry()
    console.setGeometry(area.x() + 20, area.y() + 20, 600, 400)
    console.show()
    console.activateWindow()
    if not QTest.qWaitForWindowActive(console, 5000):
        raise RuntimeError("the console window did not become active")
    return console


def _unplug_and_replug(app, host, view) -> dict:
    """The host's TV goes to standby and comes back: Qt removes its screen, then adds it."""
    from console.ui import host_window

    gone = host.frame.screen()
    screens = host_window._screens
    host_window._screens = lambda: [s for s in screens() if s is not gone]
    app.screenRemoved.emit(gone)
    _settle(host.frame)
    fallback = _where(host, view)
    host_window._screens = screens
    app.screenAdded.emit(gone)
    _settle(host.frame)
    return {"fallback": fallback, "back": _where(host, view)}


def _main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from console.settings import Settings, data_dir
    from console.ui.host_view import HostView
    from console.ui.host_window import HostWindow, screen_key

    app = QApplication(sys.argv[:1])
    settings = Settings.load()
    clock = Clock()
    writer, queue, cues, _ = open_services(data_dir() / "rig.db", clock, [])
    console = _console(int(argv[argv.index("--console") + 1])) if "--console" in argv else None
    view = HostView(queue, cues, FakeRundown())
    host = HostWindow(view, settings, avoid=console.screen if console else None)
    if argv[0] == "place":
        index, x, y, w, h = (int(a) for a in argv[1:6])
        screen = QGuiApplication.screens()[index]
        host.show_on(screen, "--fullscreen" in argv)
        if "--fullscreen" not in argv:
            host.frame.setGeometry(x, y, w, h)
    else:
        host.restore()
    _settle(host.frame)
    where = _where(host, view)
    where["screens"] = [screen_key(s) for s in QGuiApplication.screens()]
    if console is not None:
        where["console_active"] = QApplication.activeWindow() is console
    if argv[0] == "replug":
        where.update(_unplug_and_replug(app, host, view))
    host.dispose()
    settings.save()
    writer.close()
    print(json.dumps(where), flush=True)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
