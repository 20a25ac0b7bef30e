"""The retrain comparison says which validation images hold boxes accepted unchanged from a model, and
gives both models' figures on the person-drawn ones apart (ADR 0013).

Before, the current model was scored against boxes it had proposed itself (accepted with A, or
pre-labels saved), with no word of it: in the hunt, all 5 report images the comparison used were
such boxes, and the note said "neither trained on any of them".
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model import comparison
from petloc_gui.model.train_worker import version_figures

from .test_comparison_record import _current_and_fresh

CURRENT = "model pets (pets-9)"


def _accept(image, model=CURRENT):
    """The image's box as if accepted unchanged from ``model`` (what a save in the window now writes)."""
    xml = image.with_suffix(".xml")
    annotation = read_voc(xml)
    annotation.objects = [dataclasses.replace(o, proposed_by=model, proposed_box=o.box) for o in annotation.objects]
    write_voc(annotation, xml)


@pytest.fixture
def scored(monkeypatch):
    """Stand-in scores: mean IoU 0.9 on images whose boxes were accepted, 0.6 on the others; records the calls."""
    calls = []

    def figures(samples):
        accepted = {"v0.jpg", "v1.jpg"}
        ious = [0.9 if s.relpath in accepted else 0.6 for s in samples]
        return {"n_images": len(samples), "accuracy": 1.0, "mean_iou": sum(ious) / len(ious), "iou_ge_50": 1.0,
                "iou_ge_75": 0.5}

    def score(spec, chosen, subset=None, renamed=None):
        calls.append((str(spec), sorted(s.relpath for s in chosen)))
        out = figures(chosen)
        if subset:
            out["subset"] = figures([s for s in chosen if s.relpath in subset])
        return out

    monkeypatch.setattr(comparison, "score_model", score)
    return calls


def _setup(tmp_path):
    data, images, parent, meta = _current_and_fresh(tmp_path, "data")
    meta["version_id"] = "pets-9"
    (parent / "meta.json").write_text(json.dumps(meta))
    new_bundle = tmp_path / "nb"
    new_bundle.mkdir()
    (new_bundle / "meta.json").write_text(json.dumps({"version_id": "pets-10", "parent": str(parent)}))
    return data, images, parent, new_bundle


def test_accepted_boxes_are_said_and_the_person_drawn_figures_given_apart(tmp_path, scored):
    data, images, parent, new_bundle = _setup(tmp_path)
    _accept(images[0])
    _accept(images[1])

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)

    assert result["old"]["mean_iou"] == pytest.approx(0.75)  # every image, as before
    assert result["accepted_boxes"] == {"n_images": 2, "from": {CURRENT: 2}, "own": 2}
    person = result["person_drawn"]
    assert person["n_images"] == 2
    assert person["old"]["mean_iou"] == person["new"]["mean_iou"] == pytest.approx(0.6)
    assert [images for _, images in scored].count(["v2.jpg", "v3.jpg"]) == 2  # each model on them alone
    hedge = ("2 of the 4 validation images have boxes accepted unchanged from model pets (pets-9), the current "
             "model: its figures on them are its own boxes; the figures on the 2 images whose boxes a person drew "
             "are given apart.")
    assert hedge in result["note"] and hedge in result["new_hedges"]
    assert "A fair comparison" not in result["note"]
    assert result["note"].endswith(
        "On the 2 validation images whose boxes a person drew: current model accuracy 1.000, mean IoU 0.600, "
        "IoU ≥ 0.5 1.000; new model accuracy 1.000, mean IoU 0.600, IoU ≥ 0.5 1.000.")
    # the version kept says its figures rest on such images too
    assert hedge in version_figures(result, {})["basis"]["hedges"]


def test_boxes_of_another_model_are_said_as_that_models(tmp_path, scored):
    data, images, parent, new_bundle = _setup(tmp_path)
    _accept(images[0], "model digits (digits-1)")
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)
    assert result["accepted_boxes"] == {"n_images": 1, "from": {"model digits (digits-1)": 1}, "own": 0}
    assert ("1 of the 4 validation images has boxes accepted unchanged from model digits (digits-1): figures on it "
            "measure agreement with that model's boxes, not a person's") in result["note"]


def test_only_accepted_boxes_leave_no_person_figures(tmp_path, scored):
    data, images, parent, new_bundle = _setup(tmp_path)
    for image in images:
        _accept(image)
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)
    assert result["accepted_boxes"]["n_images"] == 4 and result["person_drawn"] is None
    assert ("All 4 validation images have boxes accepted unchanged from model pets (pets-9), the current model: "
            "its figures on them are its own boxes; no image scored has only boxes a person drew, so no figure "
            "here is against a person's boxes.") in result["note"]


def test_person_drawn_boxes_alone_change_nothing(tmp_path, scored):
    data, images, parent, new_bundle = _setup(tmp_path)
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)
    assert result["accepted_boxes"] is None and result["person_drawn"] is None
    assert result["note"].startswith("A fair comparison") and "accepted" not in result["note"]
    assert len(scored) == 2  # each model scored once: nothing scored again


def test_an_accepted_box_of_zero_area_is_not_scored_so_not_counted(tmp_path, scored):
    # a box of zero area is no ground truth (`data.Sample.ground_truth`): the image's figures are on the
    # person's box beside it, so the image is a person's
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject

    data, images, parent, new_bundle = _setup(tmp_path)
    xml = images[0].with_suffix(".xml")
    annotation = read_voc(xml)
    flat = Box(5, 5, 5, 20)
    annotation.objects.append(VocObject(name="cat", box=flat, proposed_by=CURRENT, proposed_box=flat))
    write_voc(annotation, xml)
    assert read_voc(xml).objects[-1].accepted_from == CURRENT  # the mark is there, on a box not scored
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)
    assert result["accepted_boxes"] is None and result["person_drawn"] is None
    assert "accepted" not in result["note"]


