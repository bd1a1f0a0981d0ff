"""Strict, isolated tests: offscreen Qt, private config/data/log folders, an in-memory keyring,
and an unexpected WARNING (or worse) log record fails the test."""

import logging
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
_home = tempfile.mkdtemp(prefix="livedesk-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())
os.environ.pop("LIVEDESK_OBS_PASSWORD", None)

import keyring  # noqa: E402
import pytest  # noqa: E402

from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402
from tests.helpers.obs_fixtures import (  # noqa: E402, F401 - fixtures and hook for all tests
    obs_clean_state,
    pytest_terminal_summary,
    raw_obs,
    real_obs,
)

keyring.set_keyring(MemoryKeyring())


def pytest_configure(config):
    config.addinivalue_line("markers", "allow_warning_logs: the test expects WARNING logs")


@pytest.fixture
def fake():
    """The fake OBS (obs-websocket v5 on 127.0.0.1) that --demo uses, with a password."""
    from console.devices.obs.fake_server import FakeObsServer
    from tests.helpers.console import FAKE_PASSWORD

    server = FakeObsServer(password=FAKE_PASSWORD)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(request):
    """As in the app (console/ui/gui_gc.py): the cyclic GC never runs on a worker thread,
    where it would destroy the Qt objects of earlier tests. Whatever a test left in cycles is
    collected here, on the main thread, after it."""
    import gc

    if gc.isenabled():
        from console.ui.gui_gc import GuiThreadGc

        request.getfixturevalue("qapp")
        request.session._livedesk_gc = GuiThreadGc()  # disables the automatic GC for good
    yield
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp):
    """English as the app shows it (console/i18n.py installs this for the English UI): its
    translation holds only the plural forms, "1 product" and "3 products"."""
    from PySide6.QtCore import QTranslator

    from console.i18n import compiled_qm

    translator = QTranslator()
    assert translator.load(str(compiled_qm("en")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _format_locale():
    """Numbers and dates as en_US writes them, whatever this computer's locale (the app sets the
    default QLocale at start, console/i18n.py; a test may set another); restored after the
    test, so that one test's locale never leaks into the next."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _fail_on_warning_logs(request, caplog):
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_warning_logs"):
        return
    bad = [
        r
        for r in caplog.get_records("call") + caplog.get_records("setup")
        if r.levelno >= logging.WARNING and not r.name.startswith("tests.")
    ]
    if bad:
        pytest.fail(
            "Unexpected log records:\n"
            + "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in bad)
        )


@pytest.fixture(scope="module")
def ola():
    """OLA's olad as a real DMX receiver in its own network namespace (helpers/ola_peer.py);
    one per test module (the namespace is named after this process). Required (a failure,
    not a skip, when missing) with LIVEDESK_REQUIRE_OLA=1, and with LIVEDESK_REQUIRE_OBS=1
    too: the Done-when test and the preset bench need both, and must not pass by skipping."""
    from tests.helpers import ola_peer

    reason = ola_peer.unavailable()
    if reason:
        for variable in ("LIVEDESK_REQUIRE_OLA", "LIVEDESK_REQUIRE_OBS"):
            if os.environ.get(variable) == "1":
                pytest.fail(f"OLA peer required ({variable}=1) but unavailable: {reason}")
        pytest.skip(reason)
    peer = ola_peer.OlaPeer().start()
    yield peer
    peer.stop()
