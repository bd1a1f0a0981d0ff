"""Composition root: command line, QApplication, every object built and wired here."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from console import __version__
from console.settings import Settings, load_password, log_dir, store_password

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="livedesk", description="LiveDesk 直播中控台")
    p.add_argument(
        "--demo",
        action="store_true",
        help="run against a built-in simulated OBS (no OBS or hardware needed)",
    )
    p.add_argument(
        "--obs",
        metavar="ws://HOST:PORT",
        help="OBS WebSocket address (overrides the saved one); the password "
        "comes from LIVEDESK_OBS_PASSWORD or the keyring",
    )
    p.add_argument("--db", metavar="PATH", type=Path, help="the show database file")
    p.add_argument(
        "--api-port",
        metavar="PORT",
        type=int,
        help="port of the local stats API (default 8765); its token comes from "
        "LIVEDESK_API_TOKEN or the keyring",
    )
    p.add_argument("--lang", choices=("en", "zh_CN"), help="UI language (default: system)")
    p.add_argument("--version", action="version", version=f"LiveDesk {__version__}")
    p.add_argument("--verbose", action="store_true", help="debug logging")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="start against the built-in simulated OBS and a temporary database, check that "
        "every part is there, print what was checked and exit (0: all passed)",
    )
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.self_test:  # the demo's fakes, nothing of the user's (see console/self_test.py)
        args.demo, args.api_port = True, 0
    if args.api_port is not None and not 0 <= args.api_port <= 65535:
        p.error(f"--api-port wants 0..65535, not {args.api_port}")
    if args.obs:
        url = urlparse(args.obs if "://" in args.obs else f"ws://{args.obs}")
        if url.scheme != "ws" or not url.hostname:
            p.error(f"--obs wants ws://HOST:PORT, not {args.obs!r}")
        try:
            args.obs_host, args.obs_port = url.hostname, url.port or 4455
        except ValueError:
            p.error(f"--obs: bad port in {args.obs!r}")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["catalog"]:  # a command-line tool: no window, no OBS
        from console.ui.catalog_cli import main as catalog_main

        return catalog_main(argv[1:])
    started = time.perf_counter()
    args = parse_args(argv)
    from console.logsetup import install_excepthook, setup_logging

    # --self-test: the defaults, and a temporary folder for its database and log.
    scratch = _self_test_folder(args) if args.self_test else None
    log_path = setup_logging(Path(scratch.name) if scratch else log_dir(), args.verbose)
    log.info("LiveDesk %s starting (%s)", __version__, " ".join(sys.argv[1:]))

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from console import i18n
    from console.devices.obs.client import ObsAddress, ObsClient
    from console.resources import resource_path
    from console.services import show_setup
    from console.services.obs_service import ObsService
    from console.services.offers_service import OffersService
    from console.services.overlay_service import OverlayService
    from console.services.queue_service import QueueService
    from console.services.timeline import TimelineRecorder
    from console.store.db import DatabaseDamagedError, NewerDatabaseError, default_path
    from console.store.writer import DbWriter
    from console.ui import messages
    from console.ui.connect_dialog import ConnectDialog
    from console.ui.error_dialog import ErrorDialog
    from console.ui.gui_gc import GuiThreadGc
    from console.ui.main_window import MainWindow
    from console.ui.overlay_text import overlay_texts
    from console.ui.settings_dialog import SettingsDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app._gc = GuiThreadGc(app)  # the cyclic GC only on this thread (see gui_gc.py)
    app.setApplicationName("LiveDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "livedesk.png"))))
    settings = Settings() if args.self_test else Settings.load()
    language = i18n.choose_language(args.lang or settings.language)
    app._translators = i18n.install_translators(app, language)
    app.setStyleSheet(resource_path("theme", "dark.qss").read_text(encoding="utf-8"))
    error_dialog = ErrorDialog(str(log_path))
    install_excepthook(error_dialog.report)

    # The demo never touches the real show database.
    db_path = args.db or (default_path().with_name("demo.db") if args.demo else default_path())
    try:
        writer = DbWriter(db_path)
    except NewerDatabaseError as e:
        _fatal(
            app,
            app.translate(
                "App",
                "This show database was written by a newer LiveDesk "
                "and is left untouched:\n{0}\nPlease update LiveDesk.",
            ).format(e.path),
        )
        return 2
    except DatabaseDamagedError as e:
        _fatal(
            app,
            app.translate(
                "App",
                "The show database is damaged and is left untouched:\n{0}\n\n{1}\n\n"
                "Restore a backup, or move the file away to start with an empty database.",
            ).format(e.path, "\n".join(e.problems)),
        )
        return 2

    fake = None
    if args.demo:
        from console.devices.obs.fake_server import FakeObsServer

        fake = FakeObsServer()
        address = ObsAddress("127.0.0.1", fake.start(), "")
    elif args.obs:
        address = ObsAddress(
            args.obs_host, args.obs_port, load_password(args.obs_host, args.obs_port)
        )
    else:
        address = ObsAddress(
            settings.obs_host,
            settings.obs_port,
            load_password(settings.obs_host, settings.obs_port),
        )

    client = ObsClient(address)
    service = ObsService(client)
    recorder = TimelineRecorder(service, writer, parent=service)
    queue = QueueService(writer, parent=service)
    overlay = OverlayService(service, queue, overlay_texts, parent=service)
    overlay.configure(settings.overlay_enabled, settings.overlay_scene, settings.overlay_sources)
    offers = OffersService(writer, queue, parent=service)
    devices, demo_devices = _devices(settings, args.demo)
    window = MainWindow(service, settings, queue, offers)
    if args.demo:
        sample = resource_path("catalog", "sample_catalog.csv")
        title = app.translate("App", "Demo show")
        rundown = resource_path("rundown", "sample_rundown.csv")
        looks = resource_path("presets", "demo_presets.json")
        queue.open_show(lambda db: show_setup.demo_show(db, sample, title, rundown, looks))
    else:
        title = app.translate("App", "Live show {0}").format(time.strftime("%Y-%m-%d"))
        queue.open_show(lambda db: show_setup.current_show(db, title))
    window.setWindowTitle(window.windowTitle() + (" [DEMO]" if args.demo else ""))
    api = _stats_api(writer, queue, settings, args.api_port)

    def show_connect_dialog() -> None:
        dialog = ConnectDialog(service, window)
        dialog.address_chosen.connect(on_address_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def on_address_chosen(address: ObsAddress, remember: bool) -> None:
        settings.obs_host, settings.obs_port, settings.obs_configured = (
            address.host,
            address.port,
            True,
        )
        settings.save()
        if remember and not store_password(address.host, address.port, address.password):
            window.statusBar().showMessage(
                app.translate(
                    "App", "No system keyring here: the password is kept until LiveDesk closes."
                ),
                10000,
            )
        client.set_address(address)

    window.connect_action.triggered.connect(show_connect_dialog)

    def show_settings_dialog() -> None:
        dialog = SettingsDialog(
            settings,
            overlay,
            db_path,
            log_path,
            window,
            devices=devices,
            save_rig=not args.demo,
            api=api,
            alerts=alerts,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    window.settings_action.triggered.connect(show_settings_dialog)
    from console.ui.show_menu import install_show_menu  # Show menu: shows, add products

    install_show_menu(window, writer, queue, db_path)
    from console.ui.catalog_menu import install_catalog_menu  # Catalog menu: import, export

    install_catalog_menu(window, writer, queue)
    from console.ui.run_of_show import RunOfShow  # checklist, rundown, cues, host view

    run_of_show = RunOfShow(window, writer, service, queue, settings, language, devices)
    from console.ui.room_looks import RoomLooks  # presets: recall, capture, 讲解's look

    RoomLooks(window, writer, service, devices, queue, run_of_show.rundown_panel)
    from console.ui.alerts_install import install_alerts  # alerts: assistant dock, host cues

    alerts = install_alerts(
        window,
        writer,
        service,
        queue,
        offers,
        settings,
        run_of_show.cues,
        checklist=run_of_show.checklist,
    )
    from console.ui.stats_inputs import install_stats_inputs  # quick entry, simulator

    install_stats_inputs(window, writer, queue, offers, args.demo)
    from console.ui.stats_import_dialog import install_stats_import  # platform exports

    install_stats_import(window, writer, queue)
    from console.ui.dashboard_install import install_dashboard  # live stats

    install_dashboard(window, writer, queue, lazy=True, settings=settings)
    from console.ui.review_install import install_review  # review (复盘), compare two shows

    install_review(window, writer, queue, db_path, settings, language)
    from console.ui.about_dialog import install_about  # Help: About LiveDesk, About Qt

    install_about(window)
    window.finish_docks()
    window.show()
    run_of_show.start()
    client.start()
    if not (args.demo or args.obs or settings.obs_configured):
        QTimer.singleShot(0, show_connect_dialog)  # first run: ask where OBS is

    if args.startup_probe:
        _probe(app, window, started)
    if args.self_test:
        from console.self_test import SelfTest

        SelfTest(app, window, service, queue, api, db_path, language).start()
    if args.screenshot:  # for the README and for looking at the app as a user would

        def shoot():
            if args.demo:  # show what an error looks like, too
                window.statusBar().showMessage(
                    messages.request_failure("StartStream", "500", ""), 10000
                )
            window.grab().save(str(args.screenshot))
            app.quit()

        QTimer.singleShot(3000, shoot)

    try:
        return app.exec()
    finally:
        if api:
            api.stop()  # before the writer closes: no ingest is acknowledged after that
        client.stop()
        devices.close()
        if demo_devices:
            demo_devices.stop()
        if fake:
            fake.stop()
        recorder.flush()
        writer.close()
        if not scratch:
            settings.save()
        log.info("LiveDesk stopped")
        if scratch:  # close its log first: Windows deletes no open file
            for handler in logging.getLogger().handlers[:]:
                logging.getLogger().removeHandler(handler)
                handler.close()
            scratch.cleanup()


def _self_test_folder(args):
    """A temporary folder for the self-test's database and log, and a one-off API token: the
    user's settings, keyring, database and log are never read or written."""
    import secrets
    import tempfile

    from console.settings import API_TOKEN_ENV

    scratch = tempfile.TemporaryDirectory(prefix="livedesk-self-test-", ignore_cleanup_errors=True)
    args.db = Path(scratch.name) / "self-test.db"
    os.environ[API_TOKEN_ENV] = secrets.token_urlsafe(16)
    return scratch


