"""Settings ▸ Alerts: each rule on or off, whether it also shows as a cue on the host view,
and its thresholds in spin boxes with their units and limits (console/core/alerts.py PARAMS).
apply() writes settings.alert_rules and reconfigures a running AlertService; saving the
settings file is the dialog's."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core import alerts as core
from console.ui.alert_messages import rule_name


class AlertRulesPage(QWidget):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.enabled: dict[str, QCheckBox] = {}
        self.on_host: dict[str, QCheckBox] = {}
        self.spins: dict[str, dict[str, QAbstractSpinBox]] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Rule")), 0, 0)
        grid.addWidget(QLabel(self.tr("Also on the host view")), 0, 1)
        grid.addWidget(QLabel(self.tr("Raised when")), 0, 2)
        for row, code in enumerate(core.RULES, 1):
            self.enabled[code] = QCheckBox(rule_name(code))
            self.on_host[code] = QCheckBox()
            self.on_host[code].setToolTip(self.tr("Also show it as a cue on the host view"))
            thresholds = QHBoxLayout()
            self.spins[code] = {}
            for param in core.PARAMS[code]:
                label, spin = self._spin(code, param)
                thresholds.addWidget(QLabel(label))
                thresholds.addWidget(spin)
                self.spins[code][param.name] = spin
            thresholds.addStretch(1)
            box = QWidget()
            box.setLayout(thresholds)
            self.enabled[code].toggled.connect(box.setEnabled)
            self.enabled[code].toggled.connect(self.on_host[code].setEnabled)
            grid.addWidget(self.enabled[code], row, 0)
            grid.addWidget(self.on_host[code], row, 1)
            grid.addWidget(box, row, 2)
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.restore = QPushButton(self.tr("Restore defaults"))
        self.restore.clicked.connect(lambda: self.show_rules(core.default_rules()))
        note = QLabel(
            self.tr(
                "An alert is raised once when its cause starts and cleared when it is over; "
                "one that comes back within {seconds} s waits until then."
            ).format(seconds=int(core.QUIET_S))
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.show_rules(core.rules_from_dict(settings.alert_rules))

    def show_rules(self, rules: dict[str, core.Rule]) -> None:
        for code, rule in rules.items():
            self.enabled[code].setChecked(rule.enabled)
            self.on_host[code].setChecked(rule.on_host)
            self.enabled[code].toggled.emit(rule.enabled)  # greyed when off, also unchanged
            for name, spin in self.spins[code].items():
                spin.setValue(rule[name])

    def rules(self) -> dict:
        """The rules as shown, as settings.alert_rules holds them."""
        out = {}
        for code in core.RULES:
            entry = {
                "enabled": self.enabled[code].isChecked(),
                "on_host": self.on_host[code].isChecked(),
            }
            for param in core.PARAMS[code]:
                value = self.spins[code][param.name].value()
                entry[param.name] = float(value) if param.decimals else int(value)
            out[code] = entry
        return core.rules_to_dict(core.rules_from_dict(out))

    def apply(self, service=None) -> None:
        """Into the settings (the caller saves them), and into a running AlertService."""
        self.settings.alert_rules = self.rules()
        if service is not None:
            service.configure(self.settings.alert_rules)

    def _spin(self, code: str, param: core.Param) -> tuple[str, QAbstractSpinBox]:
        if param.decimals:
            spin = QDoubleSpinBox()
            spin.setDecimals(param.decimals)
            spin.setSingleStep(0.1 if param.unit == core.PCT else 1.0)
        else:
            spin = QSpinBox()
        spin.setRange(param.low, param.high)
        spin.setSuffix(self._unit(param.unit))
        spin.setObjectName(f"{code}.{param.name}")
        if (code, param.name) == (core.LOW_STOCK, "stock_at_most"):
            spin.setSpecialValueText(self.tr("its own mark only"))
        return self._label(code, param.name), spin

    def _unit(self, unit: str) -> str:
        return {
            core.ITEMS: self.tr(" left"),
            core.PCT: " %",
            core.MINUTES: self.tr(" min"),
            core.SECONDS: self.tr(" s"),
            core.DBFS: " dBFS",
            core.GB: " GB",
            core.PEOPLE: self.tr(" viewers"),
        }.get(unit, "")

    def _label(self, code: str, name: str) -> str:
        labels = {
            (core.LOW_STOCK, "stock_at_most"): self.tr("stock at its mark, or at most"),
            (core.VIEWERS_DROP, "drop_pct"): self.tr("down more than"),
            (core.VIEWERS_DROP, "window_min"): self.tr("within"),
            (core.VIEWERS_DROP, "min_viewers"): self.tr("from at least"),
            (core.MIC_SILENT, "seconds"): self.tr("muted or silent for"),
            (core.MIC_SILENT, "floor_db"): self.tr("silent: below"),
            (core.DROPPED_FRAMES, "pct"): self.tr("more than"),
            (core.DROPPED_FRAMES, "window_s"): self.tr("over"),
            (core.DISK_LOW, "min_free_gb"): self.tr("free space under"),
            (core.FLASH_SALE_ENDING, "seconds"): self.tr("ends in"),
            (core.NO_STATS, "minutes"): self.tr("no sample or order for"),
        }
        return labels.get((code, name), name)
