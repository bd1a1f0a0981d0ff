"""Settings (Tools ▸ Settings…, Ctrl+,): the UI language, where the show database and the logs
are, the on-stream overlay's OBS text sources, given the DeviceService the room's devices, and
given the StatsApi the local stats API (its address, token, port and LAN opt-in).
OK (or Apply, which keeps the dialog open, e.g. to test a new light) saves and applies;
nothing is half-saved: the settings file is written atomically (Settings.save), and the devices
are reconfigured only after the save worked. The rig is saved only when the Devices tab was
edited, and only then do its problems hold OK back: a rig the app could not read stays in the
file as it was, whatever else is changed here.

A new port or LAN setting restarts the stats API off the GUI thread and is saved only once the
API listens there; OK then closes the dialog when the restart worked, and keeps it open with
the reason when it did not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.rig import RigError, rig_from_dict, rig_to_dict
from console.services.device_service import DeviceService
from console.services.obs_service import ObsService
from console.services.overlay_service import OverlayService, source_names
from console.settings import Settings, config_dir
from console.ui.alert_rules_page import AlertRulesPage
from console.ui.api_page import ApiPage
from console.ui.devices_page import DevicesPage
from console.ui.style import say


class SettingsDialog(QDialog):
    applied = Signal()  # the settings object holds the new values and has been saved

    def __init__(
        self,
        settings: Settings,
        overlay: OverlayService,
        db_path: Path,
        log_path: Path,
        parent: QWidget | None = None,
        devices: DeviceService | None = None,
        save_rig: bool = True,
        api=None,
        alerts=None,
    ):
        """`save_rig` False (--demo): device changes apply to the running rig only, so the
        demo's simulated devices never replace the user's own in the settings file. `api`:
        the running console.ingest.stats_api.StatsApi, for the Stats API tab; `alerts`: the running
        AlertService, which takes edited rules at once."""
        super().__init__(parent)
        self.settings, self.overlay, self.devices = settings, overlay, devices
        self.save_rig = save_rig
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_page(db_path, log_path), self.tr("General"))
        self.tabs.addTab(self._overlay_page(overlay.obs), self.tr("On-stream overlay"))
        self.devices_page: DevicesPage | None = None
        if devices is not None:
            self.devices_page = DevicesPage(
                devices,
                overlay.obs,
                unreadable=self._unreadable_rig() if save_rig else None,
                settings_file=str(config_dir() / "settings.json"),
            )
            self.devices_page.changed.connect(self._check)
            self.tabs.addTab(self.devices_page, self.tr("Devices"))
        self.alerts, self.alerts_page = alerts, AlertRulesPage(settings)
        self.tabs.addTab(self.alerts_page, self.tr("Alerts"))
        self.api_page: ApiPage | None = None
        if api is not None:
            self.api_page = ApiPage(api, settings)
            self.tabs.addTab(self.api_page, self.tr("Stats API"))
        self.error = QLabel()
        self.error.setObjectName("dialogStatus")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def _unreadable_rig(self) -> RigError | None:
        """Why the saved rig could not be read (the app then started without devices)."""
        try:
            rig_from_dict(self.settings.rig)
        except RigError as e:
            return e
        return None

    # General

    def _general_page(self, db_path: Path, log_path: Path) -> QWidget:
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system (default)"), "")
        self.language.addItem("English", "en")  # each language in its own words
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language_note = QLabel()
        self.language.currentIndexChanged.connect(self._on_language_changed)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Show database"), self._path_row(db_path.parent, db_path))
        form.addRow(self.tr("Log files"), self._path_row(log_path.parent, log_path))
        page = QWidget()
        page.setLayout(form)
        return page

    def _path_row(self, folder: Path, shown: Path) -> QWidget:
        path = QLineEdit(str(shown))
        path.setReadOnly(True)  # selectable and copyable, for support calls
        path.setMinimumWidth(420)
        button = QPushButton(self.tr("Open folder"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(path, 1)
        layout.addWidget(button)
        return row

    def _on_language_changed(self) -> None:
        changed = self.language.currentData() != self.settings.language
        self.language_note.setText(
            self.tr("The new language shows when LiveDesk is next started.") if changed else ""
        )

    # Overlay

    def _overlay_page(self, obs: ObsService) -> QWidget:
        self.overlay_enabled = QCheckBox(
            self.tr("Keep OBS text sources showing the product being explained")
        )
        self.overlay_enabled.setChecked(self.settings.overlay_enabled)
        self.scene = QComboBox()
        self.scene.addItem(self.tr("The program scene at the time"), "")
        scenes = list(obs.snapshot.scenes)
        if self.settings.overlay_scene and self.settings.overlay_scene not in scenes:
            scenes.append(self.settings.overlay_scene)  # OBS is offline or the scene is gone
        for scene in scenes:
            self.scene.addItem(scene, scene)
        self.scene.setCurrentIndex(max(0, self.scene.findData(self.settings.overlay_scene)))
        names = source_names(self.settings.overlay_sources)
        labels = {
            "name": self.tr("Product name source"),
            "price": self.tr("Live price source"),
            "selling_point": self.tr("Selling point source"),
            "countdown": self.tr("Flash-sale countdown source"),
        }
        form = QFormLayout()
        form.addRow(self.overlay_enabled)
        form.addRow(self.tr("Create missing sources in"), self.scene)
        self.source_edits: dict[str, QLineEdit] = {}
        for key, label in labels.items():
            edit = QLineEdit(names[key])
            edit.textChanged.connect(self._check)
            self.source_edits[key] = edit
            form.addRow(label, edit)
        note = QLabel(
            self.tr(
                "LiveDesk creates a text source that OBS does not have. After a rename, the "
                "sources under the old names stay in OBS unchanged; delete them there if they "
                "are no longer wanted."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        page = QWidget()
        page.setLayout(form)
        return page

    def _check(self) -> None:
        names = [e.text().strip() for e in self.source_edits.values()]
        problem = ""
        if not all(names):
            problem = self.tr("Every overlay source needs a name.")
        elif len(set(names)) < len(names):
            problem = self.tr("Two overlay texts cannot share one source: give each its own name.")
        elif self._devices_edited() and self.devices_page.problems():
            problem = self.tr("Fix the problems marked on the Devices tab to save.")
        say(self.error, problem, failed=bool(problem))
        for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
            self.buttons.button(button).setEnabled(not problem)

    def _devices_edited(self) -> bool:
        return self.devices_page is not None and self.devices_page.edited

    def apply(self) -> bool:
        """Save and apply; False (and the reason shown) when the file could not be written."""
        rig = self.devices_page.rig() if self._devices_edited() else None
        new = dataclasses.replace(
            self.settings,
            language=self.language.currentData(),
            overlay_enabled=self.overlay_enabled.isChecked(),
            overlay_scene=self.scene.currentData(),
            overlay_sources={k: e.text().strip() for k, e in self.source_edits.items()},
            rig=rig_to_dict(rig) if rig is not None and self.save_rig else self.settings.rig,
            alert_rules=self.alerts_page.rules(),
        )
        try:
            new.save()
        except OSError as e:  # the old file and the running values stay as they were
            say(self.error, self.tr("The settings could not be saved: {0}").format(e), failed=True)
            return False
        self.settings.__dict__.update(new.__dict__)  # the app's one Settings object
        self.overlay.configure(new.overlay_enabled, new.overlay_scene, new.overlay_sources)
        if self.alerts is not None:
            self.alerts.configure(new.alert_rules)
        if self.devices is not None:
            # Unedited, the same rig: configure keeps every device and tries again those that
            # could not be made. Edited, it keeps the devices whose settings did not change.
            self.devices.configure(rig if rig is not None else self.devices.rig)
            if rig is not None:
                self.devices_page.mark_saved()
        if self.api_page is not None:
            self.api_page.apply()  # saves the port and LAN itself, once the API listens there
        self.applied.emit()
        return True

    def accept(self) -> None:
        if self.api_page is not None and self.api_page.restarting:
            return  # the restart's outcome closes the dialog, or says why not
        if not self.apply():
            return
        if self.api_page is not None and self.api_page.restarting:
            self.api_page.restarted.connect(
                self._on_api_page_restarted, Qt.ConnectionType.SingleShotConnection
            )
            return
        super().accept()

    def _on_api_page_restarted(self, listening: bool) -> None:
        if listening:
            super().accept()
        else:
            self.tabs.setCurrentWidget(self.api_page)  # where the reason is
