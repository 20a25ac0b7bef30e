"""The Dataset panel's class balance at its narrowest, at 150%: every class name is readable, or
elided inside its place with the full name in the row's tooltip; never cut, never past the edge
(the chart it replaces shortened a folder of breeds to "…" under every bar)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QToolTip

from petloc_gui.core.stats import DatasetStats
from petloc_gui.core.text import counted, visible
from petloc_gui.ui.plain_text import as_plain
from petloc_gui.ui.review.dataset_panel import DatasetPanel

BREEDS = ["Abyssinian", "american_bulldog", "american_pit_bull_terrier", "basset_hound", "beagle", "boxer",
          "cat", "english_cocker_spaniel", "staffordshire_bull_terrier", "wheaten_terrier", "z" * 256, "tab\there"]


def narrow_panel(qtbot, names: list[str], font_scale: float = 1.0) -> tuple[QMainWindow, DatasetPanel]:
    """A window with the panel docked beside its image area, at its minimum width, charting ``names``."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("image"))
    panel = DatasetPanel(window)
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * font_scale)  # 150% as a desktop's font scaling gives it
    panel.setFont(font)
    window.addDockWidget(Qt.LeftDockWidgetArea, panel)
    window.resize(1000, 700)
    window.show()
    window.resizeDocks([panel], [panel.minimumWidth()], Qt.Horizontal)
    stats = DatasetStats(root="/f", layout="voc", n_images=len(names), n_annotated=len(names))
    stats.first_object_class_counts = {name: 1 + i % 3 for i, name in enumerate(names)}
    panel._dataset = dataset = SimpleNamespace(root="/f", items=[])
    panel._show_stats(dataset, stats)
    bars = panel.class_bars
    qtbot.waitUntil(lambda: panel.width() <= panel.minimumWidth() + 20 and bars.width() > 0
                    and bars.height() >= bars.sizeHint().height(), timeout=3000)  # laid out
    return window, panel


def assert_every_name_readable(bars) -> None:
    metrics = bars.fontMetrics()
    inside = bars.rect()
    rows = bars.rows()
    assert len(rows) == len(bars.counts()) > 0
    for row in rows:
        for part in (row.label, row.bar, row.number):
            assert inside.contains(part), (row.name, part, inside)
        assert metrics.horizontalAdvance(row.shown) <= row.label.width(), row.shown
        assert metrics.horizontalAdvance(str(row.count)) <= row.number.width()
        if row.shown != row.name:  # elided: a readable start and end, the rest in the tooltip
            start, end = row.shown.split("…")
            assert row.name.startswith(start) and row.name.endswith(end) and len(row.shown) >= 8
            assert row.name[:60] in row.tooltip()
        if len(row.name) <= 12:
            assert row.shown == row.name  # a short name is never shortened
        assert row.label.bottom() < row.label.top() + 2 * metrics.height()  # one row each, none overlapping
    assert all(a.label.bottom() < b.label.top() for a, b in itertools.pairwise(rows))


def test_names_are_readable_at_the_minimum_width(qtbot):
    _window, panel = narrow_panel(qtbot, BREEDS)
    assert_every_name_readable(panel.class_bars)
    assert visible("tab\there") in panel.class_bars.counts()  # a control character shown escaped


def test_names_are_readable_with_fonts_half_as_large_again(qtbot):
    _window, panel = narrow_panel(qtbot, BREEDS, font_scale=1.5)
    assert_every_name_readable(panel.class_bars)


def test_the_tooltip_names_an_elided_class_in_full_with_its_count(qtbot):
    _window, panel = narrow_panel(qtbot, BREEDS)
    bars = panel.class_bars
    row = next(r for r in bars.rows() if r.name == "z" * 256)
    assert row.shown != row.name
    at = row.label.center()
    QToolTip.hideText()
    bars.event(QHelpEvent(QEvent.Type.ToolTip, at, bars.mapToGlobal(at)))
    assert QToolTip.text() == as_plain(f"{'z' * 256}: the first object of {counted(row.count, 'image')}")
    QToolTip.hideText()


SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
sys.path.insert(0, {root!r})
from tests.ui import test_class_bars as t

class Bot:
    def addWidget(self, widget): self.keep = widget
    def waitUntil(self, test, timeout):
        for _ in range(200):
            app.processEvents()
            if test(): return
        raise AssertionError("not laid out")

window, panel = t.narrow_panel(Bot(), t.BREEDS)
assert panel.devicePixelRatioF() == 1.5, panel.devicePixelRatioF()
t.assert_every_name_readable(panel.class_bars)
panel.class_bars.grab().save({png!r})
print("ok")
"""


def test_names_are_readable_at_150_percent_scale(tmp_path):
    """QT_SCALE_FACTOR=1.5 is set before Qt starts: in a process of its own (the picture is kept to look at)."""
    root = Path(__file__).resolve().parents[2]
    png = tmp_path / "class_bars_150.png"
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(root), png=str(png))], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-3000:]
    assert png.stat().st_size > 0
