"""Keeping the GUI thread responsive while another thread works through tens of thousands of
rows in Python: both the cyclic GC and the GIL can otherwise hold the GUI thread up for far
longer than a frame. Measured with a 50,000-row catalog on a 2-core machine (see
tests/qt/test_catalog_import_dialog.py); the settings are process-wide, and restored."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import weakref

BULK_SWITCH_S = 0.001
_lock = threading.Lock()
_bulk_jobs = 0
_gc_was_enabled = True
_switch_was = 0.005
_frozen_holders = 0


@contextlib.contextmanager
def bulk_work():
    """Around a worker thread's bulk job. Re-entrant and shared: the first job in changes
    the settings, the last one out restores them.

    The cyclic GC runs on whichever thread allocates and holds the GIL for its whole pass:
    reading the catalog set off full passes of 50-70 ms one after another as the heap grew
    (reference counting still frees everything that is not a cycle meanwhile). And with
    openpyxl reading (before python-calamine), the GUI thread waited 0.2-2 s for the GIL at
    the default 5 ms switch interval; at 1 ms its worst wait was 30-60 ms."""
    global _bulk_jobs, _gc_was_enabled, _switch_was
    with _lock:
        if _bulk_jobs == 0:
            _gc_was_enabled = gc.isenabled()  # an app-wide policy may have turned it off
            _switch_was = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(min(_switch_was, BULK_SWITCH_S))
        _bulk_jobs += 1
    try:
        yield
    finally:
        with _lock:
            _bulk_jobs -= 1
            if _bulk_jobs == 0:
                sys.setswitchinterval(_switch_was)
                if _gc_was_enabled:
                    gc.enable()


def busy() -> bool:
    """A bulk job is running (the GC is held off for it)."""
    return _bulk_jobs > 0


def keep_out_of_gc(owner: object) -> weakref.finalize:
    """Freeze what the GC tracks now (gc.freeze) until the returned release() is called or
    `owner` is gone, whichever is first; unfrozen when every holder has let go. Call inside
    bulk_work, once the rows a dialog keeps are built: otherwise the next full passes walk
    them all, and one landed on the GUI thread (70 ms after a 50,000-row read). Frozen
    objects are still freed by reference counting when dropped."""
    global _frozen_holders
    with _lock:
        gc.freeze()
        _frozen_holders += 1
    return weakref.finalize(owner, _release)


def _release() -> None:
    global _frozen_holders
    with _lock:
        _frozen_holders -= 1
        if _frozen_holders == 0:
            gc.unfreeze()
