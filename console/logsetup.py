"""Logging to a rotating file, and the last line of defence for uncaught exceptions."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("console")


def setup_logging(folder: Path, verbose: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "livedesk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("websockets").setLevel(logging.WARNING)
    return path


def tolerant_console() -> None:
    """A console that cannot show every character (a pipe on a Western Windows, cp1252) gets "?"
    for the rest instead of an UnicodeEncodeError; a windowed program has no console at all."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def install_excepthook(show: Callable[[str], None]) -> None:
    """Log every uncaught exception and tell the user once; never end a running show.

    `show` gets a one-line summary and is called on the GUI thread only (a worker's
    exception is logged, and shown by the next GUI-thread hook call at the latest).
    """

    def hook(exc_type, exc, tb):
        log.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
        if threading.current_thread() is threading.main_thread():
            try:
                show(f"{exc_type.__name__}: {exc}")
            except Exception:  # noqa: BLE001 - the hook itself must never raise
                log.exception("Could not show the error dialog")

    def thread_hook(args):
        log.critical(
            "Uncaught exception in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook
