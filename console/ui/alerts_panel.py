"""Alerts for the assistant: the ones active now on top, red or amber, each saying what
happened with its number and what to do, with Acknowledge to put it out of sight until its
cause is over; below, the history with the times each was raised and cleared.

Rows are kept by alert id and their texts updated in place: a count that moves every second
(a mic silent for 12 s, 13 s …) must not rebuild the button the assistant is about to click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.alerts import RED, Alert
from console.reports.format import clock_pattern
from console.ui.alert_messages import alert_text
from console.ui.style import set_look

# Here rather than in the theme: the rows are this panel's own.
STYLE = """
#alertRow { border-radius: 4px; }
#alertRow[level="red"] { background: #5c1a1b; border-left: 6px solid #f85149; }
#alertRow[level="amber"] { background: #4a3a10; border-left: 6px solid #d29922; }
#alertRow QLabel { background: transparent; }
#alertWhat { font-weight: bold; font-size: 11pt; }
#noAlerts { color: #8b949e; }
"""
translate = QCoreApplication.translate
LEVEL_COLORS = {RED: QColor("#f85149")}
AMBER_COLOR = QColor("#d29922")
OVER_COLOR = QColor("#8b949e")  # cleared: history only
WHEN, WHAT, CLEARED = range(3)


def clock_text(ms: int | None) -> str:
    if ms is None:
        return ""
    moment = QDateTime.fromMSecsSinceEpoch(int(ms)).toLocalTime()
    return QLocale().toString(moment.time(), clock_pattern())


class _AlertRow(QFrame):
    def __init__(self, panel: AlertsPanel, alert: Alert):
        super().__init__()
        self.setObjectName("alertRow")
        self.alert_id = alert.id
        self.what = QLabel(objectName="alertWhat", wordWrap=True)
        self.todo = QLabel(wordWrap=True)
        self.since = QLabel()
        self.acknowledge = QPushButton(translate("AlertsPanel", "Acknowledge"))
        self.acknowledge.setToolTip(
            translate(
                "AlertsPanel",
                "Hide this alert until its cause is over; it is not raised again before.",
            )
        )
        self.acknowledge.clicked.connect(lambda: panel.service.silence(self.alert_id))
        texts = QVBoxLayout()
        texts.addWidget(self.what)
        texts.addWidget(self.todo)
        layout = QHBoxLayout(self)
        layout.addLayout(texts, 1)
        layout.addWidget(self.since)
        layout.addWidget(self.acknowledge)
        self.show_alert(alert)

    def show_alert(self, alert: Alert) -> None:
        what, todo = alert_text(alert)
        self.what.setText(what)
        self.todo.setText(todo)
        self.since.setText(clock_text(alert.raised_ms))
        set_look(self, "level", alert.level)


class AlertsPanel(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        """service: AlertService (its `history`, `changed` and `silence`)."""
        super().__init__(parent)
        self.service = service
        self.setStyleSheet(STYLE)
        self.none = QLabel(self.tr("No alerts now."), objectName="noAlerts")
        self.rows: dict[int, _AlertRow] = {}
        self.active_box = QVBoxLayout()
        self.active_box.setContentsMargins(0, 0, 0, 0)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Raised"), self.tr("Alert"), self.tr("Cleared")])
        self.history.setColumnWidth(WHEN, 80)
        self.history.setColumnWidth(WHAT, 420)
        self._items: dict[int, QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.none)
        layout.addLayout(self.active_box)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history, 1)
        service.changed.connect(self._on_service_changed)
        self._on_service_changed()

    @property
    def count(self) -> int:
        """Alerts showing on top: active and not acknowledged."""
        return len(self.rows)

    def title(self) -> str:
        if not self.rows:
            return self.tr("Alerts")
        return self.tr("Alerts ({count})").format(count=len(self.rows))

    def _on_service_changed(self) -> None:
        showing = [a for a in self.service.history if a.active and not a.silenced]
        wanted = {a.id for a in showing}
        for alert_id in [i for i in self.rows if i not in wanted]:
            row = self.rows.pop(alert_id)
            self.active_box.removeWidget(row)
            row.deleteLater()
        for position, alert in enumerate(showing):  # newest on top
            row = self.rows.get(alert.id)
            if row is None:
                row = self.rows[alert.id] = _AlertRow(self, alert)
                self.active_box.insertWidget(position, row)
            else:
                row.show_alert(alert)
        self.none.setVisible(not self.rows)
        self._fill_history()

    def _fill_history(self) -> None:
        history = self.service.history
        kept = {a.id for a in history}
        for alert_id in [i for i in self._items if i not in kept]:  # fell off the end
            item = self._items.pop(alert_id)
            self.history.takeTopLevelItem(self.history.indexOfTopLevelItem(item))
        for position, alert in enumerate(history):
            item = self._items.get(alert.id)
            if item is None:
                item = self._items[alert.id] = QTreeWidgetItem()
                self.history.insertTopLevelItem(position, item)
            if alert.active:
                state = self.tr("acknowledged") if alert.silenced else self.tr("active")
            else:
                state = clock_text(alert.cleared_ms)
            item.setText(WHEN, clock_text(alert.raised_ms))
            item.setText(WHAT, alert_text(alert)[0])
            item.setText(CLEARED, state)
            color = LEVEL_COLORS.get(alert.level, AMBER_COLOR)
            item.setForeground(WHAT, QBrush(color if alert.active else OVER_COLOR))
            item.setData(WHAT, Qt.ItemDataRole.UserRole, alert.id)
