"""The show's checklist (开播检查清单), phase by phase: click an item or press Space to check
it; self-checks show their state in colour with what they saw ("mic −18 dBFS peak, 3 s ago").
Edit mode adds, removes, reorders and edits items; "Save as my template" makes this list the
one every new show starts from."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.checklist import (
    AUTO_CHECKS,
    PARAMS,
    PHASES,
    Checklist,
    ChecklistItem,
    CheckResult,
    params_of,
)
from console.services.checklist_service import ChecklistService
from console.ui.messages import connection_state
from console.ui.style import set_look

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole
TEXT, REQUIRED, CHECK, WHO = range(4)
CHECK_WIDTH = 300  # the evidence column; its full text is in the tooltip
DONE_FG = QColor("#6e7681")


def phase_name(phase: str) -> str:
    return {
        "account": translate("ChecklistPanel", "Account and platform"),
        "planning": translate("ChecklistPanel", "Content planning"),
        "before_live": translate("ChecklistPanel", "Before going live"),
        "during": translate("ChecklistPanel", "During the show"),
        "after": translate("ChecklistPanel", "After the show"),
    }.get(phase, phase)


def check_name(kind: str | None) -> str:
    return {
        None: translate("ChecklistPanel", "By hand"),
        "obs_connected": translate("ChecklistPanel", "OBS connected"),
        "scene_collection": translate("ChecklistPanel", "OBS scene collection"),
        "profile": translate("ChecklistPanel", "OBS profile"),
        "stream_service": translate("ChecklistPanel", "Stream server and key"),
        "mic_live": translate("ChecklistPanel", "Microphone live"),
        "disk_free": translate("ChecklistPanel", "Free disk space"),
        "queue_not_empty": translate("ChecklistPanel", "Product queue not empty"),
        "queue_priced": translate("ChecklistPanel", "Live price and stock for every product"),
        "lights_reachable": translate("ChecklistPanel", "Lights reachable"),
        "camera_reachable": translate("ChecklistPanel", "Camera reachable"),
    }.get(kind, kind or "")


def _db(value) -> str:
    return f"{value:.0f}".replace("-", "−")  # a real minus sign, as meters print it


def _gb(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def evidence_text(result: CheckResult | None) -> str:
    """What a self-check saw, in words; "" for an item checked by hand."""
    if result is None:
        return ""
    v, code = result.values, result.code
    if code == "obs_connected":
        return translate("ChecklistPanel", "OBS connected")
    if code == "obs_not_connected":
        return (
            connection_state(v["state"])
            if v.get("state")
            else translate("ChecklistPanel", "OBS not connected")
        )
    if code == "waiting":
        return translate("ChecklistPanel", "Asking OBS…")
    if code in ("collection_current", "profile_current"):
        text = (
            translate("ChecklistPanel", "Scene collection “{name}”")
            if code[0] == "c"
            else translate("ChecklistPanel", "Profile “{name}”")
        )
        return text.format(name=v["name"])
    if code in ("collection_other", "profile_other"):
        if code[0] == "c":
            text = translate("ChecklistPanel", "Scene collection is “{actual}”, not “{expected}”")
        else:
            text = translate("ChecklistPanel", "Profile is “{actual}”, not “{expected}”")
        return text.format(actual=v["actual"], expected=v["expected"])
    if code == "stream_set":
        return translate("ChecklistPanel", "Stream server {server}").format(server=v["server"])
    if code == "stream_no_server":
        return translate("ChecklistPanel", "No stream server set in OBS")
    if code == "stream_no_key":
        return translate("ChecklistPanel", "No stream key set in OBS")
    if code == "stream_server_other":
        return translate(
            "ChecklistPanel", "Stream server {server} does not contain “{expected}”"
        ).format(server=v["server"], expected=v["expected"])
    if code == "mic_heard":
        if v.get("peak_db") is None:
            return translate("ChecklistPanel", "Mic heard {ago} s ago").format(ago=v["ago_s"])
        if v["ago_s"] < 1:
            return translate("ChecklistPanel", "Mic {peak} dBFS peak, just now").format(
                peak=_db(v["peak_db"])
            )
        return translate("ChecklistPanel", "Mic {peak} dBFS peak, {ago} s ago").format(
            peak=_db(v["peak_db"]), ago=v["ago_s"]
        )
    if code == "mic_muted":
        return translate("ChecklistPanel", "Mic “{input}” is muted").format(input=v["input"])
    if code == "mic_missing":
        if v.get("input"):
            return translate("ChecklistPanel", "No audio input “{input}” in OBS").format(
                input=v["input"]
            )
        return translate("ChecklistPanel", "No mic input in OBS")
    if code == "mic_listening":
        return translate("ChecklistPanel", "Listening to the mic…")
    if code == "mic_silent":
        return translate("ChecklistPanel", "Mic silent for over {window} s").format(
            window=f"{v['window_s']:.0f}"
        )
    if code == "no_disk_figure":
        return translate("ChecklistPanel", "Free disk space not known yet")
    if code == "disk_free":
        return translate("ChecklistPanel", "{free} GB free (at least {min})").format(
            free=_gb(v["free_gb"]), min=_gb(v["min_gb"])
        )
    if code == "disk_low":
        return translate("ChecklistPanel", "Only {free} GB free, {min} GB needed").format(
            free=_gb(v["free_gb"]), min=_gb(v["min_gb"])
        )
    if code == "no_show":
        return translate("ChecklistPanel", "No show open")
    if code == "queue_empty":
        return translate("ChecklistPanel", "The product queue is empty")
    if code == "queue_items":
        return translate("ChecklistPanel", "{count} products in the queue").format(count=v["count"])
    if code == "queue_priced":
        return translate(
            "ChecklistPanel", "All {count} products have a live price and stock"
        ).format(count=v["count"])
    if code == "queue_unpriced":
        return translate(
            "ChecklistPanel", "{count} of {total} products lack a live price or stock: {names}"
        ).format(
            count=v["count"],
            total=v["total"],
            names=translate("ChecklistPanel", ", ").join(v["names"]),
        )
    if code == "not_available":
        return translate("ChecklistPanel", "Not available yet (no device control)")
    if code == "unknown_kind":
        return translate("ChecklistPanel", "Unknown self-check “{kind}”").format(
            kind=v.get("kind", "")
        )
    if code == "bad_params":
        return translate("ChecklistPanel", "The self-check's settings are not valid")
    return translate("ChecklistPanel", "Not known")


def failure_text(action: str, code: str) -> str:
    texts = {
        "no_user": translate(
            "ChecklistPanel", "Enter your name first: it is recorded with every check."
        ),
        "db_error": translate("ChecklistPanel", "The checklist could not be saved. Try again."),
        "no_show": translate("ChecklistPanel", "Open a show first."),
        "no_such_item": translate("ChecklistPanel", "That item is no longer in the checklist."),
        "empty_text": translate("ChecklistPanel", "An item needs a text."),
        "bad_params": translate("ChecklistPanel", "Those self-check settings are not valid."),
        "user_template_unreadable": translate(
            "ChecklistPanel",
            "Your checklist template could not be read; this show got the built-in one.",
        ),
        "io_error": translate("ChecklistPanel", "Your template could not be saved."),
        "empty": translate("ChecklistPanel", "The checklist is empty."),
    }
    return texts.get(
        code,
        translate("ChecklistPanel", "Checklist: {action} failed ({code})").format(
            action=action, code=code
        ),
    )


def _local_time(wall: str | None, with_date: bool = False) -> str:
    if not wall:
        return ""
    try:
        at = datetime.fromisoformat(wall).astimezone()
    except ValueError:
        return wall
    return at.strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M")


class _ItemDialog(QDialog):
    """Add or edit one item: phase, text, required, self-check and its settings."""

    def __init__(self, panel: ChecklistPanel, item: ChecklistItem | None):
        super().__init__(panel)
        self.setWindowTitle(self.tr("Checklist item") if item else self.tr("New checklist item"))
        self.item = item
        self.evidence = panel.service.evidence()
        self.phase = QComboBox()
        for phase in PHASES:
            self.phase.addItem(phase_name(phase), phase)
        self.text = QLineEdit(item.text if item else "")
        self.required = QCheckBox(self.tr("Required before going live"))
        self.kind = QComboBox()
        for kind in (None, *AUTO_CHECKS):
            self.kind.addItem(check_name(kind), kind)
        if item:
            self.phase.setCurrentIndex(max(0, self.phase.findData(item.phase)))
            self.required.setChecked(item.required)
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.auto_check)))
        elif panel.current_phase():
            self.phase.setCurrentIndex(max(0, self.phase.findData(panel.current_phase())))
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Phase"), self.phase)
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow("", self.required)
        self.form.addRow(self.tr("Self-check"), self.kind)
        self.fields: dict[str, QWidget] = {}
        self._param_rows = 0
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._show_params)
        self.text.textChanged.connect(self._enable_ok)
        self._show_params()
        self._enable_ok()

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text.text().strip()))

    def _labels(self) -> dict[str, str]:
        return {
            "collection": self.tr("Scene collection (empty: whatever is current)"),
            "profile": self.tr("Profile (empty: whatever is current)"),
            "server_contains": self.tr("Server must contain (empty: any)"),
            "input": self.tr("Audio input (empty: the host's mic)"),
            "window_s": self.tr("Heard within (s)"),
            "min_free_gb": self.tr("At least free (GB)"),
        }

    def _choices(self, key: str) -> tuple[str, ...]:
        ev = self.evidence
        return {
            "collection": ev.collections,
            "profile": ev.profiles,
            "input": tuple(m.name for m in ev.mics),
        }.get(key, ())

    def _show_params(self) -> None:
        for _ in range(self._param_rows):
            self.form.removeRow(4)
        self.fields, self._param_rows = {}, 0
        kind = self.kind.currentData()
        current = self.item.params if self.item and self.item.auto_check == kind else {}
        values = params_of(kind, current) or dict(PARAMS.get(kind, {}))
        for key, default in PARAMS.get(kind, {}).items():
            value = values.get(key, default)
            if isinstance(default, str):
                field = QComboBox()
                field.setEditable(True)
                field.addItems(["", *self._choices(key)])
                field.setCurrentText(value)
            else:
                field = QDoubleSpinBox(minimum=0, maximum=100_000, decimals=0)
                field.setValue(float(value))
            self.fields[key] = field
            self.form.insertRow(4 + self._param_rows, self._labels().get(key, key), field)
            self._param_rows += 1

    def values(self) -> dict:
        params = {}
        for key, field in self.fields.items():
            if isinstance(field, QComboBox):
                params[key] = field.currentText().strip()
            else:
                params[key] = int(field.value())
        return {
            "phase": self.phase.currentData(),
            "text": self.text.text().strip(),
            "required": self.required.isChecked(),
            "auto_check": self.kind.currentData(),
            "params": params,
        }


class ChecklistPanel(QWidget):
    def __init__(self, service: ChecklistService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.editing = False
        self.dialog: _ItemDialog | None = None
        self.user = QLineEdit(service.user)
        self.user.setPlaceholderText(self.tr("your name"))
        self.user.textChanged.connect(self._on_user_text_changed)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        self.edit = QPushButton(self.tr("Edit"))
        self.edit.setCheckable(True)
        self.edit.toggled.connect(self._on_edit_toggled)
        self.save_template = QPushButton(self.tr("Save as my template"))
        self.save_template.setToolTip(self.tr("New shows start from this checklist"))
        self.save_template.clicked.connect(service.save_as_template)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Checked by")))
        top.addWidget(self.user)
        top.addWidget(self.progress, 1)
        top.addWidget(self.edit)
        top.addWidget(self.save_template)

        self.tree = QTreeWidget()
        self.tree.setObjectName("checklistTree")
        self.tree.setWordWrap(True)  # long items wrap in a narrow dock
        self.tree.installEventFilter(self)  # Space checks (no back-reference: no cycle)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Item"), self.tr("Required"), self.tr("Self-check"), self.tr("Checked by")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (REQUIRED, WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CHECK, CHECK_WIDTH)
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)

        self.add = QPushButton(self.tr("Add…"))
        self.add.clicked.connect(self._add)
        self.change = QPushButton(self.tr("Edit item…"))
        self.change.clicked.connect(self._edit_current)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove_current)
        self.up = QPushButton(self.tr("Move up"))
        self.up.clicked.connect(lambda: self._move_current(-1))
        self.down = QPushButton(self.tr("Move down"))
        self.down.clicked.connect(lambda: self._move_current(1))
        self.edit_bar = QWidget()
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.add, self.change, self.remove, self.up, self.down):
            bar.addWidget(button)
        bar.addStretch(1)
        self.edit_bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("checklistStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.edit_bar)
        layout.addWidget(self.status)

        self.rows: dict[int, QTreeWidgetItem] = {}
        self.state_labels: dict[int, QLabel] = {}
        self._phase_rows: dict[str, QTreeWidgetItem] = {}
        self._shape: tuple = ()
        service.changed.connect(self._on_service_changed)
        service.failed.connect(self._on_service_failed)
        service.template_saved.connect(self._on_service_template_saved)
        self._on_service_changed(service.checklist)

    # -- what the user does ------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and not self.editing
        ):
            self.toggle_current()
            return True
        return super().eventFilter(watched, event)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(TEXT, ID_ROLE) if item is not None else None

    def current_phase(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        item_id = item.data(TEXT, ID_ROLE)
        if item_id is None:
            return next((p for p, row in self._phase_rows.items() if row is item), None)
        found = self.service.checklist.item(item_id)
        return found.phase if found else None

    def toggle_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.service.toggle(item_id)

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        item_id = item.data(TEXT, ID_ROLE)
        if item_id is not None and not self.editing:
            self.service.toggle(item_id)

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.editing and item.data(TEXT, ID_ROLE) is not None:
            self._edit_current()

    def _on_user_text_changed(self, text: str) -> None:
        self.service.user = text.strip()

    def _on_edit_toggled(self, on: bool) -> None:
        self.editing = on
        self.edit_bar.setVisible(on)

    def _add(self) -> None:
        self._open_dialog(None)

    def _edit_current(self) -> None:
        item_id = self.current_id()
        item = self.service.checklist.item(item_id) if item_id is not None else None
        if item is not None:
            self._open_dialog(item)

    def _open_dialog(self, item: ChecklistItem | None) -> None:
        dialog = _ItemDialog(self, item)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_accepted(self, dialog: _ItemDialog) -> None:
        values = dialog.values()
        if dialog.item is None:
            self.service.add_item(**values)
            return
        old = dialog.item
        changes = {k: v for k, v in values.items() if getattr(old, k) != v}
        if changes:
            self.service.edit_item(old.id, **changes)

    def _remove_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.service.remove_item(item_id)

    def _move_current(self, step: int) -> None:
        item_id = self.current_id()
        item = self.service.checklist.item(item_id) if item_id is not None else None
        if item is None:
            return
        siblings = [i.id for i in self.service.checklist.in_phase(item.phase)]
        to = siblings.index(item_id) + step
        if 0 <= to < len(siblings):
            self.service.move_item(item_id, to)

    # -- from the service --------------------------------------------------------------------
    def _on_service_failed(self, action: str, code: str) -> None:
        self.status.setText(failure_text(action, code))

    def _on_service_template_saved(self, _path: str) -> None:
        self.status.setText(self.tr("Saved as your template: new shows start from this list."))

    def _on_service_changed(self, checklist: Checklist) -> None:
        shape = tuple((i.id, i.phase) for i in checklist.items)
        if shape != self._shape:
            self._rebuild(checklist)
            self._shape = shape
        for item in checklist.items:
            self._show_item(checklist, item)
        for phase, row in self._phase_rows.items():
            items = checklist.in_phase(phase)
            done = sum(checklist.done(i) for i in items)
            row.setText(
                TEXT,
                self.tr("{phase} ({done}/{total})").format(
                    phase=phase_name(phase), done=done, total=len(items)
                ),
            )
        open_items = len(checklist.open_required())
        if not checklist.items:
            self.progress.setText("")
        elif open_items:
            self.progress.setText(
                self.tr("{count} required before going live still open").format(count=open_items)
            )
        else:
            self.progress.setText(self.tr("Ready to go live"))
        set_look(self.progress, "state", "failed" if open_items else "ok")

    def _rebuild(self, checklist: Checklist) -> None:
        keep = self.current_id()
        self.tree.clear()
        self.rows, self.state_labels, self._phase_rows = {}, {}, {}
        bold = QFont()
        bold.setBold(True)
        for phase in PHASES:
            header = QTreeWidgetItem(self.tree)
            header.setFirstColumnSpanned(True)
            header.setFont(TEXT, bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self._phase_rows[phase] = header
            for item in checklist.in_phase(phase):
                row = QTreeWidgetItem(self.tree)
                row.setData(TEXT, ID_ROLE, item.id)
                # Displayed, not user-checkable: a click goes to the service, which stores who.
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.rows[item.id] = row
                label = QLabel()
                label.setObjectName("checkState")
                self.state_labels[item.id] = label
                self.tree.setItemWidget(row, CHECK, label)
        if keep in self.rows:
            self.tree.setCurrentItem(self.rows[keep])

    def _show_item(self, checklist: Checklist, item: ChecklistItem) -> None:
        row = self.rows[item.id]
        result = checklist.result(item.id)
        done = checklist.done(item)
        row.setText(TEXT, item.text)
        row.setCheckState(TEXT, Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked)
        row.setText(REQUIRED, self.tr("Required") if item.required else "")
        row.setText(
            WHO, f"{item.checked_by} {_local_time(item.checked_at)}" if item.checked else ""
        )
        brush = QBrush(DONE_FG) if done else QBrush()
        for column in (TEXT, REQUIRED, WHO):
            row.setForeground(column, brush)
        if item.checked:
            tip = self.tr("Checked by {who} at {when}").format(
                who=item.checked_by, when=_local_time(item.checked_at, with_date=True)
            )
        else:
            tip = self.tr("Not checked yet")
        if item.auto_check:
            tip += "\n" + self.tr("Self-check: {name}").format(name=check_name(item.auto_check))
        for column in (TEXT, REQUIRED, WHO):
            row.setToolTip(column, f"{item.text}\n{tip}")
        label = self.state_labels[item.id]
        if result is None:
            label.setText("")
            set_look(label, "state", "")
        else:
            words = evidence_text(result)
            label.setText("● " + words)
            label.setToolTip(f"{words}\n{tip}")
            set_look(label, "state", result.state)
