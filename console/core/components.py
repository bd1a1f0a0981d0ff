"""What LiveDesk ships: its own licence and every bundled third-party component with its
licence (SPDX expression), for Help ▸ About and for a support request.

The licences are written here, not read at run time, because a frozen build need not carry
package metadata. Each was checked against the package's own LICENSE file where it disagrees
with its metadata (noted per line). A new runtime dependency without a line here fails
tests/qt/test_about_dialog.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LIVEDESK_LICENCE = "GPL-3.0-or-later"  # as pyproject.toml says (a test checks)

QT_LICENCE = "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"

# When a component is there: always, on one platform (a dependency with a platform marker),
# below a Python version (a backport), only in the frozen build, or only from source (a
# dependency's dependency that LiveDesk never imports: build.spec's analysis leaves it out).
ALWAYS, LINUX, WINDOWS, PY_BELOW_312, FROZEN, SOURCE = (
    "",
    "linux",
    "win32",
    "py<3.12",
    "frozen",
    "source",
)


@dataclass(frozen=True)
class Component:
    name: str
    licence: str  # SPDX licence expression
    home: str
    dist: str = ""  # the distribution whose installed version is shown; "" for the rest
    part_of: str = ""  # a library bundled inside another component's wheel
    when: str = ALWAYS


COMPONENTS: tuple[Component, ...] = (
    Component("Python", "PSF-2.0", "https://www.python.org"),
    Component("Qt", QT_LICENCE, "https://www.qt.io"),
    Component("PySide6-Essentials", QT_LICENCE, "https://pyside.org", "PySide6-Essentials"),
    Component("shiboken6", QT_LICENCE, "https://pyside.org", "shiboken6"),
    Component("pyqtgraph", "MIT", "https://www.pyqtgraph.org", "pyqtgraph"),
    Component(
        "numpy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", "https://numpy.org", "numpy"
    ),
    # numpy's wheels bundle these (its dist-info LICENSE.txt lists them).
    Component(
        "OpenBLAS", "BSD-3-Clause", "https://github.com/OpenMathLib/OpenBLAS", part_of="numpy"
    ),
    Component("LAPACK", "BSD-3-Clause-Open-MPI", "https://www.netlib.org/lapack/", part_of="numpy"),
    Component(
        "GCC runtime library",
        "GPL-3.0-or-later WITH GCC-exception-3.1",
        "https://gcc.gnu.org",
        part_of="numpy",
    ),
    Component(
        "libquadmath", "LGPL-2.1-or-later", "https://gcc.gnu.org", part_of="numpy", when=LINUX
    ),
    Component("colorama", "BSD-3-Clause", "https://github.com/tartley/colorama", "colorama"),
    Component(
        "obs-websocket-py",
        "MIT",
        "https://github.com/Elektordi/obs-websocket-py",
        "obs-websocket-py",
    ),
    Component(
        "websocket-client",
        "Apache-2.0",
        "https://github.com/websocket-client/websocket-client",
        "websocket-client",
    ),
    Component(
        "websockets",
        "BSD-3-Clause",
        "https://github.com/python-websockets/websockets",
        "websockets",
    ),
    Component("SQLite", "blessing", "https://sqlite.org"),  # public domain, with a blessing
    Component(
        "sqlite-utils", "Apache-2.0", "https://github.com/simonw/sqlite-utils", "sqlite-utils"
    ),
    Component("sqlite-fts4", "Apache-2.0", "https://github.com/simonw/sqlite-fts4", "sqlite-fts4"),
    Component("click", "BSD-3-Clause", "https://github.com/pallets/click", "click"),
    # Its classifier says public domain; its LICENSE file is BSD-3-Clause.
    Component(
        "click-default-group",
        "BSD-3-Clause",
        "https://github.com/click-contrib/click-default-group",
        "click-default-group",
        when=SOURCE,  # sqlite-utils' command line
    ),
    Component("pluggy", "MIT", "https://github.com/pytest-dev/pluggy", "pluggy"),
    # BSD for all of it, Apache too for contributions since 2017-12-01 (its LICENSE file).
    Component(
        "python-dateutil",
        "Apache-2.0 AND BSD-3-Clause",
        "https://github.com/dateutil/dateutil",
        "python-dateutil",
    ),
    Component("six", "MIT", "https://github.com/benjaminp/six", "six"),
    # sqlite-utils' command line needs these; LiveDesk does not, and a build leaves them out
    Component(
        "tabulate", "MIT", "https://github.com/astanin/python-tabulate", "tabulate", when=SOURCE
    ),
    Component("pip", "MIT", "https://pip.pypa.io", "pip", when=SOURCE),
    Component("keyring", "MIT", "https://github.com/jaraco/keyring", "keyring"),
    Component(
        "jaraco.classes", "MIT", "https://github.com/jaraco/jaraco.classes", "jaraco.classes"
    ),
    Component(
        "jaraco.functools", "MIT", "https://github.com/jaraco/jaraco.functools", "jaraco.functools"
    ),
    Component(
        "jaraco.context", "MIT", "https://github.com/jaraco/jaraco.context", "jaraco.context"
    ),
    Component(
        "more-itertools",
        "MIT",
        "https://github.com/more-itertools/more-itertools",
        "more-itertools",
    ),
    Component(
        "backports.tarfile",
        "MIT",
        "https://github.com/jaraco/backports.tarfile",
        "backports.tarfile",
        when=PY_BELOW_312,
    ),
    Component(
        "importlib_metadata",
        "Apache-2.0",
        "https://github.com/python/importlib_metadata",
        "importlib_metadata",
        when=PY_BELOW_312,
    ),
    Component("zipp", "MIT", "https://github.com/jaraco/zipp", "zipp", when=PY_BELOW_312),
    Component(
        "lazy-importer",
        "Apache-2.0",
        "https://pypi.org/project/lazy-importer/",
        "lazy-importer",
        when=PY_BELOW_312,
    ),
    Component(
        "SecretStorage",
        "BSD-3-Clause",
        "https://github.com/mitya57/secretstorage",
        "SecretStorage",
        when=LINUX,
    ),
    Component("jeepney", "MIT", "https://gitlab.com/takluyver/jeepney", "jeepney", when=LINUX),
    Component(
        "cryptography",
        "Apache-2.0 OR BSD-3-Clause",
        "https://github.com/pyca/cryptography",
        "cryptography",
        when=LINUX,
    ),
    # Its metadata says MIT; its LICENSE file is MIT No Attribution.
    Component("cffi", "MIT-0", "https://github.com/python-cffi/cffi", "cffi", when=LINUX),
    Component(
        "pycparser", "BSD-3-Clause", "https://github.com/eliben/pycparser", "pycparser", when=LINUX
    ),
    Component(
        "pywin32-ctypes",
        "BSD-3-Clause",
        "https://github.com/enthought/pywin32-ctypes",
        "pywin32-ctypes",
        when=WINDOWS,
    ),
    Component("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs", "platformdirs"),
    Component("psutil", "BSD-3-Clause", "https://github.com/giampaolo/psutil", "psutil"),
    Component("openpyxl", "MIT", "https://openpyxl.readthedocs.io", "openpyxl"),
    # MIT, with code from Python's standard library under its licence (LICENCE.python).
    Component(
        "et_xmlfile",
        "MIT AND PSF-2.0",
        "https://foss.heptapod.net/openpyxl/et_xmlfile",
        "et_xmlfile",
    ),
    Component(
        "python-calamine", "MIT", "https://github.com/dimastbk/python-calamine", "python-calamine"
    ),
    Component("sacn", "MIT", "https://github.com/Hundemeier/sacn", "sacn"),
    Component("stupidArtnet", "MIT", "https://github.com/cpvalente/stupidArtnet", "stupidArtnet"),
    # No licence in its metadata; its LICENSE file is the Unlicense.
    Component(
        "visca-over-ip",
        "Unlicense",
        "https://github.com/misterhay/VISCA-IP-Controller",
        "visca-over-ip",
    ),
    Component("OpenSSL", "Apache-2.0", "https://www.openssl.org"),  # 3.x, in Python's ssl
    Component(
        "PyInstaller bootloader",
        "GPL-2.0-or-later WITH Bootloader-exception",
        "https://pyinstaller.org",
        when=FROZEN,
    ),
)


def dist_key(name: str) -> str:
    """A distribution name as the package index compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def applies(component: Component, platform: str, python: tuple[int, int], frozen: bool) -> bool:
    """Whether this build carries the component."""
    when = component.when
    if when in (LINUX, WINDOWS):
        return platform.startswith(when)
    if when == PY_BELOW_312:
        return python < (3, 12)
    if when in (FROZEN, SOURCE):
        return frozen == (when == FROZEN)
    return True


def listed_dists() -> dict[str, Component]:
    """Components by their distribution's normalized name."""
    return {dist_key(c.dist): c for c in COMPONENTS if c.dist}
