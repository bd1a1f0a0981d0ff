"""`livedesk --self-test`, the check CI and the Windows workflow run on the frozen app, run
here from source: every check passes and is printed, nothing of the user's is touched, and a
check that fails (or never answers) makes the exit code 1."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console import self_test
from console.self_test import SelfTest
from tests.helpers.untouchable_keyring import TOUCHED

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "modules",
    "translations",
    "database",
    "main window",
    "obs",
    "stats api",
    "keyring",
    "licences",
)


def run_self_test(tmp_path, **extra_env) -> subprocess.CompletedProcess:
    home = {
        f"XDG_{d}_HOME": str(tmp_path / d.lower()) for d in ("DATA", "CONFIG", "STATE", "CACHE")
    }
    env = {
        **os.environ,
        **home,
        "QT_QPA_PLATFORM": "offscreen",
        # the user's keyring: any read or write is written down here (and raises)
        "PYTHON_KEYRING_BACKEND": "tests.helpers.untouchable_keyring.UntouchableKeyring",
        TOUCHED: str(tmp_path / "keyring-touched.txt"),
        **extra_env,
    }
    env.pop("LIVEDESK_API_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "console", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


def test_the_self_test_passes_prints_every_check_and_leaves_the_user_s_files_alone(tmp_path):
    done = run_self_test(tmp_path)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[0].startswith("LiveDesk ") and "self-test (from source" in lines[0]
    for name in CHECKS:
        assert any(line.startswith(f"  ok   {name}: ") for line in lines), name
    assert "“Connected to OBS” → “已连接 OBS”" in done.stdout
    assert lines[-1].startswith("self-test passed in ")
    # nothing of the user's: no database, settings or log, no keyring entry (the translation
    # cache of a source checkout is the only thing written outside the temporary folder)
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.parts[0] == "cache" for p in written), written
    assert not (tmp_path / "keyring-touched.txt").exists()


def test_a_console_that_cannot_show_chinese_still_gets_the_whole_report(tmp_path):
    # a pipe on a Western Windows (cp1252): printing 已连接 raised, and the check ran again
    done = run_self_test(tmp_path, PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "“Connected to OBS”" not in done.stdout and "?Connected to OBS?" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("self-test passed in ")


class ExitCode:
    code: int | None = None

    def exit(self, code: int) -> None:
        self.code = code


def run_checks(qapp, qtbot, monkeypatch, checks) -> tuple[ExitCode, list[str]]:
    said: list[str] = []
    monkeypatch.setattr(self_test, "say", said.append)
    test = SelfTest(qapp, None, None, None, None, Path("x.db"), "en")
    test.app, test.checks = ExitCode(), checks
    test.start()
    qtbot.waitUntil(lambda: test.app.code is not None, timeout=5000)
    return test.app, said


@pytest.mark.allow_warning_logs  # the broken check's traceback is logged
def test_a_failed_check_is_printed_and_the_exit_code_is_1(qapp, qtbot, monkeypatch):
    def broken():
        raise OSError("no such file: livedesk_zh_CN.qm")

    checks = [("database", lambda: (True, "fine")), ("translations", broken)]
    app, said = run_checks(qapp, qtbot, monkeypatch, checks)
    assert app.code == 1
    assert said[1:3] == [
        "  ok   database: fine",
        "  FAIL translations: OSError: no such file: livedesk_zh_CN.qm",
    ]
    assert said[-1].startswith("self-test FAILED (1) in ")


def test_a_check_that_never_answers_fails_after_the_timeout(qapp, qtbot, monkeypatch):
    monkeypatch.setattr(self_test, "TIMEOUT_S", 0.3)
    app, said = run_checks(qapp, qtbot, monkeypatch, [("obs", lambda: None)])
    assert app.code == 1
    assert said[1] == "  FAIL obs: no answer within 0 s"
