"""The preset editor's Lights tab: one row per Key Light and per DMX fixture of the rig (and
any the preset names that the rig lacks), ticked to be in the preset, with the levels it sets,
and the fade. A value at its lowest ("Don't change") is left as it is at recall. Filed under
the PresetEditor translation context, where its words have always been."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.dmx import BLUE, CCT, GREEN, RED, Fixture
from console.core.lights import BRIGHTNESS_MAX, BRIGHTNESS_MIN, KELVIN_MAX, KELVIN_MIN
from console.core.presets import FixtureSetting, LightSetting, Preset

translate = QCoreApplication.translate
KELVIN_STEP = 50
FIXTURE_KELVIN = (1000, 20000)  # what a preset file allows for a DMX fixture
DEFAULT_LIGHT = LightSetting("", True, 50, 5000)  # a light newly ticked: on, half, neutral


@dataclass
class _LightRow:
    include: QCheckBox
    power: QComboBox
    brightness: QSpinBox
    kelvin: QSpinBox


@dataclass
class _FixtureRow:
    include: QCheckBox
    dimmer: QDoubleSpinBox
    kelvin: QSpinBox | None
    colour: QCheckBox | None
    swatch: QPushButton | None
    rgb: tuple[int, int, int]


class PresetLightsTab(QWidget):
    def __init__(self, p: Preset, devices, fade: QDoubleSpinBox, parent: QWidget | None = None):
        """fade: the editor's fade time, shown at the foot of this tab."""
        super().__init__(parent)
        self.colour_dialog: QColorDialog | None = None
        layout = QVBoxLayout(self)
        self.lights: dict[str, _LightRow] = {}
        self.fixtures: dict[str, _FixtureRow] = {}
        layout.addWidget(self._lights_box(p, devices.rig))
        layout.addWidget(self._fixtures_box(p, devices))
        form = QFormLayout()
        form.addRow(translate("PresetEditor", "&Fade time (DMX fixtures)"), fade)
        layout.addLayout(form)
        layout.addStretch(1)

    def _lights_box(self, p: Preset, rig) -> QGroupBox:
        in_preset = {s.light: s for s in p.lights}
        names = [k.name for k in rig.keylights]
        names += [n for n in in_preset if n not in names]
        box, grid = _grid_box(
            translate("PresetEditor", "Key Lights"),
            translate("PresetEditor", "Light"),
            translate("PresetEditor", "Power"),
            translate("PresetEditor", "Brightness"),
            translate("PresetEditor", "Colour temp."),
        )
        for row, name in enumerate(names, 1):
            self.lights[name] = self._light_row(grid, row, name, in_preset.get(name), rig)
        if not names:
            grid.addWidget(
                QLabel(translate("PresetEditor", "No Key Lights in the rig (Settings ▸ Devices)."))
            )
        return box

    def _fixtures_box(self, p: Preset, devices) -> QGroupBox:
        fixtures = {f.name: f for f in devices.rig.fixtures}
        in_preset = {s.fixture: s for s in p.fixtures}
        names = list(fixtures) + [n for n in in_preset if n not in fixtures]
        box, grid = _grid_box(
            translate("PresetEditor", "DMX fixtures"),
            translate("PresetEditor", "Fixture"),
            translate("PresetEditor", "Dimmer"),
            translate("PresetEditor", "Colour temp."),
            translate("PresetEditor", "Colour"),
        )
        levels = devices.fixture_levels()
        for row, name in enumerate(names, 1):
            setting = in_preset.get(name)
            if setting is None and name in levels:  # what the fixture shows now, to start from
                lv = levels[name]
                start = FixtureSetting(name, lv.dimmer, lv.kelvin, lv.rgb)
            else:
                start = setting
            self.fixtures[name] = self._fixture_row(
                grid, row, name, fixtures.get(name), start, setting is not None
            )
        if not names:
            grid.addWidget(
                QLabel(
                    translate("PresetEditor", "No DMX fixtures in the rig (Settings ▸ Devices).")
                )
            )
        return box

    def light_settings(self) -> tuple[LightSetting, ...]:
        return tuple(
            LightSetting(
                name,
                r.power.currentData(),
                _or_none(r.brightness),
                _or_none(r.kelvin),
            )
            for name, r in self.lights.items()
            if r.include.isChecked()
        )

    def fixture_settings(self) -> tuple[FixtureSetting, ...]:
        return tuple(
            FixtureSetting(
                name,
                round(r.dimmer.value(), 1),
                _or_none(r.kelvin) if r.kelvin is not None else None,
                r.rgb if r.colour is not None and r.colour.isChecked() else None,
            )
            for name, r in self.fixtures.items()
            if r.include.isChecked()
        )

    def _light_row(self, grid, row: int, name: str, s: LightSetting | None, rig) -> _LightRow:
        known = any(k.name == name for k in rig.keylights)
        include = QCheckBox(name if known else _not_in_rig(name))
        power = QComboBox()
        for text, value in (
            (translate("PresetEditor", "On"), True),
            (translate("PresetEditor", "Off"), False),
            (translate("PresetEditor", "Don't change"), None),
        ):
            power.addItem(text, value)
        brightness = QSpinBox(minimum=BRIGHTNESS_MIN - 1, maximum=BRIGHTNESS_MAX)
        brightness.setSuffix(" %")
        brightness.setSpecialValueText(translate("PresetEditor", "Don't change"))
        kelvin = QSpinBox(minimum=KELVIN_MIN - KELVIN_STEP, maximum=KELVIN_MAX)
        kelvin.setSingleStep(KELVIN_STEP)
        kelvin.setSuffix(" K")
        kelvin.setSpecialValueText(translate("PresetEditor", "Don't change"))
        start = s or DEFAULT_LIGHT
        power.setCurrentIndex(power.findData(start.on))
        brightness.setValue(start.brightness if start.brightness is not None else 0)
        kelvin.setValue(start.kelvin if start.kelvin is not None else 0)
        widgets = (power, brightness, kelvin)

        def enable(on: bool) -> None:
            for w in widgets:
                w.setEnabled(on)

        include.toggled.connect(enable)
        include.setChecked(s is not None)
        enable(s is not None)
        for col, w in enumerate((include, *widgets)):
            grid.addWidget(w, row, col)
        return _LightRow(include, power, brightness, kelvin)

    def _fixture_row(
        self, grid, row: int, name: str, fixture: Fixture | None, s, included: bool
    ) -> _FixtureRow:
        include = QCheckBox(name if fixture else _not_in_rig(name))
        dimmer = QDoubleSpinBox(minimum=0.0, maximum=100.0, decimals=1, singleStep=5.0)
        dimmer.setSuffix(" %")
        dimmer.setValue(s.dimmer if s else 100.0)
        kelvin = colour = swatch = None
        widgets: list[QWidget] = [dimmer]
        if fixture is None or CCT in fixture.channels:
            low, high = (fixture.kelvin_min, fixture.kelvin_max) if fixture else FIXTURE_KELVIN
            low, high = max(low, FIXTURE_KELVIN[0]), min(high, FIXTURE_KELVIN[1])
            kelvin = QSpinBox(minimum=low - KELVIN_STEP, maximum=high)
            kelvin.setSingleStep(KELVIN_STEP)
            kelvin.setSuffix(" K")
            kelvin.setSpecialValueText(translate("PresetEditor", "Don't change"))
            kelvin.setValue(s.kelvin if s and s.kelvin is not None else low - KELVIN_STEP)
            grid.addWidget(kelvin, row, 2)
            widgets.append(kelvin)
        rgb = s.rgb if s and s.rgb else (255, 255, 255)
        if fixture is None or all(c in fixture.channels for c in (RED, GREEN, BLUE)):
            colour = QCheckBox()
            colour.setToolTip(translate("PresetEditor", "Set the colour"))
            colour.setChecked(bool(s and s.rgb))
            swatch = QPushButton()
            cell = QHBoxLayout()
            cell.addWidget(colour)
            cell.addWidget(swatch, 1)
            grid.addLayout(cell, row, 3)
            widgets += [colour, swatch]
        fx = _FixtureRow(include, dimmer, kelvin, colour, swatch, rgb)
        if swatch is not None:
            swatch.clicked.connect(lambda: self._pick_colour(fx))
            colour.toggled.connect(swatch.setEnabled)
            _show_colour(fx)
        grid.addWidget(include, row, 0)
        grid.addWidget(dimmer, row, 1)

        def enable(on: bool) -> None:
            for w in widgets:
                w.setEnabled(on)
            if on and swatch is not None:
                swatch.setEnabled(colour.isChecked())

        include.toggled.connect(enable)
        include.setChecked(included)
        enable(included)
        return fx

    def _pick_colour(self, fx: _FixtureRow) -> None:
        if self.colour_dialog is not None:
            self.colour_dialog.deleteLater()
        dialog = QColorDialog(QColor(*fx.rgb), self.window())
        dialog.setWindowTitle(translate("PresetEditor", "Fixture colour"))

        def chosen(color: QColor) -> None:
            fx.rgb = (color.red(), color.green(), color.blue())
            _show_colour(fx)

        dialog.colorSelected.connect(chosen)
        self.colour_dialog = dialog
        dialog.open()


def _grid_box(title: str, *headers: str) -> tuple[QGroupBox, QGridLayout]:
    """A titled box with a grid whose first row is bold column headers."""
    box = QGroupBox(title)
    grid = QGridLayout(box)
    for col, text in enumerate(headers):
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        grid.addWidget(label, 0, col)
    return box, grid


def _not_in_rig(name: str) -> str:
    return translate("PresetEditor", "{0} (not in the rig)").format(name)


def _show_colour(fx: _FixtureRow) -> None:
    color = QColor(*fx.rgb)
    fx.swatch.setText(color.name().upper())
    text = "#000000" if color.lightness() > 128 else "#ffffff"
    fx.swatch.setStyleSheet(f"background: {color.name()}; color: {text};")


def _or_none(spin: QSpinBox) -> int | None:
    """A spin box whose lowest value says "don't change"."""
    return None if spin.value() == spin.minimum() else spin.value()
