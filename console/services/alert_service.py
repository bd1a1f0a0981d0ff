"""AlertService: the show's alerts (rules in console/core/alerts.py), evaluated twice a second
from what OBS, the queue, the offers, the disk and the stats say. Every raise and clear goes on
the timeline; a rule chosen for the host also sends a cue through the `host_cue` hook, which the
ui provides (it words the cue in the user's language).

Nothing here waits: OBS's figures are the ObsService's (meters, health), the disk figure is the
checklist's (OBS's own, or the recording folder measured on the checklist's thread), and the
stats are read every STATS_POLL_S by a thread of its own on a read-only connection."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from console.core import alerts as core
from console.core.alerts import Alert, AlertEngine, DropWindow, Inputs, RoomNumbers
from console.core.mic_watch import MicWatch
from console.core.obs_state import Health, mics
from console.core.offers import ON_SALE, RUNNING
from console.store import alerts_repo
from console.store.db import open_reader

log = logging.getLogger(__name__)

TICK_MS = 500
STATS_POLL_S = 5.0
HISTORY = 200  # alerts kept for the panel's history (the timeline keeps them all)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class AlertService(QObject):
    raised = Signal(object)  # Alert
    cleared = Signal(object)  # Alert, with its cleared time
    changed = Signal()  # anything the panel shows: raised, cleared, silenced, a value moved
    _ready = Signal()  # the stats reader posted numbers

    def __init__(
        self,
        writer,
        obs,
        queue,
        offers=None,
        rules: dict | None = None,
        *,
        checklist=None,
        host_cue: Callable[[Alert], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], int] = wall_ms,
        tick_ms: int = TICK_MS,
        stats_poll_s: float = STATS_POLL_S,
        parent: QObject | None = None,
    ):
        """obs: ObsService; queue: QueueService; offers: OffersService (coupons, 福袋);
        checklist: ChecklistService, whose disk figure is used (else OBS's only); rules: the
        settings' alert_rules dict (validated here)."""
        super().__init__(parent)
        self.writer, self.obs, self.queue, self.offers = writer, obs, queue, offers
        self.checklist, self.host_cue = checklist, host_cue
        self.clock, self.wall = clock, wall
        self.engine = AlertEngine(core.rules_from_dict(rules))
        self.history: list[Alert] = []  # newest first; an alert's latest state
        rules_now = self.engine.rules
        self._mics = MicWatch(rules_now[core.MIC_SILENT]["floor_db"])
        self._drops = DropWindow(rules_now[core.DROPPED_FRAMES]["window_s"])
        self._dropped_pct: float | None = None
        self._streaming_since_ms: int | None = None
        self._show_id: int | None = None
        self._watching_since_ms: int | None = None
        self._room: tuple[int, RoomNumbers] | None = None  # (show id, numbers)
        self._reader = _StatsReader(Path(writer.path), stats_poll_s, self._post)
        self._posted: tuple[int, RoomNumbers] | None = None
        self._lock = threading.Lock()
        self._ready.connect(self._on_ready, Qt.ConnectionType.QueuedConnection)
        obs.changed.connect(self._on_obs_changed)
        obs.connection_changed.connect(self._on_obs_changed)
        obs.health_changed.connect(self._on_obs_health_changed)
        queue.changed.connect(self._on_queue_changed)
        queue.flash_sale_changed.connect(self._on_obs_changed)
        if offers is not None:
            offers.changed.connect(self._on_obs_changed)
        self._tick = QTimer(self, interval=tick_ms)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self._on_queue_changed(queue.queue)

    # -- API ------------------------------------------------------------------------------------
    @property
    def rules(self) -> dict[str, core.Rule]:
        return self.engine.rules

    @property
    def active(self) -> tuple[Alert, ...]:
        """Alerts raised and not cleared, silenced ones included, newest first."""
        return tuple(a for a in self.history if a.active)

    def configure(self, rules: dict) -> None:
        """New rules (the settings' alert_rules dict, or Rule values by code); they apply at
        once: an alert whose rule was switched off clears now."""
        if all(isinstance(r, core.Rule) for r in rules.values()) and rules:
            rules = core.rules_to_dict(rules)
        self.engine.configure(core.rules_from_dict(rules))
        self._mics.floor_db = self.rules[core.MIC_SILENT]["floor_db"]
        window_s = self.rules[core.DROPPED_FRAMES]["window_s"]
        if window_s != self._drops.window_s:
            self._drops, self._dropped_pct = DropWindow(window_s), None
        self._reader.want(self._show_id, self._window_ms())
        self.refresh()

    def silence(self, alert_id: int) -> None:
        """Acknowledged: out of sight, and not back until it has cleared."""
        alert = self.engine.silence(alert_id)
        if alert is not None:
            self._keep(alert)
            self.writer.record("alert_silenced", show_id=self._show_id, rule=alert.rule)
            self.changed.emit()

    def refresh(self) -> None:
        """Evaluate every rule now (the timer does, twice a second)."""
        now = self.clock()
        self._follow_stream(now)
        self._mics.listen(now, self.obs.held_peaks())
        changes = self.engine.evaluate(self._inputs(now))
        for change in changes:
            self._apply(change)
        if changes:
            self.changed.emit()

    def stop(self) -> None:
        """Stop the timer and the stats reader (waits for it). Idempotent."""
        self._tick.stop()
        self._reader.stop()

    # -- inputs ---------------------------------------------------------------------------------
    def _inputs(self, now: float) -> Inputs:
        obs = self.obs
        streaming = self._streaming_since_ms is not None
        snapshot = obs.snapshot
        mic_states = tuple(
            core.MicState(i.name, i.muted, self._mics.quiet_s(i.name, now)) for i in mics(snapshot)
        )
        room = self._room[1] if self._room and self._room[0] == self._show_id else None
        return Inputs(
            now=now,
            wall_ms=self.wall(),
            streaming=streaming,
            streaming_since_ms=self._streaming_since_ms,
            watching_since_ms=self._watching_since_ms,
            explaining=self._explaining(),
            mics=mic_states if streaming else (),
            dropped_pct=self._dropped_pct if streaming else None,
            disk_free_gb=self._disk_free_gb(),
            sales=self._sales(),
            room=room if self._show_id is not None else None,
        )

    def _explaining(self) -> core.Explaining | None:
        item = self.queue.queue.explaining if self.queue.show_id is not None else None
        if item is None:
            return None
        return core.Explaining(item.id, item.name, item.stock, item.low_stock)

    def _disk_free_gb(self) -> float | None:
        if self.checklist is not None:  # OBS's figure, else the recording folder measured
            return self.checklist.evidence().disk_free_gb
        return self.obs.health.disk_free_gb if self.obs.connected else None

    def _sales(self) -> tuple[core.Ending, ...]:
        out = []
        sale = self.queue.flash_sale
        if sale is not None:
            phase, left = sale.phase(self.queue.clock())
            if phase == ON_SALE:
                names = [i.name for i in self.queue.queue.items if i.id == sale.item_id]
                key = ("flash_sale", sale.item_id, sale.start_ns)
                out.append(core.Ending(key, "flash_sale", left, names[0] if names else ""))
        if self.offers is not None:
            now = self.offers.clock()
            for offer in self.offers.offers:
                phase, left = offer.phase(now)
                if phase == RUNNING:
                    out.append(core.Ending(("offer", offer.id), offer.kind, left))
        return tuple(out)

    def _follow_stream(self, now: float) -> None:
        streaming = self.obs.connected and self.obs.snapshot.streaming
        if streaming and self._streaming_since_ms is None:
            self._streaming_since_ms = self.wall()
            self._mics.restart(now)  # silence counts while live only
        elif not streaming and self._streaming_since_ms is not None:
            self._streaming_since_ms = None
            self._mics.restart(None)

    def _window_ms(self) -> int:
        return int(self.rules[core.VIEWERS_DROP]["window_min"] * 60_000)

    # -- outcomes -------------------------------------------------------------------------------
    def _apply(self, change: core.Change) -> None:
        alert = change.alert
        self._keep(alert)
        if change.kind == core.RAISED:
            self.writer.record(
                "alert_raised",
                show_id=self._show_id,
                rule=alert.rule,
                level=alert.level,
                on_host=alert.on_host,
                key=None if alert.key is None else str(alert.key),
                **alert.values,
            )
            if alert.on_host and self.host_cue is not None:
                try:
                    self.host_cue(alert)
                except Exception:  # the alert stands and is logged even if the cue failed
                    log.exception("The host cue for alert %s failed", alert.rule)
            self.raised.emit(alert)
        elif change.kind == core.CLEARED:
            after_s = round(alert.cleared_at - alert.raised_at, 1)
            self.writer.record(
                "alert_cleared",
                show_id=self._show_id,
                rule=alert.rule,
                key=None if alert.key is None else str(alert.key),
                after_s=after_s,
            )
            self.cleared.emit(alert)

    def _keep(self, alert: Alert) -> None:
        for n, old in enumerate(self.history):
            if old.id == alert.id:
                self.history[n] = alert
                return
        self.history.insert(0, alert)
        del self.history[HISTORY:]

    # -- slots ----------------------------------------------------------------------------------
    def _on_obs_changed(self, *_args) -> None:
        self.refresh()  # a mute, a stream stop, a sale: at once, not at the next tick

    def _on_obs_health_changed(self, h: Health) -> None:
        self._dropped_pct = self._drops.add(self.clock(), h.stream_dropped, h.stream_frames)

    def _on_queue_changed(self, _queue) -> None:
        show_id = self.queue.show_id
        if show_id != self._show_id:
            self._show_id, self._room = show_id, None
            self._watching_since_ms = self.wall() if show_id is not None else None
            self._reader.want(show_id, self._window_ms())
        self.refresh()

    def _post(self, show_id: int, numbers: RoomNumbers) -> None:
        """From the reader thread."""
        with self._lock:
            wake = self._posted is None  # one wake-up in flight; the latest numbers win
            self._posted = (show_id, numbers)
        if wake:
            try:
                self._ready.emit()
            except RuntimeError:  # the service is gone: nobody waits for the numbers
                pass

    def _on_ready(self) -> None:
        with self._lock:
            posted, self._posted = self._posted, None
        if posted is not None and posted[0] == self._show_id:
            self._room = posted
            self.refresh()


class _StatsReader:
    """A thread with its own read-only connection reading the open show's RoomNumbers every
    poll_s and handing them to `post(show_id, numbers)`."""

    def __init__(self, path: Path, poll_s: float, post: Callable[[int, RoomNumbers], None]):
        self.path, self.poll_s, self.post = path, poll_s, post
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._want: tuple[int | None, int] = (None, 0)
        self._stopped = False
        self._thread: threading.Thread | None = None

    def want(self, show_id: int | None, window_ms: int) -> None:
        if self._stopped:
            return
        with self._lock:
            self._want = (show_id, window_ms)
        if self._thread is None and show_id is not None:
            self._thread = threading.Thread(target=self._run, name="alerts-reader", daemon=True)
            self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()
        if self._thread is not None:
            # Quitting must not hang on a slow disk: a reader still in its query is a daemon
            # thread holding only a read-only connection, and ends with the process.
            self._thread.join(2)
            if self._thread.is_alive():
                log.info("The alerts' stats reader is still reading; left to end on its own")
            self._thread = None

    def _run(self) -> None:
        db = None
        failing = False  # said once, not every poll
        while not self._stopped:
            self._wake.clear()
            with self._lock:
                show_id, window_ms = self._want
            try:
                if show_id is not None:
                    if db is None:
                        db = open_reader(self.path)
                    self.post(show_id, alerts_repo.room_numbers(db, show_id, window_ms))
                failing = False
            except sqlite3.Error as e:
                if not failing:
                    log.warning("Reading the stats for the alerts failed (retrying): %s", e)
                failing = True
                if db is not None:
                    db.close()
                    db = None
            self._wake.wait(self.poll_s)
        if db is not None:
            db.close()
