"""Benchmark (prints figures): cold start to the first painted window, and RSS after start,
for `livedesk --demo` in a fresh process each run."""

import json
import os
import statistics
import subprocess
import sys

import pytest

pytestmark = pytest.mark.perf
RUNS = 5


def test_cold_start_and_rss(tmp_path, capsys):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var)
    results = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-m", "console", "--demo", "--startup-probe", "--lang", "zh_CN"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    paint = [r["first_paint_ms"] for r in results]
    rss = [r["rss_mb"] for r in results]
    assert all(p > 0 for p in paint)
    with capsys.disabled():
        print(
            f"\n[perf] cold start to first paint (--demo, zh_CN), {RUNS} runs: "
            f"median {statistics.median(paint):.0f} ms (min {min(paint):.0f}, max {max(paint):.0f})"
        )
        print(f"[perf] RSS 1.5 s after first paint: median {statistics.median(rss):.0f} MB")
