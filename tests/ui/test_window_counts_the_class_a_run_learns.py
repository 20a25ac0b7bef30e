"""The window's class counts (the new-classes bar, a row's class) count each image by the box a run learns,
as the Retrain dialog's counts do (`ui.training.retrain_counts.first_box_counts` of `model.data.collect_samples`).

Before: an image listing first a box without a label before a cat counted no class in the window, though
training learned the cat (a review's find: window {'cat': 5, ...}, the Retrain dialog {'cat': 6, ...}). A (accept
the prediction) replaces that same box: the one a run learns, not the nameless box listed before it."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.annotation_store import read_document, read_primary
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.data import collect_samples
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.training.retrain_counts import first_box_counts
from tests.cli.helpers import write_annotated

GOOD = (50, 40, 200, 160)


def _folder(folder: Path) -> Path:
    folder.mkdir()
    for i in range(4):
        write_annotated(folder, f"good{i}", 300, 200, [("cat" if i % 2 else "dog", GOOD)])
    write_annotated(folder, "nameless_first", 300, 200, [("", GOOD), ("cat", (10, 10, 100, 100))])
    return folder


def _window_counts(folder: Path) -> dict[str, int]:
    dataset = open_dataset(folder)
    model = FileListModel([Path(i.image_path).name for i in dataset.items], [i.has_annotation for i in dataset.items])
    for row, item in enumerate(dataset.items):
        name, box, verified, objects, _prelabel = read_primary(Path(item.annotation_path), item.image_path)
        model.set_ground_truth(row, name, box, verified, emit=False, objects=objects)
    return model.box_counts(reviewed_only=True)


def test_the_window_counts_each_image_by_the_box_training_learns(qtbot, tmp_path):
    folder = _folder(tmp_path / "d")
    samples, _skipped, _root = collect_samples(folder)
    assert first_box_counts(samples)["images_by_class"] == {"cat": 3, "dog": 2}
    assert _window_counts(folder) == {"cat": 3, "dog": 2}


def test_a_replaces_the_box_a_run_learns_and_selects_it(qtbot, tmp_path):
    folder = _folder(tmp_path / "d")
    image = folder / "nameless_first.png"
    doc = read_document(image, folder / "nameless_first.xml", (300, 200))
    doc.image_size = (300, 200)
    edits = EditController()
    edits.set_document(0, doc)
    assert edits.accept_prediction("dog", Box(60, 50, 210, 170), "pets")
    assert [(obj.name, obj.box) for obj in doc.objects] == [("", Box(*GOOD)), ("dog", Box(60, 50, 210, 170))]
    assert edits.selected == 1
    edits.stack().undo()
    assert [(obj.name, obj.box) for obj in doc.objects] == [("", Box(*GOOD)), ("cat", Box(10, 10, 100, 100))]


def test_a_label_drawn_as_nothing_is_counted_as_no_class_as_training_counts_it(qtbot, tmp_path):
    """"\\u200b" is no label (`core.scored_objects.labelled`): an image listing it first is counted by its next box,
    one whose boxes all hold none is counted under no class (its first box, the one to label, is its primary)."""
    folder = _folder(tmp_path / "d")
    write_annotated(folder, "blank_first", 300, 200, [("\u200b", GOOD), ("cat", (10, 10, 100, 100))])
    write_annotated(folder, "blank_only", 300, 200, [("\u200b", GOOD)])
    samples, _skipped, _root = collect_samples(folder)
    assert first_box_counts(samples)["images_by_class"] == {"cat": 4, "dog": 2}
    assert _window_counts(folder) == {"cat": 4, "dog": 2}