def _devices(settings, demo: bool):
    """(DeviceService, the demo's fakes or None): the rig from the settings, or in --demo a
    built-in rig of fakes on loopback (the user's rig is never touched by the demo)."""
    from console.core.rig import Rig, RigError, rig_from_dict
    from console.services.device_service import DemoDevices, DeviceService, demo_rig

    if demo:
        fakes = DemoDevices()
        return DeviceService(demo_rig(), fakes), fakes
    try:
        rig = rig_from_dict(settings.rig) if settings.rig else Rig()
    except RigError as e:  # a hand-edited settings file: start without devices, say why
        log.warning("The device settings are unreadable (%s); no devices until fixed", e)
        rig = Rig()
    return DeviceService(rig), None


def _stats_api(writer, queue, settings, port: int | None):
    """Start the local stats API, or log why not (a taken port must not stop the show). Its
    threads read queue.show_id and queue.queue, plain attributes holding immutable values."""
    from console.ingest.stats_api import StatsApi
    from console.settings import load_api_token
    from console.store import stats_repo

    api = StatsApi(
        writer,
        stats_repo,
        lambda: queue.show_id,
        lambda: queue.queue.explaining,
        load_api_token,  # called on the API's own start thread: a keyring read
        port=settings.api_port if port is None else port,
        lan=settings.api_lan,
    )
    api.start_in_background()  # a taken port is logged, and shown in Settings ▸ Stats API
    return api


def _fatal(app, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    log.error(text)
    QMessageBox.critical(None, "LiveDesk", text)


def _probe(app, window, started: float) -> None:
    """Print time to the first painted window and RSS, then quit (for tests/perf)."""
    import psutil
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "ms"):
                self.ms = (time.perf_counter() - started) * 1000
                QTimer.singleShot(1500, report)
            return False

    def report():
        rss = psutil.Process(os.getpid()).memory_info().rss / 2**20
        print(
            json.dumps({"first_paint_ms": round(watch.ms, 1), "rss_mb": round(rss, 1)}), flush=True
        )
        app.quit()

    watch = PaintWatch(window)
    window.installEventFilter(watch)
