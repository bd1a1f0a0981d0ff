"""Regression guard for the PySide6 6.12.0 + pyqtgraph 0.14.0 abort (shared notes/qt.md):
a live chart whose axis re-lays out on every update. Run in a subprocess, because the failure
is an abort that would take the whole test run down with it."""

import subprocess
import sys
import textwrap

WORKLOAD = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
    import numpy as np
    from PySide6.QtWidgets import QApplication
    import pyqtgraph as pg

    app = QApplication([])
    plot = pg.PlotWidget()
    plot.show()
    curve = plot.plot()
    rng = np.random.default_rng(7)
    for i in range(300):
        scale = 10.0 ** (i % 7)  # the y range jumps between magnitudes: ticks re-layout
        curve.setData(rng.random(500) * scale)
        app.processEvents()
    print("survived", i + 1)
    """
)


def test_live_chart_workload_runs_to_a_clean_exit():
    result = subprocess.run(
        [sys.executable, "-c", WORKLOAD], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 300" in result.stdout
