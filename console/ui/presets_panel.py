"""Presets (预设): the room's looks, one press each. Every preset has a big Recall button, or
Enter / double-click on the chosen one, or Ctrl+1…9 anywhere in the console's window for the
preset holding that key (1…9 alone are the scene keys, Alt+1… the cues). Below, what the last
recall did, one line per device: done with its time, failed with why, "…" while waiting; a
failure is red, and the dock's title counts the devices that failed.

New, Capture (read the room into a preset, then finish it in the editor), Edit, Delete (asks
first), Import / Export JSON. The list keys: Enter recall, Insert new, F2 edit, Delete. Editors
are not modal, and one with unsaved changes is never closed for another: a capture shows its
result in a second editor.

The list is a PresetList, the recall's lines RecallSteps, the words preset_messages."""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.presets import HOTKEYS, Preset
from console.services.preset_service import PTZ, Recall, Step
from console.ui import preset_messages
from console.ui.preset_editor import PresetEditor
from console.ui.preset_list import KEY as KEY  # the columns, where the tests look for them
from console.ui.preset_list import NAME as NAME
from console.ui.preset_list import SUMMARY as SUMMARY
from console.ui.preset_list import PresetList
from console.ui.recall_steps import DEVICE as DEVICE
from console.ui.recall_steps import GLYPH as GLYPH
from console.ui.recall_steps import RESULT as RESULT
from console.ui.recall_steps import RecallSteps
from console.ui.style import say, set_look

BADGE_STYLE = (
    'QLabel[state="failed"] { background: #f85149; color: #1c1c1c; font-weight: bold;'
    " padding: 2px 8px; border-radius: 3px; }"
    ' QLabel[state="done"] { color: #3fb950; font-weight: bold; }'
    ' QLabel[state="pending"] { color: #d29922; font-weight: bold; }'
)


