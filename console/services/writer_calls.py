"""Store functions run on the writer thread, their outcome handed back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from console.store.writer import DbWriter


class WriterCalls(QObject):
    """`submit(fn, *args, then=callback)`: fn(db, *args) runs in the writer's transaction; then
    callback(future) runs on this object's thread. A caller closed in the meantime is not
    called back: it was the only one waiting for the answer."""

    _finished = Signal(object, object)  # future, callback

    def __init__(self, writer: DbWriter, parent: QObject | None = None):
        super().__init__(parent)
        self.writer = writer
        self._finished.connect(self._on_finished)

    def submit(self, fn: Callable, *args, then: Callable[[Future], None], **kwargs) -> Future:
        future = self.writer.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self._hand_back(f, then))
        return future

    def _hand_back(self, future: Future, then: Callable[[Future], None]) -> None:
        try:
            self._finished.emit(future, then)
        except RuntimeError:  # this QObject is deleted: its owner is gone
            pass

    def _on_finished(self, future: Future, then: Callable[[Future], None]) -> None:
        then(future)
