"""Help ▸ About LiveDesk: the version, the licences of everything shipped with it, and where its
data and logs are; Copy puts it all on the clipboard for a support request. Nothing here
touches the network or starts a process: it reads installed package versions and no more."""

from __future__ import annotations

import html
import importlib.metadata
import platform
import sqlite3
import ssl
import sys
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QSysInfo, Qt, QTimer, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console.core.components import COMPONENTS, LIVEDESK_LICENCE, Component, applies
from console.settings import data_dir, log_dir

UNKNOWN = "—"
COPIED_MS = 2000
LINK_COLOUR = "#58a6ff"  # the dark theme's accent (resources/theme/dark.qss)
GPL_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
QT_SOURCE_URL = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE_URL = "https://code.qt.io/cgit/pyside/pyside-setup.git/"
QT_LICENSING_URL = "https://www.qt.io/licensing/open-source-lgpl-obligations"
QT_THIRD_PARTY_URL = "https://doc.qt.io/qt-6/licenses-used-in-qt.html"


def install_about(window: QMainWindow) -> None:
    """About LiveDesk and About Qt at the end of the window's Help menu."""
    about = QAction(QCoreApplication.translate("AboutDialog", "About LiveDesk"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(window))
    about_qt = QAction(QCoreApplication.translate("AboutDialog", "About Qt"), window)
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(lambda: QMessageBox.aboutQt(window))
    window.help_menu.addSeparator()
    window.help_menu.addAction(about)
    window.help_menu.addAction(about_qt)


def _show_about(window: QMainWindow) -> None:
    dialog = window.findChild(AboutDialog) or AboutDialog(window)  # one, kept once built
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def installed_version(dist: str) -> str:
    """The installed version, or a dash where the metadata was not shipped."""
    try:
        return importlib.metadata.version(dist) or UNKNOWN
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN


def _openssl_version() -> str:
    words = ssl.OPENSSL_VERSION.split()  # "OpenSSL 3.0.13 30 Jan 2024"
    return words[1] if len(words) > 1 else ssl.OPENSSL_VERSION


RUNTIME_VERSIONS: dict[str, Callable[[], str]] = {
    "Python": platform.python_version,
    "Qt": qVersion,
    "SQLite": lambda: sqlite3.sqlite_version,
    "OpenSSL": _openssl_version,
}


def shipped_components() -> list[Component]:
    frozen = bool(getattr(sys, "frozen", False))
    return [c for c in COMPONENTS if applies(c, sys.platform, sys.version_info[:2], frozen)]


class AboutDialog(QDialog):
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About LiveDesk"))
        self.rows = [(c, self._version(c)) for c in shipped_components()]
        self.facts = self._facts()
        layout = QVBoxLayout(self)
        title = QLabel("LiveDesk 直播中控台")  # the name, in both languages
        title.setObjectName("aboutTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self._link_label(self._gpl_text()))
        form = QFormLayout()
        for label, value in self.facts:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Bundled components")))
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addWidget(self._link_label(self._lgpl_text()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.about_qt_button = self.buttons.addButton(
            self.tr("About Qt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = self.buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(
            self.tr("Copy the versions and licences, for a support request")
        )
        self.about_qt_button.clicked.connect(lambda: QMessageBox.aboutQt(self))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)
        self.resize(820, 640)

    def _version(self, component: Component) -> str:
        if component.part_of:
            return self.tr("in {0}").format(component.part_of)
        if component.dist:
            return installed_version(component.dist)
        runtime = RUNTIME_VERSIONS.get(component.name)
        return runtime() if runtime else UNKNOWN

    def _facts(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Version"), __version__),
            (self.tr("Licence"), LIVEDESK_LICENCE),
            ("Python", platform.python_version()),
            ("Qt", qVersion()),
            ("PySide6", PySide6.__version__),
            (
                self.tr("System"),
                f"{QSysInfo.prettyProductName()} ({QSysInfo.currentCpuArchitecture()})",
            ),
            (self.tr("Data folder"), str(data_dir())),
            (self.tr("Log folder"), str(log_dir())),
            (self.tr("Qt libraries"), str(Path(PySide6.__file__).parent)),
        ]

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), self.COLUMNS)
        table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence"), self.tr("Home page")]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (component, version) in enumerate(self.rows):
            cells = (component.name, version, component.licence, component.home)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
            table.item(row, 2).setToolTip(component.licence)  # a long expression is cut
        table.setToolTip(self.tr("Double-click a row to open its home page"))
        table.resizeColumnsToContents()
        table.cellDoubleClicked.connect(self._on_table_double_clicked)
        return table

    def _link_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def _gpl_text(self) -> str:
        notice = self.tr(
            "LiveDesk is free software: you can redistribute it and/or modify it under the "
            "terms of the GNU General Public License, version 3 or (at your option) any "
            "later version. It comes with ABSOLUTELY NO WARRANTY."
        )
        return html.escape(notice) + " " + _link(GPL_URL, self.tr("The licence text"))

    def _lgpl_text(self) -> str:
        text = html.escape(
            self.tr(
                "Qt and Qt for Python (PySide6) are used under the GNU LGPL version 3. Their "
                "libraries are dynamically linked and sit in the program folder (see Qt "
                "libraries above): you may replace them with your own build of the same "
                "version. Source code: {0}, {1}. Licensing: {2}; Qt's own third-party "
                "components: {3}."
            )
        )
        return text.format(
            _link(QT_SOURCE_URL, "Qt"),
            _link(PYSIDE_SOURCE_URL, "PySide6"),
            _link(QT_LICENSING_URL, self.tr("Qt LGPL obligations")),
            _link(QT_THIRD_PARTY_URL, self.tr("licences used in Qt")),
        )

    def plain_text(self) -> str:
        """Version, folders and components as plain lines, for a support request."""
        lines = [f"LiveDesk {__version__} ({LIVEDESK_LICENCE})"]
        lines += [f"{label}: {value}" for label, value in self.facts[2:]]
        lines += ["", self.tr("Bundled components:")]
        for component, version in self.rows:
            lines.append(f"{component.name} {version} ({component.licence}) {component.home}")
        return "\n".join(lines) + "\n"

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(COPIED_MS, self, lambda: self.copy_button.setText(self.tr("Copy")))

    def _on_table_double_clicked(self, row: int, _column: int) -> None:
        QDesktopServices.openUrl(QUrl(self.rows[row][0].home))


def _link(url: str, text: str) -> str:
    # Coloured here: the theme's style sheet hides the palette's link colour, and Qt's own
    # blue cannot be read on the dark background.
    style = f"color: {LINK_COLOUR};"
    return f'<a href="{html.escape(url)}" style="{style}">{html.escape(text)}</a>'