@pytest.fixture
def current_fails(monkeypatch):
    """The new model (the bundle nb) scores 0.6 on every image; the current one raises; records the calls."""
    calls = []

    def score(spec, chosen, subset=None, renamed=None):
        calls.append((str(spec), sorted(s.relpath for s in chosen)))
        if not str(spec).endswith("nb"):
            raise RuntimeError("its model file is gone")
        out = {"n_images": len(chosen), "accuracy": 1.0, "mean_iou": 0.6, "iou_ge_50": 1.0, "iou_ge_75": 0.5}
        return {**out, "subset": {**out, "n_images": len(subset)}} if subset else out

    monkeypatch.setattr(comparison, "score_model", score)
    return calls


def test_a_current_model_that_cannot_be_scored_leaves_the_new_models_person_figures(tmp_path, current_fails):
    # review 1's finding 5: the record lacked accepted_boxes and person_drawn, the new model's figures on the
    # person-drawn images were never computed, and the note still spoke of the current model's figures
    data, images, parent, new_bundle = _setup(tmp_path)
    _accept(images[0])
    _accept(images[1])

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)

    assert result["old"] is None and result["new"]["n_images"] == 4
    assert result["accepted_boxes"] == {"n_images": 2, "from": {CURRENT: 2}, "own": 2}
    person = result["person_drawn"]
    assert person["n_images"] == 2 and person["old"] is None and person["new"]["mean_iou"] == pytest.approx(0.6)
    assert (str(new_bundle), ["v2.jpg", "v3.jpg"]) in current_fails
    hedge = ("2 of the 4 validation images have boxes accepted unchanged from model pets (pets-9), the current "
             "model: figures on them measure agreement with its boxes, not a person's; the figures on the 2 images "
             "whose boxes a person drew are given apart.")
    assert hedge in result["note"] and hedge in result["new_hedges"]
    assert "its own boxes" not in result["note"]
    assert result["note"].endswith("On the 2 validation images whose boxes a person drew: new model accuracy 1.000, "
                                   "mean IoU 0.600, IoU ≥ 0.5 1.000.")


def test_no_validation_images_still_give_both_keys(tmp_path, scored):
    data, _images, parent, new_bundle = _setup(tmp_path)
    result = comparison.compare_models(data, "default", new_bundle, [], old_model=str(parent), fine_tuned=True)
    assert result["note"].startswith("No validation images")
    assert result["accepted_boxes"] is None and result["person_drawn"] is None


def _relabel(image, name="dog"):
    """The accepted box's class corrected by a person since (the box is still the model's)."""
    xml = image.with_suffix(".xml")
    annotation = read_voc(xml)
    annotation.objects = [dataclasses.replace(o, name=name) for o in annotation.objects]
    write_voc(annotation, xml)


def _accept_labelled(image, model=CURRENT):
    """As `_accept`, the mark recording the label the model proposed (the one the file holds now)."""
    xml = image.with_suffix(".xml")
    annotation = read_voc(xml)
    annotation.objects = [dataclasses.replace(o, proposed_by=model, proposed_box=o.box, proposed_label=o.name)
                          for o in annotation.objects]
    write_voc(annotation, xml)


def test_a_relabelled_accepted_box_counts_as_a_persons_label_for_accuracy(tmp_path, scored):
    # review 1's finding 2: the image where a person corrected the model's class was left out of the
    # person figures, accuracy included
    data, images, parent, new_bundle = _setup(tmp_path)
    _accept_labelled(images[0])
    _accept_labelled(images[1])
    _relabel(images[1])

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)

    assert result["accepted_boxes"] == {"n_images": 2, "from": {CURRENT: 2}, "own": 2}
    person = result["person_drawn"]
    assert (person["n_images"], person["n_labelled"]) == (2, 3)
    # each model scored on the 3 images with a person's labels (accuracy), its IoU on the 2 with a person's boxes
    assert [images for _, images in scored].count(["v1.jpg", "v2.jpg", "v3.jpg"]) == 2
    assert person["new"]["mean_iou"] == pytest.approx(0.6)  # v1's box is the model's: not in it
    hedge = ("2 of the 4 validation images have boxes accepted unchanged from model pets (pets-9), the current "
             "model: its figures on them are its own boxes, but a person corrected the label on 1 of them, so "
             "accuracy there is against a person's label; the figures on the 2 images whose boxes a person drew, "
             "and accuracy on the 3 whose labels a person gave, are given apart.")
    assert hedge in result["note"]
    assert result["note"].endswith(
        "On the 2 validation images whose boxes a person drew (accuracy: on the 3 whose labels a person gave): "
        "current model accuracy 1.000, mean IoU 0.600, IoU ≥ 0.5 1.000; new model accuracy 1.000, mean IoU 0.600, "
        "IoU ≥ 0.5 1.000.")


def test_relabelled_accepted_boxes_alone_give_accuracy_on_a_persons_labels(tmp_path, scored):
    data, images, parent, new_bundle = _setup(tmp_path)
    for image in images:
        _accept_labelled(image)
    _relabel(images[3])
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True)
    person = result["person_drawn"]
    assert (person["n_images"], person["n_labelled"]) == (0, 1)
    assert person["new"] == {"accuracy": 1.0, "mean_iou": None, "iou_ge_50": None, "iou_ge_75": None}
    assert result["note"].endswith("On the 1 validation image whose labels a person gave (every box a model's): "
                                   "current model accuracy 1.000; new model accuracy 1.000.")
