"""Quick entry: the assistant reads the platform's big screen and types its current numbers
(online, GMV, orders) into one keyboard strip. Tab moves between the fields, Enter records
every filled one as a sample of this moment (source "manual"), Esc clears. Numbers are typed as
the platform shows them ("12.3万", "¥8,000", "123,456.78"): console/core/number_text.py."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.core.metrics import Sample
from console.core.number_text import NumberTextError, metric_value
from console.core.stats_input import Batch
from console.reports.format import clock_text, count_text, money_text
from console.services.queue_service import QueueService
from console.services.writer_calls import WriterCalls
from console.store import stats_repo
from console.ui.style import say

log = logging.getLogger(__name__)

SOURCE = "manual"
METRICS_TYPED = ("online", "gmv_fen", "orders")  # in the order of the fields (and of Tab)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class QuickEntry(QWidget):
    recorded = Signal(int)  # samples committed by one Enter

    def __init__(self, writer, queue: QueueService, clock=wall_ms, parent: QWidget | None = None):
        super().__init__(parent)
        self.queue, self.clock = queue, clock
        self.calls = WriterCalls(writer, self)
        self.names = {  # in messages and the confirmation
            "online": self.tr("Online"),
            "gmv_fen": self.tr("GMV"),
            "orders": self.tr("Orders"),
        }
        labels = {**self.names, "gmv_fen": self.tr("GMV ¥")}  # typed in yuan
        hints = {
            "online": self.tr("e.g. 1.2万"),
            "gmv_fen": self.tr("e.g. 12.3万 or ¥8,000"),
            "orders": self.tr("e.g. 356"),
        }
        self.fields: dict[str, QLineEdit] = {}
        row = QHBoxLayout()
        for metric in METRICS_TYPED:
            edit = QLineEdit()
            edit.setObjectName(f"quickEntry_{metric}")
            edit.setPlaceholderText(hints[metric])
            edit.setMaxLength(40)
            edit.returnPressed.connect(self.commit)
            label = QLabel(labels[metric])
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit, 1)
            self.fields[metric] = edit
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the fields
        self.record_button.setToolTip(self.tr("Enter records the filled fields; Esc clears"))
        self.record_button.clicked.connect(self.commit)
        row.addWidget(self.record_button)
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")  # red when failed (theme)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        clear.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear.activated.connect(self.clear)
        self.setFocusProxy(self.fields[METRICS_TYPED[0]])

    def shortcuts(self) -> list[tuple[str, str]]:
        """For the F1 list (ui/shortcuts_help.py)."""
        return [
            ("Enter", self.tr("Quick entry: record the numbers typed")),
            ("Esc", self.tr("Quick entry: clear the fields")),
        ]

    def clear(self) -> None:
        for edit in self.fields.values():
            edit.clear()
        say(self.status, "")
        self.fields[METRICS_TYPED[0]].setFocus()

    def commit(self) -> None:
        """Record every filled field as a sample of now; a field that is not a sane number
        is said, focused and selected, and nothing is written."""
        show_id = self.queue.show_id
        if show_id is None:
            say(self.status, self.tr("No show is open: open one with Show ▸ Shows… first."), True)
            return
        ts = self.clock()
        samples, typed = [], {}
        for metric, edit in self.fields.items():
            text = edit.text()
            if not text.strip():
                continue
            try:
                samples.append(Sample(ts, metric, metric_value(metric, text)))
            except NumberTextError as e:
                say(self.status, self._problem(metric, e.code, text.strip()), True)
                edit.setFocus()
                edit.selectAll()
                return
            typed[metric] = text
        if not samples:
            say(self.status, self.tr("Type the numbers the platform shows first."), True)
            return
        batch = Batch(tuple(samples))
        self.calls.submit(
            stats_repo.insert_batch,
            show_id,
            batch,
            SOURCE,
            then=lambda f: self._on_written(f, samples, typed),
        )

    def _on_written(self, future: Future, samples: list[Sample], typed: dict[str, str]) -> None:
        if future.exception() is not None:
            log.error("Quick entry could not be stored: %r", future.exception())
            say(
                self.status,
                self.tr("Not recorded: the show database could not store it. Please try again."),
                True,
            )
            return
        at = clock_text(samples[0].ts_ms)
        shown = " · ".join(f"{self.names[s.metric]} {self._value_text(s)}" for s in samples)
        say(self.status, self.tr("Recorded {0}: {1}").format(at, shown))
        for s in samples:
            edit = self.fields[s.metric]
            if edit.text() == typed[s.metric]:  # not retyped while it was being written
                edit.clear()
            edit.setPlaceholderText(self.tr("last: {0}").format(self._value_text(s)))
        if all(not e.text() for e in self.fields.values()):
            self.fields[METRICS_TYPED[0]].setFocus()
        self.recorded.emit(len(samples))

    @staticmethod
    def _value_text(sample: Sample) -> str:
        if sample.metric == "gmv_fen":
            return money_text(sample.value)
        return count_text(sample.value)

    def _problem(self, metric: str, code: str, text: str) -> str:
        name = self.names[metric]
        if code == "negative":
            return self.tr("{0}: “{1}” is negative; the platform never shows that.").format(
                name, text
            )
        if code == "not_whole":
            return self.tr("{0}: “{1}” is not a whole number.").format(name, text)
        if code == "too_precise":
            return self.tr("{0}: “{1}” has more than two decimals (fen).").format(name, text)
        if code == "out_of_range":
            return self.tr("{0}: “{1}” is far beyond what a live room can have.").format(name, text)
        return self.tr(
            "{0}: “{1}” is not a number. Type it as the platform shows it, "
            "e.g. 12.3万, 123,456.78 or ¥8,000."
        ).format(name, text)
