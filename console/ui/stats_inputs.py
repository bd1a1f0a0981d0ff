"""Numbers in from the console itself: the Quick entry dock (beside the queue) and the rehearsal
simulator (Tools ▸ Run the rehearsal simulator; on by itself for a rehearsal in --demo). Call
install_stats_inputs before window.finish_docks(), so that the dock is listed in View."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from console.services.simulator_service import SimulatorService
from console.ui.quick_entry import QuickEntry

MESSAGE_MS = 8000


class StatsInputs(QObject):
    def __init__(self, window: QMainWindow, writer, queue, offers, demo: bool, **sim_options):
        super().__init__(window)
        self.window, self.queue, self.demo = window, queue, demo
        self.simulator = SimulatorService(
            writer, queue, offers, demo=demo, parent=self, **sim_options
        )
        self.quick_entry = QuickEntry(writer, queue)
        self.dock = QDockWidget(self.tr("Quick entry"), window)
        self.dock.setObjectName("quickEntryDock")
        self.dock.setWidget(self.quick_entry)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        queue_dock = window.findChild(QDockWidget, "queueDock")
        if queue_dock is not None:
            window.tabifyDockWidget(queue_dock, self.dock)
            queue_dock.raise_()  # the queue stays in front; Ctrl+E brings this one

        menu = self._tools_menu()
        menu.addSeparator()
        self.entry_action = QAction(self.tr("Type the platform's numbers"), window)
        self.entry_action.setShortcut(QKeySequence("Ctrl+E"))
        self.entry_action.triggered.connect(self._on_entry_triggered)
        menu.addAction(self.entry_action)
        self.sim_action = QAction(self.tr("Run the rehearsal simulator"), window)
        self.sim_action.setCheckable(True)
        self.sim_action.toggled.connect(self._on_sim_action_toggled)
        menu.addAction(self.sim_action)
        menu.setToolTipsVisible(True)  # why the simulator's action is off, on a real show
        self.badge = QLabel(self.tr("SIMULATED NUMBERS"))
        self.badge.setObjectName("rehearsalBadge")
        self.badge.setToolTip(self.tr("The rehearsal simulator is making up the room's numbers"))
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)

        self._auto_started: int | None = None  # the show --demo started the simulator for
        self.simulator.running_changed.connect(self._on_simulator_running_changed)
        self.simulator.allowed_changed.connect(self._on_simulator_allowed_changed)
        self.simulator.failed.connect(self._on_simulator_failed)
        queue.changed.connect(self._on_queue_changed)
        self._on_simulator_allowed_changed(self.simulator.allowed)
        self._on_queue_changed()

    def _tools_menu(self) -> QMenu:
        """The menu holding Settings… (the Tools menu), or a new Tools menu."""
        settings = getattr(self.window, "settings_action", None)
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if menu is not None and settings in menu.actions():
                return menu
        return self.window.menuBar().addMenu(self.tr("&Tools"))

    def _on_entry_triggered(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.quick_entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_sim_action_toggled(self, on: bool) -> None:
        if on != self.simulator.running:
            if on:
                self.simulator.start()
            else:
                self.simulator.stop()
        self.sim_action.setChecked(self.simulator.running)

    def _on_simulator_running_changed(self, running: bool) -> None:
        self.sim_action.setChecked(running)
        self.badge.setVisible(running)
        # Short: the status line is narrow beside the health strip; the badge says the rest.
        text = self.tr("Rehearsal simulator on") if running else self.tr("Rehearsal simulator off")
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _on_simulator_allowed_changed(self, allowed: bool) -> None:
        self.sim_action.setEnabled(allowed or self.simulator.running)
        why = self.tr("Only for a rehearsal show: it never makes up numbers for a real show.")
        self.sim_action.setToolTip(self.sim_action.text() if allowed else why)
        self.sim_action.setStatusTip("" if allowed else why)

    def _on_simulator_failed(self, _action: str, code: str) -> None:
        texts = {
            "no_show": self.tr("No show is open: the simulator has nothing to run for."),
            "not_rehearsal": self.tr(
                "The simulator runs only for a rehearsal show: it never makes up numbers for a "
                "real show."
            ),
            "db_error": self.tr("The simulator stopped: its numbers could not be stored."),
        }
        self.window.statusBar().showMessage(texts.get(code, code), MESSAGE_MS)

    def _on_queue_changed(self, _queue=None) -> None:
        show = self.queue.show
        if not self.demo or show is None or show.id == self._auto_started:
            return
        if show.id == self.queue.show_id and show.rehearsal:
            self._auto_started = show.id
            self.simulator.start()


def install_stats_inputs(
    window: QMainWindow, writer, queue, offers, demo: bool, **sim_options
) -> tuple[SimulatorService, QuickEntry]:
    """The Quick entry dock ("quickEntryDock", tabbed with the queue) and the rehearsal
    simulator with its Tools menu action; in --demo (`demo`) the simulator starts by itself
    for a rehearsal show. `sim_options` go to SimulatorService (speed, interval_ms, seed)."""
    inputs = StatsInputs(window, writer, queue, offers, demo, **sim_options)
    return inputs.simulator, inputs.quick_entry
