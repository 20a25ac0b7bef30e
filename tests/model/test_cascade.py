"""Crop-and-refine: crop geometry, training crops, and two-stage bundles through the Predictor."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from petloc_gui.core.boxes import iou_arrays
from petloc_gui.model import cascade
from petloc_gui.model.bundle import REFINE_FILE, BundleError, load_bundle
from petloc_gui.model.bundle_write import save_bundle
from petloc_gui.model.inference import Predictor

from .conftest import KNOWN_BOX, bundle_meta, constant_model


def test_crop_geometry_round_trips_and_cuts_the_right_pixels():
    image = np.zeros((100, 200, 3), np.uint8)
    image[40:60, 120:140] = 255  # a white square [120, 40, 140, 60]
    box = np.array([120.0, 40.0, 140.0, 60.0])
    rect = cascade.crop_rect(box, margin=2.0)
    assert rect.tolist() == [110.0, 30.0, 150.0, 70.0]  # square, twice the side, same centre
    inside = cascade.to_crop(box, rect)
    assert inside.tolist() == pytest.approx([0.25, 0.25, 0.75, 0.75])
    assert cascade.from_crop(inside, rect).tolist() == pytest.approx(box.tolist())
    crop = cascade.cut(image, rect, (40, 40))
    assert crop[20, 20].tolist() == [255, 255, 255] and crop[2, 2].tolist() == [0, 0, 0]
    # a crop past the border is black there, not stretched
    edge = cascade.cut(np.full((10, 10, 3), 200, np.uint8), np.array([-10.0, -10.0, 10.0, 10.0]), (20, 20))
    assert edge[0, 0].tolist() == [0, 0, 0] and edge[15, 15].tolist() == [200, 200, 200]


def test_jittered_crops_vary_and_their_targets_stay_in_the_crop():
    rng = np.random.default_rng(0)
    image = np.full((300, 400, 3), 90, np.uint8)
    box = np.array([150.0, 100.0, 230.0, 190.0])
    targets = []
    for _ in range(50):
        crop, target = cascade.jittered_crop(image, box, rng, (64, 64))
        assert crop.shape == (64, 64, 3) and crop.dtype == np.uint8
        assert np.all((target >= 0) & (target <= 1)) and target[0] < target[2] and target[1] < target[3]
        targets.append(target)
    targets = np.array(targets)
    assert targets.std(axis=0).min() > 0.02  # first-stage errors are simulated, not a fixed crop
    centre = (targets[:, :2] + targets[:, 2:]) / 2
    assert np.abs(centre.mean(axis=0) - 0.5).max() < 0.1  # the object stays near the middle on average



def test_wider_error_model_draws_animal_sized_boxes_that_contain_the_head():
    box = np.array([100.0, 100.0, 150.0, 150.0])  # a 50-pixel head

    def long_sides(errors, n=2000):
        rng = np.random.default_rng(1)
        boxes = np.array([cascade.simulated_first_box(box, rng, errors) for _ in range(n)])
        return boxes, np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]) / 50

    _, default = long_sides(cascade.ErrorModel())
    assert default.max() < 3.0  # the shipped simulation: at most 2.5x (+ aspect jitter)
    animal = cascade.ErrorModel(scale_range=(0.5, 4.0), animal_share=1.0)
    boxes, sides = long_sides(animal)
    assert sides.min() >= 2.0 * np.exp(-animal.animal_aspect) - 1e-9 and np.median(sides) > 3.0
    # the head lies inside every animal box, not always in its middle
    assert np.all(boxes[:, :2] <= box[:2] + 1e-9) and np.all(boxes[:, 2:] >= box[2:] - 1e-9)
    centres = (boxes[:, :2] + boxes[:, 2:]) / 2 - 125
    assert np.abs(centres).mean() > 20


def test_refiner_training_crops_follow_the_configured_error_model():
    from petloc_gui.model.refine_training import RefineConfig, _batches

    images = [np.full((300, 400, 3), 90, np.uint8)] * 4
    boxes = np.array([[150.0, 100.0, 230.0, 180.0]] * 4)
    labels = np.zeros(4, np.int64)

    def mean_target_side(config):
        batch = next(_batches(images, boxes, labels, config))
        assert batch[0].shape == (config.batch_size, 32, 32, 3)
        targets = batch[1][1]
        return float(np.mean(targets[:, 2:] - targets[:, :2]))

    small = dict(input_size=(32, 32), batch_size=16, crops_per_photo=4)
    shipped = mean_target_side(RefineConfig(**small))
    animal = mean_target_side(RefineConfig(**small, scale_range=(0.5, 4.0), animal_share=1.0))
    assert RefineConfig().error_model() == cascade.ErrorModel()  # the defaults are the shipped recipe
    assert animal < 0.6 * shipped  # crops around animal-sized boxes: the head fills less of the crop
    # the shipped recipe's crops, pinned: its first three targets as the code before real first boxes drew them
    first = next(_batches(images, boxes, labels, RefineConfig(**small)))[1][1][:3]
    assert np.allclose(first, [[0.342105, 0.381579, 0.605263, 0.644737], [0.25625, 0.19375, 0.75625, 0.69375],
                               [0.245033, 0.24, 0.774834, 0.773333]], atol=1e-5)


def test_nudged_real_first_boxes_keep_their_error_and_vary():
    rng = np.random.default_rng(0)
    real = np.array([100.0, 50.0, 400.0, 350.0])  # a first box three times the head's side, say
    nudged = np.stack([cascade.nudged_box(real, rng) for _ in range(200)])
    ious = iou_arrays(nudged, np.repeat(real[None], 200, axis=0))
    assert ious.min() > 0.65 and ious.mean() > 0.85  # near the real box, whose error stays
    assert np.std(nudged[:, 0]) > 1.0  # not the same crop every epoch


def test_refiner_training_crops_follow_the_real_first_boxes_they_are_given():
    from petloc_gui.model.refine_training import RefineConfig, _batches

    images = [np.full((600, 800, 3), 90, np.uint8)] * 4
    boxes = np.array([[350.0, 250.0, 430.0, 330.0]] * 4)  # an 80 px head
    large = np.array([[190.0, 90.0, 590.0, 490.0]] * 4)  # its real first box: 5x its side, same centre
    labels = np.zeros(4, np.int64)
    small = dict(input_size=(32, 32), batch_size=16, crops_per_photo=4)

    def target_sides(config, first_boxes):
        targets = next(_batches(images, boxes, labels, config, first_boxes))[1][1]
        return targets[:, 2] - targets[:, 0]

    # every crop around the 5x box: the head is 1 / (5 * margin) of the crop, nudged a little
    real = target_sides(RefineConfig(**small, real_first_share=1.0), large)
    assert np.allclose(real, 1 / (5 * cascade.DEFAULT_MARGIN), rtol=0.25)
    # no share, or no box for the photo (NaN): the simulated first boxes, as without real boxes
    simulated = target_sides(RefineConfig(**small), None)
    assert np.array_equal(target_sides(RefineConfig(**small), large), simulated)
    assert np.array_equal(target_sides(RefineConfig(**small, real_first_share=1.0), np.full((4, 4), np.nan)),
                          simulated)
    assert simulated.mean() > 2 * real.mean()


def test_real_first_boxes_are_read_by_relative_path_into_each_photos_pixels():
    from petloc_gui.model.refine_training import real_first_pixels

    images = [np.zeros((300, 400, 3), np.uint8), np.zeros((500, 200, 3), np.uint8), np.zeros((10, 10, 3), np.uint8)]
    boxes = {"images/a.jpg": [0.1, 0.2, 0.5, 0.6], "images/b.jpg": [-0.1, 0.5, 0.5, 1.2], "images/x.jpg": [0, 0, 1, 1]}
    pixels = real_first_pixels(["images/a.jpg", "images/b.jpg", "images/c.jpg"], images, boxes)
    assert np.allclose(pixels[0], [40, 60, 200, 180])  # x by the width (400), y by the height (300)
    assert np.allclose(pixels[1], [0, 250, 100, 500])  # clipped to the photo, as inference clips
    assert np.isnan(pixels[2]).all()  # no box for this photo
    assert np.isnan(real_first_pixels(["images/a.jpg"], images[:1], None)).all()

@pytest.fixture
def two_stage_bundle(tmp_path):
    """Stage 1 predicts KNOWN_BOX; the refiner always answers the central half of its crop, class 0."""
    folder = save_bundle(constant_model(), bundle_meta(), tmp_path / "two")
    constant_model(input_size=(32, 32), box=(0.25, 0.25, 0.75, 0.75), favourite=0).save(folder / REFINE_FILE)
    meta = json.loads((folder / "meta.json").read_text())
    meta["refine"] = {"model_file": REFINE_FILE, "input_size": [32, 32], "margin": 2.0, "flip_tta": False}
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder


def test_two_stage_bundle_refines_the_box_and_merges_the_classes(two_stage_bundle):
    predictor = Predictor(two_stage_bundle)
    assert predictor.refine is not None and predictor.refine.input_size == (32, 32)
    (pred,) = predictor.predict_images([np.zeros((100, 200, 3), np.uint8)])
    x0, y0, x1, y1 = np.array(KNOWN_BOX) * [200, 100, 200, 100]  # stage 1: [50, 10, 150, 60]
    side = max(x1 - x0, y1 - y0)  # the refiner's answer: a square of the longer side, same centre
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    assert pred.box.as_tuple() == pytest.approx((cx - side / 2, max(0.0, cy - side / 2), cx + side / 2,
                                                 min(100.0, cy + side / 2)), abs=1.0)
    # stage 1 says dog (0.88), the refiner cat (0.88): the mean is a tie
    assert pred.probabilities["cat"] == pytest.approx(0.5, abs=1e-4)


def test_flip_tta_keeps_a_symmetric_answer(two_stage_bundle):
    meta_path = two_stage_bundle / "meta.json"
    meta = json.loads(meta_path.read_text())
    plain = Predictor(two_stage_bundle).predict_images([np.zeros((100, 200, 3), np.uint8)])[0]
    meta["refine"]["flip_tta"] = True
    meta_path.write_text(json.dumps(meta))
    flipped = Predictor(two_stage_bundle).predict_images([np.zeros((100, 200, 3), np.uint8)])[0]
    assert flipped.box.as_tuple() == pytest.approx(plain.box.as_tuple(), abs=1e-3)


def test_missing_refiner_file_fails_clearly(two_stage_bundle):
    (two_stage_bundle / REFINE_FILE).unlink()
    with pytest.raises(BundleError, match=r"refine\.keras"):
        load_bundle(two_stage_bundle)


def test_single_stage_bundle_has_no_refiner(constant_bundle):
    assert load_bundle(constant_bundle).refiner is None
    assert Predictor(constant_bundle).refine is None


def test_a_retrained_bundle_keeps_its_parents_refiner(two_stage_bundle, tmp_path):
    from petloc_gui.model.carried_refiner import carried_refiner

    parent = load_bundle(two_stage_bundle)
    carried = carried_refiner(parent, bundle_meta()["class_names"])
    assert carried is not None and REFINE_FILE in carried.files
    child = save_bundle(constant_model(), {**bundle_meta(), "refine": carried.meta}, tmp_path / "child",
                        extra_files=carried.files)
    assert load_bundle(child).refiner is not None
    assert carried_refiner(parent, ("a", "b", "c")) is None  # other classes: the refiner's class head would not fit


def test_a_bundle_is_complete_when_it_appears_and_a_failed_copy_leaves_nothing(two_stage_bundle, tmp_path,
                                                                               monkeypatch):
    """The refiner was copied into the bundle after it was renamed into place: `petloc models` listed a
    half-copied bundle as a single-stage model, and a full disk left one behind naming the parent's file."""
    import errno
    import shutil

    from petloc_gui.model import bundle_write
    from petloc_gui.model.carried_refiner import carried_refiner

    carried = carried_refiner(load_bundle(two_stage_bundle), bundle_meta()["class_names"])
    seen = []
    real_replace = bundle_write.os.replace

    def replace(src, dst):  # the rename that makes the bundle visible: it holds everything already
        if Path(dst) == tmp_path / "store" / "child":
            seen.append(sorted(p.name for p in Path(src).iterdir()))
        return real_replace(src, dst)

    monkeypatch.setattr(bundle_write.os, "replace", replace)
    save_bundle(constant_model(), {**bundle_meta(), "refine": carried.meta}, tmp_path / "store" / "child",
                extra_files=carried.files)
    assert seen and REFINE_FILE in seen[0] and "meta.json" in seen[0]

    def full_disk(src, dst, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(src))

    monkeypatch.setattr(shutil, "copy2", full_disk)
    with pytest.raises(BundleError) as failed:
        save_bundle(constant_model(), {**bundle_meta(), "refine": carried.meta}, tmp_path / "full" / "child",
                    extra_files=carried.files)
    assert str(two_stage_bundle) not in str(failed.value) and "No space left" in str(failed.value)
    assert str(tmp_path / "full" / "child") in str(failed.value)
    assert list((tmp_path / "full").iterdir()) == []  # nothing a store would list


