"""The Dataset panel names the classes on boxes but never an image's first, as `petloc stats` does: its
class bars count first boxes, so such a class had no bar and no word, though no run trains it."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from tests.cli.helpers import write_annotated


def _panel(qtbot, folder):
    from petloc_gui.ui.review.dataset_panel import DatasetPanel

    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_dataset(open_dataset(folder))
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    return panel


def test_the_panel_names_classes_only_on_second_boxes(qtbot, tmp_path):
    for stem in ("a", "b"):
        write_annotated(tmp_path, stem, 40, 30, [("cat", (5, 5, 15, 15)), ("dog", (20, 10, 35, 25))])
    write_annotated(tmp_path, "c", 40, 30, [("cat", (5, 5, 15, 15)), ("cow", (20, 10, 35, 25))])
    (tmp_path / "predefined_classes.txt").write_text("cat\ndog\n", encoding="utf-8")
    panel = _panel(qtbot, tmp_path)
    assert panel.stats.after_first == {"cow": 1, "dog": 2}
    text = panel.summary.text()
    assert "never an image's first: cow (1 box), dog (2 boxes)" in text and "no run trains them" in text


def test_no_word_of_it_when_each_class_is_some_image_s_first(qtbot, tmp_path):
    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 15, 15)), ("dog", (20, 10, 35, 25))])
    write_annotated(tmp_path, "b", 40, 30, [("dog", (5, 5, 15, 15))])
    panel = _panel(qtbot, tmp_path)
    assert "first" not in panel.summary.text()
