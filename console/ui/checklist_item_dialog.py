"""Add or edit one checklist item: phase, text, required, self-check and its settings. The
expected scene collection and profile are picked from the names OBS has now: left empty, the
check cannot pass."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from console.core.checklist import AUTO_CHECKS, PARAMS, PHASES, ChecklistItem, Evidence, params_of
from console.ui.checklist_messages import check_name, phase_name

# The strings keep the translation context of the class this dialog was split from.
CONTEXT = "_ItemDialog"
translate = QCoreApplication.translate
MUST_PICK = ("collection", "profile")  # no empty choice: empty is "not configured"
FIRST_PARAM_ROW = 4  # after phase, text, required and self-check


class ChecklistItemDialog(QDialog):
    def __init__(
        self,
        evidence: Evidence,
        item: ChecklistItem | None,
        phase: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(
            translate("_ItemDialog", "Checklist item")
            if item
            else translate("_ItemDialog", "New checklist item")
        )
        self.item = item
        self.evidence = evidence  # what OBS had when the dialog opened: names to pick from
        self.phase = QComboBox()
        for name in PHASES:
            self.phase.addItem(phase_name(name), name)
        self.text = QLineEdit(item.text if item else "")
        self.required = QCheckBox(translate("_ItemDialog", "Required before going live"))
        self.kind = QComboBox()
        for kind in (None, *AUTO_CHECKS):
            self.kind.addItem(check_name(kind), kind)
        if item:
            self.phase.setCurrentIndex(max(0, self.phase.findData(item.phase)))
            self.required.setChecked(item.required)
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.auto_check)))
        elif phase:
            self.phase.setCurrentIndex(max(0, self.phase.findData(phase)))
        self.form = QFormLayout(self)
        self.form.addRow(translate("_ItemDialog", "Phase"), self.phase)
        self.form.addRow(translate("_ItemDialog", "Text"), self.text)
        self.form.addRow("", self.required)
        self.form.addRow(translate("_ItemDialog", "Self-check"), self.kind)
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

    @staticmethod
    def _labels() -> dict[str, str]:
        return {
            "collection": translate("_ItemDialog", "Scene collection this show needs"),
            "profile": translate("_ItemDialog", "Profile this show needs"),
            "server_contains": translate("_ItemDialog", "Server must contain (empty: any)"),
            "input": translate("_ItemDialog", "Audio input (empty: the host's mic)"),
            "window_s": translate("_ItemDialog", "Heard within (s)"),
            "min_free_gb": translate("_ItemDialog", "At least free (GB)"),
        }

    def _choices(self, key: str) -> tuple[str, ...]:
        ev = self.evidence
        return {
            "collection": ev.collections,
            "profile": ev.profiles,
            "input": ("", *(m.name for m in ev.mics)),
            "server_contains": ("",),
        }.get(key, ())

    def _show_params(self) -> None:
        for _ in range(self._param_rows):
            self.form.removeRow(FIRST_PARAM_ROW)
        self.fields, self._param_rows = {}, 0
        kind = self.kind.currentData()
        current = self.item.params if self.item and self.item.auto_check == kind else {}
        values = params_of(kind, current) or dict(PARAMS.get(kind, {}))
        for key, default in PARAMS.get(kind, {}).items():
            value = values.get(key, default)
            if isinstance(default, str):
                field = QComboBox()
                field.setEditable(True)
                field.addItems(list(self._choices(key)))
                field.setCurrentIndex(field.findText(value))
                field.setCurrentText(value)  # also a name OBS does not have (yet)
                if key in MUST_PICK:
                    field.lineEdit().setPlaceholderText(
                        translate("_ItemDialog", "Pick one of OBS's names or type one")
                    )
            else:
                field = QDoubleSpinBox(minimum=0, maximum=100_000, decimals=0)
                field.setValue(float(value))
            self.fields[key] = field
            row = FIRST_PARAM_ROW + self._param_rows
            self.form.insertRow(row, self._labels().get(key, key), field)
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