def test_mirrored_boxes_match_a_mirrored_drawn_rectangle_and_go_back():
    image = np.zeros((40, 100, 3), np.uint8)
    image[5:15, 10:30] = 255  # x 10..30 of 100, y 5..15 of 40
    box = np.array([[0.10, 5 / 40, 0.30, 15 / 40]])
    mirrored = cascade.mirrored_boxes(box)
    columns = np.flatnonzero(image[:, ::-1].any(axis=(0, 2)))
    np.testing.assert_allclose(mirrored[0, [0, 2]], [columns[0] / 100, (columns[-1] + 1) / 100])
    np.testing.assert_allclose(mirrored[0, [1, 3]], box[0, [1, 3]])
    np.testing.assert_allclose(cascade.mirrored_boxes(mirrored), box)


def test_the_refiner_variant_is_chosen_within_the_crop_budget():
    from petloc_gui.model.refiner_variants import REPASS_BELOW, Variant, best_variant

    def chosen(figures, budget, share=0.1):
        variants = {k: {"mean_iou": v} for k, v in figures.items()}
        if "cascade_repass" in variants:
            variants["cascade_repass"]["repass_share"] = share
        v = best_variant({"validation_variants": variants}, budget=budget)
        return v.key, v.flip, v.passes

    figures = {"cascade": 0.80, "cascade_flip": 0.85, "cascade_twice": 0.83}
    assert chosen(figures, 1) == ("cascade", False, 1)
    assert chosen(figures, 2) == ("cascade_flip", True, 1)
    figures["cascade_flip"] = 0.80  # a tie with the cheaper variant: the cheaper one
    assert chosen(figures, 4) == ("cascade_twice", False, 2)
    figures["cascade_twice"] = 0.80
    assert chosen(figures, 4) == ("cascade", False, 1)
    # a conditional second pass costs the share of photos that get it
    figures |= {"cascade_twice": 0.83, "cascade_repass": 0.83}
    assert chosen(figures, 1.25, share=0.1) == ("cascade_repass", False, 2)
    assert chosen(figures, 1.25, share=0.4) == ("cascade", False, 1)  # over the budget
    assert chosen(figures, 4, share=0.1) == ("cascade_repass", False, 2)  # as good as twice, cheaper
    assert best_variant({"validation_variants": {k: {"mean_iou": v, "repass_share": 0.1}
                                                  for k, v in figures.items()}}, 1.25) == \
        Variant("cascade_repass", False, 2, REPASS_BELOW)
    figures["cascade"] = 0.83  # no validation photo refined again: the same boxes, the same cost
    assert chosen(figures, 1.25, share=0.0) == ("cascade_repass", False, 2)
    assert chosen(figures, 1.25, share=0.1) == ("cascade", False, 1)  # same figure, cheaper


