"""The preset editor's Mics tab: one box per mic (the rig's mic inputs, else OBS's mics, and
any the preset names), ticked to be in the preset, with its mute, volume and filters. The
filters come from OBS, asked through its worker, and fill in when it answers. Filed under the
PresetEditor translation context, where its words have always been."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.core.obs_state import mics
from console.core.presets import VOLUME_DB_RANGE, MicSetting, Preset
from console.devices.obs import looks
from console.ui.background import new_job

translate = QCoreApplication.translate


@dataclass
class _MicRow:
    box: QGroupBox
    form: QFormLayout
    muted: QComboBox
    volume: QDoubleSpinBox
    filters: dict[str, QComboBox]


class PresetMicsTab(QWidget):
    def __init__(self, p: Preset, devices, obs, parent: QWidget | None = None):
        super().__init__(parent)
        self.obs = obs
        layout = QVBoxLayout(self)
        in_preset = {m.input: m for m in p.mics}
        names = list(devices.rig.mic_inputs) or [m.name for m in mics(obs.snapshot)]
        names += [n for n in in_preset if n not in names]
        self.mics: dict[str, _MicRow] = {}
        for name in names:
            self.mics[name] = self._mic_row(name, in_preset.get(name))
            layout.addWidget(self.mics[name].box)
            self._read_filters(name)
        if not names:
            layout.addWidget(
                QLabel(
                    translate(
                        "PresetEditor", "No mic found: connect OBS, or name the mics in the rig."
                    )
                )
            )
        layout.addStretch(1)

    def settings(self) -> tuple[MicSetting, ...]:
        return tuple(
            MicSetting(
                name,
                r.muted.currentData(),
                None if r.volume.value() < VOLUME_DB_RANGE[0] else round(r.volume.value(), 1),
                tuple(
                    (f, c.currentData())
                    for f, c in r.filters.items()
                    if c.currentData() is not None
                ),
            )
            for name, r in self.mics.items()
            if r.box.isChecked()
        )

    def _mic_row(self, name: str, m: MicSetting | None) -> _MicRow:
        box = QGroupBox(name)
        box.setCheckable(True)
        box.setChecked(m is not None)
        muted = _choices(
            (translate("PresetEditor", "Don't change"), None),
            (translate("PresetEditor", "Live (unmuted)"), False),
            (translate("PresetEditor", "Muted"), True),
        )
        low, high = VOLUME_DB_RANGE
        volume = QDoubleSpinBox(minimum=low - 1.0, maximum=high, decimals=1, singleStep=1.0)
        volume.setSuffix(" dB")
        volume.setSpecialValueText(translate("PresetEditor", "Don't change"))
        now = self.obs.snapshot.input(name)
        if m is not None:
            muted.setCurrentIndex(muted.findData(m.muted))
            volume.setValue(m.volume_db if m.volume_db is not None else low - 1.0)
        else:
            volume.setValue(now.volume_db if now is not None else low - 1.0)
        form = QFormLayout(box)
        form.addRow(translate("PresetEditor", "Mute"), muted)
        form.addRow(translate("PresetEditor", "Volume"), volume)
        row = _MicRow(box, form, muted, volume, {})
        for filter_name, enabled in m.filters if m else ():
            self._filter_row(row, filter_name, enabled)
        return row

    def _filter_row(self, row: _MicRow, name: str, enabled: bool | None) -> None:
        if name in row.filters:
            return
        combo = _choices(
            (translate("PresetEditor", "Don't change"), None),
            (translate("PresetEditor", "On"), True),
            (translate("PresetEditor", "Off"), False),
        )
        combo.setCurrentIndex(combo.findData(enabled))
        row.filters[name] = combo
        row.form.addRow(translate("PresetEditor", "Filter “{0}”").format(name), combo)

    def _read_filters(self, name: str) -> None:
        """The mic's filters as OBS has them, to switch on or off by name."""
        if not self.obs.connected:
            return

        def read(session):
            return looks.read_mic(session, name)

        def found(setting: MicSetting) -> None:
            for filter_name, _enabled in setting.filters:
                self._filter_row(self.mics[name], filter_name, None)

        new_job(self, found, lambda _e: None).watch(self.obs.client.call(read))


def _choices(*choices: tuple[str, bool | None]) -> QComboBox:
    combo = QComboBox()
    for text, value in choices:
        combo.addItem(text, value)
    return combo
