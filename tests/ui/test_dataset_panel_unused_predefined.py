"""The Dataset panel names the classes of the folder's predefined_classes.txt that no box has, as
`petloc stats` does on its 'predefined' lines: it computed its figures without the file, so a class
typed into it and never boxed was in neither the class bars nor the summary."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from tests.cli.helpers import write_annotated


def test_the_panel_names_predefined_classes_on_no_box(qtbot, tmp_path):
    from petloc_gui.ui.review.dataset_panel import DatasetPanel

    for stem in ("a", "b"):
        write_annotated(tmp_path, stem, 40, 30, [("cat", (5, 5, 20, 20))])
    (tmp_path / "predefined_classes.txt").write_text("cat\nmoon\nstar\n", encoding="utf-8")
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_dataset(open_dataset(tmp_path))
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert panel.stats.unused_predefined == ["moon", "star"]
    text = panel.summary.text()
    assert "predefined_classes.txt" in text and "moon, star" in text and "cat" not in text.split("predefined")[1]


def test_no_word_of_predefined_classes_when_every_one_is_boxed(qtbot, tmp_path):
    from petloc_gui.ui.review.dataset_panel import DatasetPanel

    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    (tmp_path / "predefined_classes.txt").write_text("cat\n", encoding="utf-8")
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_dataset(open_dataset(tmp_path))
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert "predefined" not in panel.summary.text()
