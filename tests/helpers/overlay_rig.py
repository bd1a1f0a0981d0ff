"""A show's queue driving the on-stream overlay, wired as app.py wires them, over any OBS."""

from pathlib import Path

from console.services.obs_service import ObsService
from console.services.overlay_service import OverlayService
from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.overlay_text import overlay_texts
from tests.helpers.show_db import make_show


def open_overlay(qtbot, service: ObsService, path: Path, products, **overlay_options):
    """(writer, queue, overlay) with the show loaded; close the writer when done."""
    show_id = make_show(path, products, platform="douyin", title="overlay")
    writer = DbWriter(path)
    queue = QueueService(writer)
    overlay = OverlayService(service, queue, overlay_texts, **overlay_options)
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    return writer, queue, overlay