def test_crop_overlap_is_one_for_the_same_box_and_falls_as_the_crop_moves():
    images = [np.zeros((100, 200, 3), np.uint8)] * 3
    box = np.array([0.25, 0.2, 0.5, 0.6])
    before = np.stack([box, box, box])
    smaller = np.array([0.3, 0.3, 0.4, 0.5])  # 20 x 20 px vs 50 x 40: its crop lies inside the other
    shifted = box + np.array([0.1, 0, 0.1, 0])
    overlap = cascade.crop_overlap(images, before, np.stack([box, smaller, shifted]))
    assert overlap[0] == pytest.approx(1.0)
    assert overlap[1] == pytest.approx((20 / 50) ** 2)  # square crops of 1.8 x the longer side
    assert 0.3 < overlap[2] < 1.0


class _CountingRefiner:
    """A refiner that answers the head box a well-placed crop shows (cascade.DEFAULT_MARGIN) for a
    dark crop, and a box of a tenth of the crop for a bright one; it records each batch's size."""

    def __init__(self):
        self.batches: list[int] = []

    def __call__(self, batch):
        self.batches.append(len(batch))
        half = 0.5 / cascade.DEFAULT_MARGIN
        boxes = np.array([[0.45, 0.45, 0.55, 0.55] if crop.mean() > 128 else
                          [0.5 - half, 0.5 - half, 0.5 + half, 0.5 + half] for crop in batch], np.float32)
        return np.full((len(batch), 2), 0.5, np.float32), boxes


