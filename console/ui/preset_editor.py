"""Make or change a preset by hand, or finish one read by "capture current state": name and
hotkey, the program scene, the camera (a source shown in a scene, a PTZ camera's own preset),
each Key Light and DMX fixture of the rig, the fade, and the mics. A value left at "don't
change" (or an unticked row) is left as it is at recall. The widgets' ranges are the preset's,
so whatever is entered is a valid preset. OK saves it; the dialog closes once it is stored and
stays open, saying why, when it is not (a name another preset has). Not modal: the console's
keys (Ctrl+1…9, 讲解, the scene keys) keep working while it is open mid-show.

A captured preset's PTZ camera stores its position when OK is pressed (`store_ptz`), not at the
capture: Cancel leaves the camera's memory as it was.

The names to pick from are OBS's and the rig's; asking OBS for a scene's cameras or a mic's
filters goes through the OBS worker and fills the lists when it answers. The Lights and Mics
tabs are PresetLightsTab and PresetMicsTab; this dialog holds the rest and saves."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.presets import (
    FADE_MAX_S,
    HOTKEYS,
    PTZ_PRESET_MAX,
    CameraChoice,
    Preset,
    PtzRecall,
)
from console.devices.obs import looks
from console.ui.background import new_job
from console.ui.preset_lights_tab import PresetLightsTab
from console.ui.preset_mics_tab import PresetMicsTab
from console.ui.style import say


class PresetEditor(QDialog):
    def __init__(
        self,
        service,
        devices,
        obs,
        preset: Preset | None = None,
        missing: list[str] | tuple[str, ...] = (),
        parent: QWidget | None = None,
        *,
        captured: bool = False,
        store_ptz: bool = False,
    ):
        """captured: the preset was read from the room (unsaved, however little is changed);
        store_ptz: its PTZ camera stores its position in the preset's slot on OK."""
        super().__init__(parent)
        self.setModal(False)
        self.service, self.devices, self.obs = service, devices, obs
        self.original = preset or Preset("")
        self.captured, self.store_ptz = captured, store_ptz
        self.saved_preset: Preset | None = None
        self._saving: str | None = None  # the name being stored
        p = self.original
        self.setWindowTitle(self.tr("Edit preset") if p.id is not None else self.tr("New preset"))
        self.name = self._name_edit(p.name)
        self.hotkey = QComboBox()
        self.hotkey.addItem(self.tr("No hotkey"), None)
        for n in HOTKEYS:
            self.hotkey.addItem(f"Ctrl+{n}", n)
        self.hotkey.setCurrentIndex(max(0, self.hotkey.findData(p.hotkey)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.fade = QDoubleSpinBox(minimum=0.0, maximum=FADE_MAX_S, decimals=1, singleStep=0.5)
        self.fade.setSuffix(self.tr(" s"))
        self.fade.setValue(p.fade_s)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Hot&key"), self.hotkey)
        form.addRow("", self.note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scene_tab(p), self.tr("Sc&ene and camera"))
        self.lights_tab = PresetLightsTab(p, devices, self.fade)
        self.lights, self.fixtures = self.lights_tab.lights, self.lights_tab.fixtures
        self.tabs.addTab(self._scroll(self.lights_tab), self.tr("&Lights"))
        self.mics_tab = PresetMicsTab(p, devices, obs)
        self.mics = self.mics_tab.mics
        self.tabs.addTab(self._scroll(self.mics_tab), self.tr("&Mics"))
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        if missing:
            lines = "\n".join(f"• {line}" for line in missing)
            if p.id is not None:  # a re-capture keeps the preset's values for these
                head = self.tr("Could not be read; the preset keeps what it had for these:")
            else:
                head = self.tr("Could not be read, not in the preset:")
            say(self.missing, head + "\n" + lines, True)
        self.missing.setVisible(bool(missing))
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.hotkey.currentIndexChanged.connect(self._check)
        self.cam_scene.currentTextChanged.connect(self._check)
        self.cam_source.currentTextChanged.connect(self._check)
        service.saved.connect(self._on_service_saved)
        service.failed.connect(self._on_service_failed)
        self._check()
        self._baseline = self.preset()
        self.resize(620, 560)

    @property
    def saving(self) -> bool:
        return self._saving is not None

    def has_edits(self) -> bool:
        """Something that closing the dialog would lose: a capture not saved yet, a save under
        way, or a change from what it opened with."""
        return self.captured or self.saving or self.preset() != self._baseline

    def _name_edit(self, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMaxLength(60)
        edit.setPlaceholderText(self.tr("e.g. Cosmetics close-up"))
        return edit

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    # -- scene and camera ---------------------------------------------------------------------
    def _scene_tab(self, p: Preset) -> QWidget:
        scenes = list(self.obs.snapshot.scenes)
        self.scene = self._names_combo(self.tr("Don't change"), scenes, p.scene)
        choice = p.camera
        self.cam_scene = self._names_combo(
            self.tr("Don't change"), scenes, choice.scene if choice else None
        )
        self.cam_source = QComboBox(editable=True)
        self.cam_source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._sources_of: dict[str, list[str]] = {}
        self._fill_sources(choice.source if choice else "")
        self.cam_scene.currentTextChanged.connect(self._on_cam_scene_changed)
        self.ptz = QComboBox()
        self.ptz.addItem(self.tr("Don't move"), None)
        tops = {c.name: c.max_preset for c in self.devices.rig.ptz_cameras}
        for name in tops:
            self.ptz.addItem(name, name)
        if p.ptz is not None and p.ptz.camera not in tops:
            self.ptz.addItem(self.tr("{0} (not in the rig)").format(p.ptz.camera), p.ptz.camera)
        self.ptz_slot = QSpinBox(minimum=0, maximum=PTZ_PRESET_MAX)
        self.ptz_slot.setValue(p.ptz.preset if p.ptz else 1)
        self._ptz_tops = tops
        self.ptz.currentIndexChanged.connect(self._on_ptz_changed)
        self.ptz.setCurrentIndex(max(0, self.ptz.findData(p.ptz.camera if p.ptz else None)))
        self._on_ptz_changed()
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Program &scene"), self.scene)
        hint = QLabel(self.tr("Camera: show one camera source in a scene, hide its other cameras"))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("&Camera in scene"), self.cam_scene)
        form.addRow(self.tr("Camera s&ource"), self.cam_source)
        form.addRow(self.tr("&PTZ camera"), self.ptz)
        form.addRow(self.tr("PTZ p&reset number"), self.ptz_slot)
        if self.store_ptz:
            note = QLabel(
                self.tr(
                    "OK also makes the PTZ camera store its position as it is then under this "
                    "preset number."
                )
            )
            note.setWordWrap(True)
            form.addRow(note)
        self._on_cam_scene_changed()
        return page

    def _names_combo(self, none_text: str, names: list[str], current: str | None) -> QComboBox:
        """An editable list of OBS's names, "don't change" first; a name OBS lacks (renamed,
        or OBS not connected) can be typed, and one the preset holds is kept."""
        combo = QComboBox(editable=True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(none_text, None)
        for name in names:
            combo.addItem(name, name)
        if current is not None and current not in names:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    @staticmethod
    def _name_of(combo: QComboBox) -> str | None:
        text = combo.currentText().strip()
        if not text or (combo.currentIndex() == 0 and text == combo.itemText(0)):
            return None
        return text

    def _fill_sources(self, current: str) -> None:
        scene = self._name_of(self.cam_scene) if hasattr(self, "cam_scene") else None
        names = list(self.devices.rig.camera_sources)
        names += [n for n in self._sources_of.get(scene or "", []) if n not in names]
        self.cam_source.blockSignals(True)
        self.cam_source.clear()
        self.cam_source.addItems(names)
        self.cam_source.blockSignals(False)
        self.cam_source.setCurrentText(current)

    def _on_cam_scene_changed(self, _text: str = "") -> None:
        scene = self._name_of(self.cam_scene)
        self.cam_source.setEnabled(scene is not None)
        if scene is None or scene in self._sources_of or not self.obs.connected:
            self._fill_sources(self.cam_source.currentText())
            return
        sources = self.devices.rig.camera_sources

        def cameras(session):
            items = session.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]
            items = sorted(items, key=lambda i: -i["sceneItemIndex"])  # as OBS lists them
            return [i["sourceName"] for i in items if looks.is_camera(i, sources)]

        def found(names: list[str]) -> None:
            self._sources_of[scene] = names
            self._fill_sources(self.cam_source.currentText())

        new_job(self, found, lambda _e: None).watch(self.obs.client.call(cameras))

    def _on_ptz_changed(self, _index: int = 0) -> None:
        camera = self.ptz.currentData()
        self.ptz_slot.setEnabled(camera is not None)
        self.ptz_slot.setMaximum(min(self._ptz_tops.get(camera, PTZ_PRESET_MAX), PTZ_PRESET_MAX))

    # -- the preset ---------------------------------------------------------------------------
    def preset(self) -> Preset:
        """What the dialog shows, as a preset (with the edited preset's id: a rename keeps
        its links and its place)."""
        camera = None
        cam_scene, source = self._name_of(self.cam_scene), self.cam_source.currentText().strip()
        if cam_scene is not None and source:
            camera = CameraChoice(cam_scene, source)
        ptz = None
        if self.ptz.currentData() is not None:
            ptz = PtzRecall(self.ptz.currentData(), self.ptz_slot.value())
        return Preset(
            name=" ".join(self.name.text().split()),
            scene=self._name_of(self.scene),
            camera=camera,
            ptz=ptz,
            lights=self.lights_tab.light_settings(),
            fixtures=self.lights_tab.fixture_settings(),
            fade_s=round(self.fade.value(), 1),
            mics=self.mics_tab.settings(),
            hotkey=self.hotkey.currentData(),
            id=self.original.id,
        )

    def _check(self, *_args) -> None:
        name = " ".join(self.name.text().split())
        others = [p for p in self.service.presets if p.id is None or p.id != self.original.id]
        notes = []
        key = self.hotkey.currentData()
        holder = next((p for p in others if key is not None and p.hotkey == key), None)
        if holder is not None:
            notes.append(
                self.tr("Ctrl+{0} is on “{1}” now: saving moves the key to this preset.").format(
                    key, holder.name
                )
            )
        if self.original.id is None and any(p.name == name for p in others):
            notes.append(self.tr("A preset called “{0}” exists: saving replaces it.").format(name))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        problem = ""
        if not name:
            problem = self.tr("Give the preset a name.")
        elif self._name_of(self.cam_scene) and not self.cam_source.currentText().strip():
            problem = self.tr("Choose the camera source to show in that scene.")
        if self._saving is None:
            say(self.status, problem, failed=bool(problem) and bool(self.name.text()))
            self.ok.setEnabled(not problem)

    def save(self) -> None:
        """Store the preset; the dialog closes when the store says it is saved."""
        self._check()
        if not self.ok.isEnabled():
            return
        preset = self.preset()
        self._saving = preset.name
        self.ok.setEnabled(False)
        say(self.status, self.tr("Saving…"))
        self.service.save(preset, store_ptz=self.store_ptz)

    def _on_service_saved(self, saved: Preset) -> None:
        if self._saving is not None and saved.name == self._saving:
            self._saving = None
            self.saved_preset = saved
            self.accept()

    def _on_service_failed(self, action: str, code: str) -> None:
        if action != "save" or self._saving is None:
            return
        self._saving = None
        words = {
            "duplicate_name": self.tr(
                "Another preset is already called “{0}”. Choose another name."
            ),
            "db_error": self.tr("The show database could not store it. Try again."),
        }
        text = words.get(code, self.tr("Not saved ({0}).")).format(
            " ".join(self.name.text().split()) if code == "duplicate_name" else code
        )
        say(self.status, text, failed=True)
        self.ok.setEnabled(True)
        self.name.setFocus()
        self.name.selectAll()
