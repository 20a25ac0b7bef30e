"""The Dataset panel (Ctrl+I) counts the annotation files as they are on disk: those another
program writes or removes (labelImg, a script) too, not only the window's own saves."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation


def _shown(qtbot, window):
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    return panel


def _classes(panel) -> dict[str, int]:
    return dict(panel.stats.first_object_class_counts) if panel.stats is not None else {}


def test_files_other_programs_write_or_remove_are_counted(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = _shown(qtbot, window)
    assert panel.stats.n_annotated == 4 and _classes(panel) == {"cat": 2, "dog": 2}
    write_annotation(folder / "d.png", [("dog", Box(30, 30, 70, 70))])  # labelImg boxes d.png
    (folder / "a.xml").unlink()  # a script removes a's
    window.session.watchers.follower.look()  # as its folder watch or its poll does
    qtbot.waitUntil(lambda: _classes(panel) == {"cat": 1, "dog": 3}, timeout=10_000)
    assert panel.stats.n_annotated == 4 and "4 annotated" in panel.summary.text()


def test_a_change_while_the_panel_is_hidden_is_counted_when_it_is_shown(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = _shown(qtbot, window)
    window.act["dataset_panel"].trigger()  # hidden
    qtbot.waitUntil(panel.isHidden, timeout=3000)
    write_annotation(folder / "d.png", [("bird", Box(30, 30, 70, 70))])
    follower = window.session.watchers.follower
    follower.look()
    qtbot.waitUntil(lambda: not follower.looks.busy, timeout=5000)
    qtbot.wait(700)  # past the panel's quiet period: hidden, it computes nothing
    assert "bird" not in _classes(panel)
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: _classes(panel).get("bird") == 1, timeout=10_000)


def test_files_changing_all_the_time_leave_the_computation_a_rest(qtbot, monkeypatch):
    """A script labelling thousands of images: the figures follow, a pause as long as the last
    computation between two (not back to back, a core busy for as long as the script runs)."""
    import time
    from types import SimpleNamespace

    from petloc_gui.core.stats import DatasetStats
    from petloc_gui.ui.review import dataset_panel

    spans: list[tuple[float, float]] = []

    def slow(dataset, _headers):
        started = time.monotonic()
        time.sleep(1.2)  # 10,000 annotation files
        spans.append((started, time.monotonic()))
        return dataset, DatasetStats(root="/f", layout="voc", n_images=len(spans))

    monkeypatch.setattr(dataset_panel, "_compute", slow)
    panel = dataset_panel.DatasetPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_dataset(SimpleNamespace(root="/f", items=[]))
    qtbot.wait(300)
    panel.mark_stale()  # while the first runs: the second waits for it, and then rests
    qtbot.waitUntil(lambda: len(spans) == 2, timeout=10_000)
    assert spans[1][0] - spans[0][1] >= 1.1  # a rest as long as the first took
    qtbot.waitUntil(lambda: panel.stats is not None and panel.stats.n_images == 2, timeout=3000)
    panel.shutdown()