def test_a_second_pass_refines_only_the_photos_whose_crop_moved():
    from petloc_gui.model.inference import RefineStage

    photos = [np.full((200, 200, 3), 255, np.uint8), np.zeros((200, 200, 3), np.uint8)]
    first = np.array([[0.3, 0.3, 0.7, 0.7]] * 2, np.float32)
    probs = np.full((2, 2), 0.5, np.float32)
    run = _CountingRefiner()
    stage = RefineStage(run, (32, 32), cascade.DEFAULT_MARGIN, flip=False, passes=2, repass_below=0.6)
    _, boxes = stage(photos, probs, first)
    assert run.batches == [2, 1]  # the bright photo's box shrank 10x: only its crop moved
    np.testing.assert_allclose(boxes[1], first[1], atol=0.01)  # the dark photo's box stayed
    side = (boxes[0, 2] - boxes[0, 0]) * 200
    assert side < 0.1 * cascade.DEFAULT_MARGIN * 0.4 * 200 * 0.5  # shrunk again on the new crop
    run = _CountingRefiner()
    RefineStage(run, (32, 32), cascade.DEFAULT_MARGIN, flip=False, passes=1, repass_below=0.6)(photos, probs, first)
    assert run.batches == [2]
    run = _CountingRefiner()
    RefineStage(run, (32, 32), cascade.DEFAULT_MARGIN, flip=False, passes=3, repass_below=0.6)(photos, probs, first)
    assert run.batches == [2, 1, 1]  # the bright photo's crop keeps moving; the dark one never
