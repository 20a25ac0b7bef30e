"""Every count in a run's record of accepted boxes (meta.json ``metrics_accepted_boxes``) is of the images scored.

A validation image whose header reads but whose body is truncated is left out of the figures (`petloc train`
said "6 images" and its notice names it), but the record counted it: ``n_scored`` 7 beside ``metrics.n_images``
6, "4 of the 7 scored validation images" in the warning, and ``person_drawn.n_images`` 3 for figures on 2
images; `petloc models`, the status line and the Dataset panel repeated the 7.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.training_accepted import KEY, Scorer, accepted_record
from petloc_gui.model.training_data import Item

OTHER = "model x"
META = {"version_id": "digits-8", "parent": None, "parent_version_id": None}


def _item(relpath: str, accepted: AcceptedModels = NONE_ACCEPTED) -> Item:
    sample = Sample(Path(relpath), relpath, Path(relpath).with_suffix(".xml"), (0, 0, 10, 10), "a", accepted=accepted)
    return Item(sample, (20, 20), (0.0, 0.0, 0.5, 0.5))


def test_images_the_scorer_could_not_read_are_in_no_count():
    kept = AcceptedModels({OTHER}, {OTHER})  # box and label a model's
    items = [_item("drawn.png"), _item("drawn_broken.png"), _item("kept.png", kept), _item("kept_broken.png", kept),
             _item("relabelled.png", AcceptedModels({OTHER}))]
    calls = []

    def figures(part, subset):
        calls.append(([it.relpath for it in part], subset))
        return {"n_images": len(part), "accuracy": 0.5, "subset": {"n_images": 1, "mean_iou": 0.4}}

    def scored(part):
        return [it for it in part if "broken" not in it.relpath]

    record = accepted_record(items, META, Scorer(figures, scored))

    assert calls == [(["drawn.png", "relabelled.png"], {"drawn.png"})]
    assert (record["n_scored"], record["n_images"], record["from"]) == (3, 2, {OTHER: 2})
    assert (record["person_drawn"]["n_images"], record["person_drawn"]["n_labelled"]) == (1, 2)
    assert record["warning"].startswith("2 of the 3 scored validation images have boxes accepted unchanged from "
                                        "model x")


def test_no_record_when_only_unreadable_images_hold_accepted_boxes():
    def figures(part, subset):
        raise AssertionError("nothing to score")

    items = [_item("drawn.png"), _item("kept_broken.png", AcceptedModels({OTHER}, {OTHER}))]
    assert accepted_record(items, META, Scorer(figures, lambda part: part[:1])) is None


def _truncate(image: Path) -> None:
    """The image's header (it reads, so the run takes the image) without the body (its pixels do not)."""
    image.write_bytes(image.read_bytes()[:64])


@pytest.mark.slow
def test_a_run_with_an_unreadable_report_image_counts_the_images_it_scored(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.comparison import score_model
    from petloc_gui.model.data import collect_samples
    from petloc_gui.model.training import TrainConfig, train
    from petloc_gui.model.training_data import TrainingData

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=30, seed=0)
    _, report = TrainingData.collect(data, "default", [], 0.4, 0).validation_parts()
    kept, broken, *_ = sorted(it.relpath for it in report)
    xml = (data / kept).with_suffix(".xml")
    annotation = read_voc(xml)
    annotation.objects = [dataclasses.replace(o, proposed_by=OTHER, proposed_box=o.box) for o in annotation.objects]
    write_voc(annotation, xml)
    _truncate(data / broken)  # a person's box: the figures on a person's boxes are on the others
    events = []
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.4, out_dir=str(tmp_path / "run"))

    meta = json.loads((train(data, config, on_event=events.append) / "meta.json").read_text())

    assert meta["validation_parts"]["report"] == sorted(it.relpath for it in report)  # the images found above
    assert any(broken in e.get("message", "") for e in events if e["event"] == "notice")  # named as left out
    record = meta[KEY]
    assert record == events[-1][KEY]
    assert record["n_scored"] == meta["metrics"]["n_images"] == len(report) - 1
    assert (record["n_images"], record["from"]) == (1, {OTHER: 1})
    assert record["warning"].startswith(f"1 of the {len(report) - 1} scored validation images has boxes accepted")
    person = record["person_drawn"]
    assert person["n_images"] == person["n_labelled"] == len(report) - 2
    # the figures are those of the images counted: the person's readable ones, as petloc evaluate scores them
    drawn = [s for s in collect_samples(data)[0] if s.relpath in {it.relpath for it in report} - {kept, broken}]
    scores = score_model(tmp_path / "run", drawn)
    assert scores["n_images"] == person["n_images"]
    assert (person["accuracy"], person["mean_iou"]) == pytest.approx((scores["accuracy"], scores["mean_iou"]),
                                                                      abs=1e-4)
