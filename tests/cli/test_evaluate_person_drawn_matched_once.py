"""`petloc evaluate`'s figures on the images whose boxes a person drew (``person_drawn``, ADR 0013) come from
the match each image got for the main figures (`core.metrics.best_gt_match`): before, `accepted_report`
matched the person-drawn images and the person-labelled ones again, three matches on such an image."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, write_voc
from tests.cli.helpers import (
    BLUE,
    RED,
    assert_clean_errors,
    bundle_with_meta,
    counted_matches,
    last_json,
    run_cli,
    voc_xml,
    write_image,
)

# the tiny model (classes cat, dog): red images are cat, blue ones dog, its box [16, 16, 48, 28] on 64x32
W, H = 64, 32
MODEL_BOX = (16, 16, 48, 28)
TINY = "model tiny (tiny-1)"  # the model evaluated, as a box accepted from it names it
OTHER = "model other (other-7)"


@pytest.fixture
def model(tiny_bundle, tmp_path):
    return bundle_with_meta(tiny_bundle, tmp_path, version_id="tiny-1",
                            splits={"train": ["elsewhere.png"], "validation": [], "test": []})


def _drawn(folder, stem, colour, objects):
    """An image whose boxes a person drew (no provenance: labelImg's file)."""
    write_image(folder / f"{stem}.png", W, H, colour)
    (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")


def _accepted(folder, stem, colour, objects):
    """An image with ``objects`` [(label, box, model it was accepted from or None, the model's label)]."""
    image = write_image(folder / f"{stem}.png", W, H, colour)
    annotation = new_annotation(image, W, H)
    for name, box, accepted_from, proposed_label in objects:
        annotation.objects.append(VocObject(name=name, box=Box(*box), proposed_by=accepted_from,
                                            proposed_box=Box(*box) if accepted_from else None,
                                            proposed_label=proposed_label))
    write_voc(annotation, folder / f"{stem}.xml")


def _folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    _drawn(folder, "drawn", RED, [("cat", (0, 16, 32, 28))])  # right, IoU 1/3
    # two objects: the model's dog matched to the dog (28 x 12 of its 32 x 12 box: IoU 0.875), right
    _drawn(folder, "two", BLUE, [("cat", (0, 0, 8, 8)), ("dog", (16, 16, 44, 28))])
    _drawn(folder, "lion", RED, [("lion", MODEL_BOX)])  # a label the model does not know: wrong, IoU 0
    # drawn as if on a 640x320 image: clamped to (16, 16, 64, 32), IoU 384 / 768 = 0.5, right
    _drawn(folder, "clamped", RED, [("cat", (16, 16, 480, 280))])
    _accepted(folder, "own", RED, [("cat", MODEL_BOX, TINY, "cat")])  # the model's own: right, IoU 1
    _accepted(folder, "fixed", RED, [("dog", MODEL_BOX, TINY, "cat")])  # relabelled: a person's label, wrong
    _accepted(folder, "other", BLUE, [("dog", MODEL_BOX, OTHER, "dog")])  # another model's
    # an accepted box beside one a person drew: the image holds a model's box
    _accepted(folder, "beside", RED, [("cat", MODEL_BOX, TINY, "cat"), ("dog", (0, 0, 8, 8), None, None)])
    return folder


def test_person_drawn_figures_come_from_the_one_match_of_each_image(tmp_path, model, capsys, monkeypatch):
    folder = _folder(tmp_path)
    matched = counted_matches(monkeypatch)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    # one match an image: before, a person-drawn image was matched three times, a relabelled one twice
    assert matched == {"cat": 3, "cat,dog": 2, "lion": 1, "dog": 2}
    assert sum(matched.values()) == 8
    report = last_json(out)
    assert report["n_images"] == 8 and report["n_boxes_clamped"] == 1
    assert (report["n_accepted"], report["n_accepted_own"]) == (4, 3)
    assert report["accepted_from"] == {OTHER: 1, TINY: 3}
    assert report["unknown_labels"] == {"lion": 1}
    # the person's boxes: IoU 1/3, 0.875, 0, 0.5; accuracy on those and the relabelled one: 3 of 5
    person = report["person_drawn"]
    ious = sorted([1 / 3, 0.875, 0.0, 0.5])
    assert (person["n_images"], person["n_labelled"]) == (4, 5)
    assert person["accuracy"] == 0.6
    assert person["mean_iou"] == pytest.approx(sum(ious) / 4, abs=2e-3)
    assert person["median_iou"] == pytest.approx((ious[1] + ious[2]) / 2, abs=2e-3)
    assert (person["iou_ge_50"], person["iou_ge_75"]) == (0.5, 0.25)
    assert ("the figures on the 4 images whose boxes a person drew, and accuracy on the 5 whose labels a person "
            "gave, are given apart (the person line; --json person_drawn)") in "\n".join(assert_clean_errors(err))

    code, out, _ = run_cli(capsys, "evaluate", folder, "--model", model)
    assert code == 0
    assert (f"person     4 images with boxes a person drew: accuracy 0.600 (on 5 with labels a person gave)   "
            f"mean IoU {person['mean_iou']:.3f}   IoU>=0.5 0.500   IoU>=0.75 0.250") in out.splitlines()
