"""Pre-labels written by a model that did not know a class of the run are left out of it: a model
of circles, squares and triangles pre-labelled the photos of stars triangle or circle, and training
took those as ground truth next to the few stars a person boxed. The model is found by the version
id its mark names (the --init-from model, the store, the bundled ones); each pre-label left out is a
skipped image with its reason, and meta.json counts them per model."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.paths import user_data_dir
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import write_annotated

SHAPES = ["circle", "square", "triangle"]


def _mark(version: str) -> str:
    return f"petloc pre-label by petloc predict, model {version} ({version})"  # cli.prelabel.prelabel_mark


def _store_model(version: str, classes: list[str]) -> str:
    folder = user_data_dir() / "models" / "photo" / version
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"class_names": classes, "version_id": version,
                                                  "preset": "photo"}), encoding="utf-8")
    return f"photo/{version}"


def _prelabel(folder, stem: str, label: str, mark: str) -> None:
    from petloc_gui.core.voc import read_voc, write_voc

    write_annotated(folder, stem, 40, 30, [(label, (5, 5, 20, 20))])
    annotation = read_voc(folder / f"{stem}.xml")
    annotation.prelabel = mark
    write_voc(annotation, folder / f"{stem}.xml")


@pytest.fixture
def shapes4(tmp_path):
    """Three boxed images of each of four classes, two stars pre-labelled by a model of three shapes
    (as triangle and circle), a circle by a model that knows all four, and a pre-label of a model
    that is nowhere."""
    folder = tmp_path / "shapes4"
    folder.mkdir()
    for name in [*SHAPES, "star"]:
        for n in range(3):
            write_annotated(folder, f"{name}{n}", 40, 30, [(name, (5, 5, 20, 20))])
    _store_model("photo-three", SHAPES)
    _store_model("photo-four", [*SHAPES, "star"])
    _prelabel(folder, "star_a", "triangle", _mark("photo-three"))
    _prelabel(folder, "star_b", "circle", _mark("photo-three"))
    _prelabel(folder, "circle_c", "circle", _mark("photo-four"))
    _prelabel(folder, "square_d", "square", _mark("photo-gone"))
    return folder


def _relpaths(data: TrainingData) -> set[str]:
    return {it.relpath for it in data.items}


def test_the_pre_labels_of_a_model_that_did_not_know_a_class_are_left_out(shapes4):
    data = TrainingData.collect(shapes4)
    assert not {"star_a.png", "star_b.png"} & _relpaths(data)
    assert {"circle_c.png", "square_d.png"} <= _relpaths(data)  # knew every class; cannot be told
    assert data.n_prelabels == 2 and data.class_names == [*SHAPES[:2], "star", "triangle"]
    reasons = dict(data.skipped)
    reason = reasons[str(shapes4 / "star_a.png")]
    assert reason.startswith("unreviewed pre-label of model photo-three, which did not know the class star of this "
                             "run: left out") and "a save in the window marks it reviewed" in reason
    assert data.summary_record(0)["prelabels_left_out"] == {"photo-three": {"count": 2, "unknown_classes": ["star"]}}


def test_a_fine_tune_finds_the_model_it_starts_from(shapes4, tmp_path):
    parent = tmp_path / "runs" / "photo-parent"  # a bundle of --out, not in the store
    parent.mkdir(parents=True)
    (parent / "meta.json").write_text(json.dumps({"class_names": SHAPES, "version_id": "photo-parent"}),
                                      encoding="utf-8")
    meta = read_meta(parent)
    for stem in ("star_a", "star_b"):
        _prelabel(shapes4, stem, "triangle", _mark("photo-parent"))  # by the parent this time
    data = TrainingData.collect(shapes4, parent_meta=meta, parent_class_names=SHAPES)
    assert not {"star_a.png", "star_b.png"} & _relpaths(data)
    assert data.class_names == [*SHAPES, "star"]


def test_a_class_renamed_since_is_known_by_its_old_name(tmp_path):
    folder = tmp_path / "pets"
    folder.mkdir()
    for name in ("bengal cat", "bulldog"):
        for n in range(3):
            write_annotated(folder, f"{name}{n}", 40, 30, [(name, (5, 5, 20, 20))])
    meta = read_meta(_store_model("photo-pets", ["bengal", "bulldog"]))
    _prelabel(folder, "p", "bulldog", _mark("photo-pets"))
    data = TrainingData.collect(folder, parent_meta=meta, parent_class_names=["bengal", "bulldog"],
                                renamed={"bengal cat": "bengal"})
    assert "p.png" in _relpaths(data)


def test_a_label_its_model_did_not_know_is_a_persons_and_is_kept(shapes4):
    _prelabel(shapes4, "star_a", "star", _mark("photo-three"))  # edited by hand, the mark left
    data = TrainingData.collect(shapes4)
    assert "star_a.png" in _relpaths(data) and "star_b.png" not in _relpaths(data)



def test_a_class_of_the_parent_on_no_box_of_the_folder_leaves_nothing_out(tmp_path):
    """Fine-tuning the bundled digits model on a folder of 0-4 dropped every pre-label of one's own 0-4
    model: the rule counted every class of the --init-from model, not those on the folder's boxes."""
    folder = tmp_path / "shapes3"
    folder.mkdir()
    for name in SHAPES:
        for n in range(3):
            write_annotated(folder, f"{name}{n}", 40, 30, [(name, (5, 5, 20, 20))])
    _store_model("photo-three", SHAPES)
    for n, name in enumerate([*SHAPES, "circle"]):
        _prelabel(folder, f"p{n}", name, _mark("photo-three"))
    parent = {"class_names": [*SHAPES, "star"], "version_id": "photo-with-star"}  # star: on no box here
    data = TrainingData.collect(folder, parent_meta=parent, parent_class_names=parent["class_names"])
    assert {f"p{n}.png" for n in range(4)} <= _relpaths(data) and data.n_prelabels == 4
    assert data.prelabels_left_out == {} and data.class_names == [*SHAPES, "star"]