def _key_text(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


class PresetsPanel(QWidget):
    title_changed = Signal(str)  # "Presets", or with the count of failed devices: for the dock

    def __init__(self, preset_service, device_service, obs_service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.devices, self.obs = preset_service, device_service, obs_service
        self.editors: list[PresetEditor] = []  # open, the last opened last
        self.name_dialog: QInputDialog | None = None
        self.delete_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.presets: list[Preset] = []
        self._importing: str | None = None  # the file being imported
        self._exporting: str | None = None
        self._hotkeys: list[QShortcut] = []  # Ctrl+1…9, on the console's window
        self._list_keys: list[tuple[QShortcut, str]] = []
        self._title = ""
        self.list = PresetList(preset_service)
        self.result_title = QLabel()
        self.result_title.setWordWrap(True)
        font = self.result_title.font()
        font.setBold(True)
        self.result_title.setFont(font)
        self.badge = QLabel()
        self.badge.setStyleSheet(BADGE_STYLE)
        self.result = RecallSteps()
        self.message = QLabel()
        self.message.setObjectName("dialogStatus")
        self.message.setWordWrap(True)
        self.message.hide()
        head = QHBoxLayout()
        head.addWidget(self.result_title, 1)
        head.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 3)
        layout.addLayout(self._buttons())
        layout.addWidget(self.message)
        layout.addLayout(head)
        layout.addWidget(self.result, 2)
        self._list_shortcuts()
        self._attach_hotkeys()
        QTimer.singleShot(0, self, self._attach_hotkeys)  # once the app has placed the dock
        self.destroyed.connect(partial(_drop, self._hotkeys))  # they live on the window
        preset_service.presets_changed.connect(self._on_service_presets_changed)
        preset_service.recall_changed.connect(self._on_service_recall_changed)
        preset_service.captured.connect(self._on_service_captured)
        preset_service.failed.connect(self._on_service_failed)
        preset_service.imported.connect(self._on_service_imported)
        preset_service.exported.connect(self._on_service_exported)
        self._on_service_presets_changed(preset_service.presets)
        self._on_service_recall_changed(preset_service.recall_now)

    # The words live in preset_messages; these stay the panel's API.
    summary = staticmethod(preset_messages.summary)
    origin_text = staticmethod(preset_messages.origin_text)
    device_text = staticmethod(preset_messages.device_text)
    kind_text = staticmethod(preset_messages.kind_text)
    reason_text = staticmethod(preset_messages.reason_text)
    failed_text = staticmethod(preset_messages.failed_text)
    failure_text = staticmethod(preset_messages.failure_text)
    problem_text = staticmethod(preset_messages.problem_text)

    # -- building ---------------------------------------------------------------------------
    def _buttons(self) -> QHBoxLayout:
        """Buttons that leave the focus on the list (its keys keep working); each has a
        mnemonic. The menu bar has Alt+S, C, O, V, T, H: none of those here."""
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", self.tr("&New…"), self.new_preset),
            ("capture", self.tr("Ca&pture…"), self.capture),
            ("edit", self.tr("&Edit…"), self.edit_selected),
            ("delete", self.tr("&Delete…"), self.ask_delete),
            ("import", self.tr("&Import…"), self.choose_import),
            ("export", self.tr("E&xport…"), self.choose_export),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["capture"].setToolTip(
            self.tr("Read the scene, camera, lights and mics as they are now into a preset")
        )
        row.addStretch(1)
        return row

    def _list_shortcuts(self) -> None:
        local = Qt.ShortcutContext.WidgetShortcut
        for keys, slot, text in (
            (("Return", "Enter"), self.recall_selected, self.tr("Presets list: recall")),
            (("Insert",), self.new_preset, self.tr("Presets list: new preset")),
            (("F2",), self.edit_selected, self.tr("Presets list: edit the preset")),
            (("Del",), self.ask_delete, self.tr("Presets list: delete the preset")),
        ):
            shortcut = QShortcut(self.list)
            shortcut.setKeys([QKeySequence(k) for k in keys])
            shortcut.setContext(local)
            shortcut.activated.connect(slot)
            self._list_keys.append((shortcut, text))

    def _attach_hotkeys(self) -> None:
        """Ctrl+1…9 on the top window the panel is in (not on the panel: a dock tabbed
        behind another, or closed, must not take the keys away mid-show). Called again when
        the panel moves to another window."""
        window = self._top()
        if self._hotkeys and self._hotkeys[0].parent() is window:
            return
        _drop(self._hotkeys)
        for n in HOTKEYS:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(partial(self.service.recall_by_hotkey, n))
            self._hotkeys.append(shortcut)
        self._describe_hotkeys()

    def _top(self) -> QWidget:
        widget = self
        while widget.parentWidget() is not None:  # a floating dock's parent is the window
            widget = widget.parentWidget()
        return widget

    def event(self, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.ParentChange, QEvent.Type.Show)
        if moved and hasattr(self, "buttons"):  # not while being built
            self._attach_hotkeys()
            self._show_title()
        return super().event(event)

    def _describe_hotkeys(self) -> None:
        by_key = {p.hotkey: p for p in self.presets if p.hotkey is not None}
        for n, shortcut in zip(HOTKEYS, self._hotkeys, strict=True):
            preset = by_key.get(n)
            if preset is not None:
                shortcut.setWhatsThis(self.tr("Recall preset “{0}”").format(preset.name))
            else:
                shortcut.setWhatsThis(self.tr("Recall a preset (no preset on this key yet)"))

    def shortcuts(self) -> list[tuple[str, str]]:
        """(key, what it does) for the F1 list: Ctrl+1…9 (anywhere in the window), then the
        list's keys (with the presets list focused)."""
        rows = [(_key_text(s.key()), s.whatsThis()) for s in self._hotkeys]
        return rows + [(_key_text(s.key()), text) for s, text in self._list_keys]

    def hotkeys(self) -> list[QShortcut]:
        """The QShortcuts of Ctrl+1…9."""
        return list(self._hotkeys)

    # -- actions ----------------------------------------------------------------------------
    def selected(self) -> Preset | None:
        preset_id = self.list.selected_id()
        return None if preset_id is None else self.service.preset(preset_id)

    def recall_selected(self) -> None:
        preset = self.selected()
        if preset is not None:
            self.service.recall(preset.id, "button")

    def new_preset(self) -> None:
        self._open_editor(None, [])

    def edit_selected(self) -> None:
        preset = self.selected()
        if preset is not None:
            self._open_editor(preset, [])

    @property
    def editor(self) -> PresetEditor | None:
        """The editor opened last, while it exists."""
        editors = self._editors()
        return editors[-1] if editors else None

    def _editors(self) -> list[PresetEditor]:
        self.editors = [e for e in self.editors if shiboken6.isValid(e)]
        return list(self.editors)

    def capture(self) -> None:
        """Ask a name, then read the room; the editor opens with what was read. The name box
        starts empty: re-capturing an existing preset is typing its name, on purpose."""
        if self.name_dialog is not None:
            self.name_dialog.deleteLater()
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Capture current state"))
        dialog.setLabelText(
            self.tr(
                "Name of the preset. The scene, camera, lights and mics are read as they are "
                "now; you check them before saving."
            )
        )
        dialog.setTextValue("")
        dialog.textValueSelected.connect(self._on_name_dialog_text_value_selected)
        self.name_dialog = dialog
        dialog.open()

    def _on_name_dialog_text_value_selected(self, name: str) -> None:
        name = " ".join(name.split())
        if name:
            self._say(self.tr("Reading the room for “{0}”…").format(name))
            self.service.capture(name)

    def ask_delete(self) -> None:
        preset = self.selected()
        if preset is None:
            return
        if self.delete_box is not None:
            self.delete_box.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete preset"),
            self.tr("Delete the preset “{0}”? Products and segments linked to it lose it.").format(
                preset.name
            ),
            parent=self,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(partial(self._on_delete_box_clicked, delete, preset.id))
        self.delete_box = box
        box.open()

    def _on_delete_box_clicked(self, delete: QPushButton, preset_id: int, button) -> None:
        if button is delete:
            self.service.remove(preset_id)

    def choose_import(self) -> None:
        dialog = self._file_dialog(self.tr("Import presets"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.open()

    def choose_export(self) -> None:
        dialog = self._file_dialog(self.tr("Export presets"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.selectFile("livedesk-presets.json")
        dialog.fileSelected.connect(self.export_file)
        dialog.open()

    def _file_dialog(self, title: str) -> QFileDialog:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = QFileDialog(self, title, "", self.tr("LiveDesk presets (*.json)"))
        return self.file_dialog

    def import_file(self, path: str) -> None:
        """All of the file's presets or none; the list shows them once stored."""
        self._importing = path
        self._say(self.tr("Importing {0}…").format(path))
        self.service.import_json(path)

    def export_file(self, path: str) -> None:
        self._exporting = path
        self._say(self.tr("Exporting to {0}…").format(path))
        self.service.export_json(path)

    def _open_editor(
        self,
        preset: Preset | None,
        missing: list[str],
        captured: bool = False,
        store_ptz: bool = False,
    ) -> None:
        """A new editor, not modal. One already open on the same preset is brought to the
        front instead; open ones without changes are closed; one with changes is never."""
        kept = []
        for editor in self._editors():
            if not editor.isVisible():
                continue
            same = preset is not None and preset.id is not None and not captured
            if same and editor.original.id == preset.id and not editor.captured:
                editor.raise_()
                editor.activateWindow()
                return
            if editor.has_edits():
                kept.append(editor)
            else:
                editor.close()
        editor = PresetEditor(
            self.service,
            self.devices,
            self.obs,
            preset,
            missing,
            self,
            captured=captured,
            store_ptz=store_ptz,
        )
        self.editors.append(editor)
        editor.finished.connect(editor.deleteLater)
        editor.accepted.connect(partial(self._on_editor_accepted, editor))
        editor.show()
        if kept:  # beside the one with changes, not hiding it
            editor.move(kept[-1].pos() + QPoint(40, 40))
        editor.raise_()
        editor.activateWindow()

    def _on_editor_accepted(self, editor: PresetEditor) -> None:
        saved = editor.saved_preset
        if saved is not None:
            self._say(self.tr("Saved “{0}”.").format(saved.name))
            self._select(saved.id)

    # -- showing ----------------------------------------------------------------------------
    def _on_service_presets_changed(self, presets: list[Preset]) -> None:
        chosen = self.selected()
        # The keyed presets first, in key order: row n is Ctrl+n as far as it goes.
        self.presets = sorted(presets, key=lambda p: (p.hotkey is None, p.hotkey or 0))
        self.list.show_presets(self.presets, chosen.id if chosen is not None else None)
        for key in ("edit", "delete"):
            self.buttons[key].setEnabled(bool(presets))
        self._describe_hotkeys()
        self.list.mark_recalled(self.service.recall_now)

    def _select(self, preset_id: int | None) -> None:
        self.list.select(preset_id)

    def _on_service_recall_changed(self, recall: Recall | None) -> None:
        self.result.show_recall(recall)
        if recall is None:
            self.result_title.setText(self.tr("No preset recalled yet."))
            self.badge.setText("")
            set_look(self.badge, "state", "")
            self._show_title()
            return
        self.result_title.setText(preset_messages.origin_text(recall))
        state, text = preset_messages.recall_badge(recall)
        self.badge.setText(text)
        set_look(self.badge, "state", state)
        self.list.mark_recalled(self.service.recall_now)
        self._show_title()

    def _show_title(self) -> None:
        """The dock's title, with the failures of the recall on screen: seen even when the
        dock is tabbed behind another."""
        recall = self.service.recall_now
        failed = len(recall.failed) if recall is not None else 0
        title = self.tr("Presets")
        if failed:
            title = self.tr("{0} — {1}").format(title, preset_messages.failed_text(failed))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget) and dock.widget() is self:
            dock.setWindowTitle(title)
        if title != self._title:
            self._title = title
            self.setWindowTitle(title)
            self.title_changed.emit(title)

    def title(self) -> str:
        return self._title

    # -- the service's answers --------------------------------------------------------------
    def _on_service_captured(self, preset: Preset, missing: list[Step]) -> None:
        lines = [
            f"{preset_messages.device_text(s)}: {preset_messages.reason_text(s.reason)}"
            for s in missing
        ]
        if missing:
            self._say(self.tr("Captured “{0}”; some parts could not be read.").format(preset.name))
        else:
            self._say(self.tr("Captured “{0}”: check it and press OK.").format(preset.name))
        # The camera stores its position on OK only when the capture found it there.
        store_ptz = preset.ptz is not None and all(s.kind != PTZ for s in missing)
        self._open_editor(preset, lines, captured=True, store_ptz=store_ptz)

    def _on_service_imported(self, count: int) -> None:
        path, self._importing = self._importing, None
        if count == 1:
            text = self.tr("Imported 1 preset from {0}.").format(path or "")
        else:
            text = self.tr("Imported {0} presets from {1}.").format(count, path or "")
        self._say(text)

    def _on_service_exported(self, path: str) -> None:
        if self._exporting == path:
            self._exporting = None
            self._say(self.tr("Exported to {0}.").format(path))

    def _on_service_failed(self, action: str, code: str) -> None:
        if action == "save" and any(e.saving and e.isVisible() for e in self._editors()):
            return  # the editor says it, next to the name
        if action == "import":
            self._importing = None
        if action == "export":
            self._exporting = None
        self._say(preset_messages.failure_text(action, code), failed=True)

    def _say(self, text: str, failed: bool = False) -> None:
        say(self.message, text, failed)
        self.message.setVisible(bool(text))


def _drop(shortcuts: list[QShortcut]) -> None:
    """Retire shortcuts at once (a deleteLater one still answers its key until deleted)."""
    for shortcut in shortcuts:
        if shiboken6.isValid(shortcut):
            shortcut.setEnabled(False)
            shortcut.deleteLater()
    shortcuts.clear()
