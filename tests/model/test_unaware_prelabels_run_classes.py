"""The classes that leave a pre-label out are classes of the run (review 3, finding 7).

The run's classes were every first box's label, those of the pre-labels the same rule then left out
included: model A knew x and y, model B x and z, a person boxed only x; A's pre-labels were left out
for z and B's for y, neither then a class of the run, and the run lost both for nothing.
"""

from __future__ import annotations

from petloc_gui.model.collected_folder import collect_folder, without_unaware_prelabels
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import write_annotated

from .test_unaware_prelabels import _mark, _prelabel, _store_model


def _boxed(folder, name: str, n: int = 3) -> None:
    for i in range(n):
        write_annotated(folder, f"{name}{i}", 40, 30, [(name, (5, 5, 20, 20))])


def test_two_models_each_lacking_the_other_s_class_leave_nothing_out(tmp_path):
    folder = tmp_path / "xyz"
    folder.mkdir()
    _boxed(folder, "x")
    _store_model("photo-a", ["x", "y"])
    _store_model("photo-b", ["x", "z"])
    _prelabel(folder, "a_x", "x", _mark("photo-a"))
    _prelabel(folder, "a_y", "y", _mark("photo-a"))
    _prelabel(folder, "b_z", "z", _mark("photo-b"))

    data = TrainingData.collect(folder)

    assert data.prelabels_left_out == {}
    assert {"a_x.png", "a_y.png", "b_z.png"} <= {it.relpath for it in data.items}


def test_a_class_only_the_pre_labels_of_a_model_that_knew_every_class_show_leaves_the_others_out(tmp_path):
    """A class no person boxed still counts when the model whose pre-labels show it knew every class of
    the folder: those pre-labels are trained on whatever the rule, so the class is the run's."""
    folder = tmp_path / "shapes"
    folder.mkdir()
    for name in ("circle", "square", "triangle"):
        _boxed(folder, name)
    _store_model("photo-three", ["circle", "square", "triangle"])
    _store_model("photo-four", ["circle", "square", "triangle", "star"])
    _prelabel(folder, "star_p", "star", _mark("photo-four"))
    _prelabel(folder, "star_q", "triangle", _mark("photo-three"))

    data = TrainingData.collect(folder)

    assert data.prelabels_left_out == {"photo-three": {"count": 1, "unknown_classes": ["star"]}}
    assert "star" in data.class_names


def test_every_pre_label_left_out_is_left_out_for_a_class_of_the_run(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    _boxed(folder, "x")
    _boxed(folder, "w")
    _store_model("photo-a", ["x", "y"])  # did not know w, which a person boxed
    _store_model("photo-b", ["x", "w", "z"])
    _prelabel(folder, "a_y", "y", _mark("photo-a"))
    _prelabel(folder, "b_z", "z", _mark("photo-b"))
    read = collect_folder(folder)

    kept, left_out = without_unaware_prelabels(read.samples, read.prelabel_models)

    classes = {sample.label for sample in kept}
    assert [gone.sample.relpath for gone in left_out] == ["a_y.png"]
    assert all(set(gone.unknown) <= classes for gone in left_out)
