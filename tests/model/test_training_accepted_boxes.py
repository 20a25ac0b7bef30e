"""A training run records, beside meta.json ``metrics``, which scored validation images hold boxes accepted
unchanged from a model and its figures on the others (`model.training_accepted`, ADR 0013).

Before, the figures of a fine-tune were on its parent's accepted boxes as on a person's, with no word of it;
a retrain from a two-stage model (the bundled pets) scores its figures again through both stages, so the
person-drawn ones must be too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.training_accepted import KEY, accepted_record
from petloc_gui.model.training_data import Item

PARENT = "model digits (digits-7)"
META = {"version_id": "digits-8", "parent": "digits-7", "parent_version_id": "digits-7"}


def _item(relpath: str, accepted: AcceptedModels = NONE_ACCEPTED) -> Item:
    sample = Sample(Path(relpath), relpath, Path(relpath).with_suffix(".xml"), (0, 0, 10, 10), "a", accepted=accepted)
    return Item(sample, (20, 20), (0.0, 0.0, 0.5, 0.5))


def test_a_relabelled_parent_box_counts_for_accuracy_not_for_iou(_isolated_user_data):
    from .test_accepted_boxes_ancestry import store_chain

    store_chain(_isolated_user_data, ("digits-7", None))  # the parent, trained from scratch: "model x" is another
    items = [_item("drawn.png"), _item("relabelled.png", AcceptedModels({PARENT})),
             _item("kept.png", AcceptedModels({PARENT}, {PARENT})),
             _item("other.png", AcceptedModels({"model x"}, {"model x"}))]
    calls = []

    def score(part, subset):
        calls.append(([it.relpath for it in part], subset))
        return {"accuracy": 0.5, "mean_iou": 0.1, "subset": {"accuracy": 1.0, "mean_iou": 0.4, "iou_ge_50": 0.0,
                                                            "iou_ge_75": 0.0}}

    record = accepted_record(items, META, score)

    assert calls == [(["drawn.png", "relabelled.png"], {"drawn.png"})]  # one scoring, the person's boxes a subset
    assert record["person_drawn"] == {"n_images": 1, "n_labelled": 2, "accuracy": 0.5, "mean_iou": 0.4,
                                      "iou_ge_50": 0.0, "iou_ge_75": 0.0}
    assert (record["n_scored"], record["n_images"], record["parent"], record["own"]) == (4, 3, 2, 0)
    assert record["relation"] == {PARENT: "parent", "model x": "other"}
    assert record["warning"].startswith(
        "2 of the 4 scored validation images have boxes accepted unchanged from model digits (digits-7), which the "
        "new model was fine-tuned from: its figures on them flatter it, but a person corrected the label on 1 of "
        "them, so accuracy there is against a person's label; 1 of the 4 scored validation images has boxes "
        "accepted unchanged from model x: ")


def test_person_drawn_boxes_alone_give_no_record_and_score_nothing_again():
    def score(part, subset):
        raise AssertionError("nothing to score again")

    assert accepted_record([_item("a.png"), _item("b.png")], META, score) is None


@pytest.mark.slow
def test_a_retrain_keeping_a_second_stage_scores_the_person_figures_through_both(two_stage_retrain):
    from petloc_gui.model.comparison import score_model
    from petloc_gui.model.data import collect_samples

    # fine-tuned from PARENT (digits-7, the run's parent) on a folder where two of the report images (those
    # the figures are on, found as the run splits the folder) hold boxes accepted from it
    assert two_stage_retrain.accepted_from == PARENT and len(two_stage_retrain.accepted) == 2
    data, child, events = two_stage_retrain.data, two_stage_retrain.child, two_stage_retrain.events

    meta = json.loads((child / "meta.json").read_text())
    assert meta["metrics"]["split"].endswith("(first stage + refiner)")  # on every report image, both stages
    record = meta[KEY]
    assert record == events[-1][KEY]  # the done event says what meta.json records
    assert (record["n_scored"], record["n_images"], record["parent"]) == (meta["metrics"]["n_images"], 2, 2)
    person = [s for s in collect_samples(data)[0]
              if s.relpath in set(meta["validation_parts"]["report"]) - set(two_stage_retrain.accepted)]
    scores = score_model(child, person)  # both stages, as predict runs it
    assert record["person_drawn"]["n_images"] == len(person)
    assert record["person_drawn"]["mean_iou"] == pytest.approx(scores["mean_iou"])
    assert record["person_drawn"]["accuracy"] == pytest.approx(scores["accuracy"])


def test_a_mark_the_window_wrote_of_a_stored_version_counts_as_that_version(tmp_path):
    """The window marked a stored version's box "model pets <id> (<id>)", `petloc predict` "model <id>": files
    of both kinds are in users' folders. `petloc train` counts both as that version, under one name."""
    from PIL import Image

    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc
    from petloc_gui.model.data import collect_samples

    version = "pets-20261205T100354Z-2f4807"
    for stem, mark in (("old_window", f"model pets {version} ({version})"), ("cli", f"model {version}")):
        image = tmp_path / f"{stem}.png"
        Image.new("RGB", (100, 80)).save(image)
        annotation = new_annotation(image, 100, 80)
        annotation.objects.append(VocObject(name="cat", box=Box(10, 10, 50, 60), proposed_by=mark,
                                            proposed_box=Box(10, 10, 50, 60), proposed_label="cat"))
        write_voc(annotation, image.with_suffix(".xml"))  # the mark as written then, byte for byte
    assert f"model pets {version} ({version})" in (tmp_path / "old_window.xml").read_text(encoding="utf-8")
    samples = collect_samples(tmp_path)[0]
    items = [Item(sample, (20, 20), (0.0, 0.0, 0.5, 0.5)) for sample in samples]

    def score(part, subset):
        raise AssertionError("every image holds the model's own box: nothing to score again")

    record = accepted_record(items, {"version_id": version, "parent": None, "parent_version_id": None}, score)

    name = f"model {version}"
    assert (record["n_scored"], record["n_images"], record["own"]) == (2, 2, 2)
    assert (record["from"], record["relation"]) == ({name: 2}, {name: "own"})
