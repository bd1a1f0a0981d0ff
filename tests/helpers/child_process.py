"""A module of this repository run in a subprocess, as the kill tests (tests/unit/
test_crash_safety.py, tests/unit/test_stats_kill.py) and the ingest benchmark run theirs; and
what the kill tests check when the killed process's database is opened again."""

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from console.store.db import open_db, running_markers

ROOT = Path(__file__).resolve().parents[2]
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # on Windows os.kill terminates outright


def start_module(module: str, *args: object) -> subprocess.Popen:
    """`python -m module args...` from the repository's root, stdout and stderr piped (text)."""
    return subprocess.Popen(
        [sys.executable, "-m", module, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class Killed:
    """`with Killed(module, *args) as child:` the module running in `child.proc`, killed by
    `child.kill()`; on leaving it is killed if still running, reaped and its pipes closed, and
    what it wrote to stderr is in `child.stderr`."""

    def __init__(self, module: str, *args: object):
        self.proc = start_module(module, *args)
        self.stderr = ""

    def kill(self) -> None:
        os.kill(self.proc.pid, KILL)
        self.proc.wait(5)

    def __enter__(self) -> "Killed":
        return self

    def __exit__(self, *_exc) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.stderr = self.proc.stderr.read()
        self.proc.stderr.close()


def reopen_after_kill(path: Path, caplog):
    """The database at `path` opened again after its process was killed: the killed process's
    running marker is still there, so opening checks the file once, and finds it intact."""
    assert running_markers(path)  # the killed process's
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="console.store.db"):
        db = open_db(path)
    try:
        checks = [r.getMessage() for r in caplog.records if "integrity_check" in r.getMessage()]
        assert len(checks) == 1 and checks[0].endswith(": ok"), checks
    except BaseException:
        db.close()
        raise
    return db
