"""The fast two-stage inference path gives what the plain one gave: same pixels, same predictions.

Reference implementations here are the straightforward versions the fast
path replaced (a black canvas copied then resized; one refiner call for the
crops and another for their mirror images; a float copy per image stacked).
"""

from __future__ import annotations

import numpy as np
import pytest

from petloc_gui.model import cascade
from petloc_gui.model.prepare import network_input, network_inputs, resize_to_input


def reference_cut(image, rect, size):
    """`cascade.cut` before the fast path: the rect's pixels pasted on a black canvas, resized."""
    h, w = image.shape[:2]
    x0, y0 = int(np.floor(rect[0])), int(np.floor(rect[1]))
    x1, y1 = max(int(np.ceil(rect[2])), x0 + 1), max(int(np.ceil(rect[3])), y0 + 1)
    canvas = np.zeros((y1 - y0, x1 - x0, 3), np.uint8)
    sx0, sy0, sx1, sy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if sx1 > sx0 and sy1 > sy0:
        canvas[sy0 - y0 : sy1 - y0, sx0 - x0 : sx1 - x0] = image[sy0:sy1, sx0:sx1]
    return resize_to_input(canvas, size)


def reference_refine(run, images, first_boxes, size, margin, flip=True):
    """`cascade.refine` before the fast path: with flip TTA two refiner calls."""
    rects, crops = [], []
    for image, box in zip(images, first_boxes, strict=True):
        h, w = image.shape[:2]
        rects.append(cascade.crop_rect(np.clip(box, 0.0, 1.0) * np.array([w, h, w, h]), margin))
        crops.append(reference_cut(image, rects[-1], size))
    batch = np.stack(crops).astype(np.float32)
    probs, boxes = run(batch)
    if flip:
        probs_f, boxes_f = run(np.ascontiguousarray(batch[:, :, ::-1]))
        unflipped = np.stack([1 - boxes_f[:, 2], boxes_f[:, 1], 1 - boxes_f[:, 0], boxes_f[:, 3]], axis=1)
        probs, boxes = (probs + probs_f) / 2, (boxes + unflipped) / 2
    out = [cascade.from_crop(b, r) / np.array([im.shape[1], im.shape[0]] * 2)
           for b, r, im in zip(boxes, rects, images, strict=True)]
    return probs, np.array(out, np.float32)


def image_dependent_runner(calls):
    """A refiner stand-in whose answer depends on the pixels (and so on the flip)."""

    def run(batch):
        calls.append(len(batch))
        columns = batch.mean(axis=(1, 3))  # N x W
        weights = columns / columns.sum(axis=1, keepdims=True)
        centre = (weights * np.linspace(0, 1, batch.shape[2])).sum(axis=1)
        boxes = np.stack([centre - 0.2, np.full_like(centre, 0.3), centre + 0.1, np.full_like(centre, 0.8)], axis=1)
        probs = np.stack([centre, 1 - centre], axis=1)
        return probs.astype(np.float32), boxes.astype(np.float32)

    return run


@pytest.mark.parametrize("parallel", [False, True])
def test_cut_gives_the_same_pixels_as_the_black_canvas(parallel):
    rng = np.random.default_rng(0)
    for k in range(300):
        h, w = (int(v) for v in rng.integers(12, 600, 2))
        image = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        xs, ys = np.sort(rng.uniform(-0.4, 1.4, 2)) * w, np.sort(rng.uniform(-0.4, 1.4, 2)) * h
        rect = cascade.crop_rect(np.array([xs[0], ys[0], xs[1], ys[1]]), rng.uniform(1.0, 2.5))
        size = [(160, 160), (64, 48), (33, 41)][k % 3]
        got = cascade.cut(image, rect, size, parallel=parallel)
        np.testing.assert_array_equal(got, reference_cut(image, rect, size), err_msg=f"{w}x{h} {rect} {size}")
    # wholly outside the photo, and a rect exactly the output size (never a view of the photo)
    image = np.full((50, 60, 3), 200, np.uint8)
    np.testing.assert_array_equal(cascade.cut(image, np.array([70.0, 60, 90, 80]), (16, 16)), 0)
    same = cascade.cut(image, np.array([10.0, 10, 26, 26]), (16, 16))
    same[:] = 0
    assert image.min() == 200


def test_the_two_thread_resize_gives_the_same_pixels():
    rng = np.random.default_rng(1)
    shapes = [(375, 500), (374, 501), (375, 501), (448, 448), (500, 224), (224, 224), (100, 80), (600, 150),
              (1200, 900), (231, 1001)]
    for h, w in shapes:
        image = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        for size in [(224, 224), (160, 160), (64, 48), (75, 75)]:
            want = resize_to_input(image, size)
            np.testing.assert_array_equal(resize_to_input(image, size, parallel=True), want, err_msg=f"{w}x{h}")
    # a region of a photo, and a mirrored view, resize like their copies
    photo = rng.integers(0, 256, (400, 600, 3), dtype=np.uint8)
    for view in (photo[31:331, 17:467], photo[:, ::-1], photo[::2]):
        want = resize_to_input(np.ascontiguousarray(view), (224, 224))
        np.testing.assert_array_equal(resize_to_input(view, (224, 224), parallel=True), want)
        np.testing.assert_array_equal(resize_to_input(view, (224, 224)), want)


def test_the_batch_is_the_stack_of_network_inputs():
    rng = np.random.default_rng(2)
    images = [rng.integers(0, 256, (h, w, 3), dtype=np.uint8) for h, w in [(375, 500), (90, 60), (224, 224)]]
    images.append(rng.integers(0, 256, (120, 80), dtype=np.uint8))  # grey
    batch = network_inputs(images, (64, 48), parallel=True)
    assert batch.dtype == np.float32
    np.testing.assert_array_equal(batch, np.stack([network_input(im, (64, 48)) for im in images]))


def test_flip_tta_is_one_refiner_call_with_the_same_answer_as_two():
    rng = np.random.default_rng(3)
    images = [rng.integers(0, 256, (h, w, 3), dtype=np.uint8) for h, w in [(375, 500), (200, 150), (64, 64)]]
    first = np.array([[0.2, 0.1, 0.6, 0.7], [-0.1, 0.3, 0.4, 1.2], [0.4, 0.4, 0.5, 0.5]], np.float32)
    calls: list[int] = []
    probs, boxes = cascade.refine(image_dependent_runner(calls), images, first, (48, 40), 1.8, flip=True,
                                  parallel=True)
    assert calls == [6]  # the crops and their mirror images in one batch
    want_probs, want_boxes = reference_refine(image_dependent_runner([]), images, first, (48, 40), 1.8)
    np.testing.assert_allclose(probs, want_probs, atol=1e-6)
    np.testing.assert_allclose(boxes, want_boxes, atol=1e-6)


@pytest.mark.parametrize("flip", ["as shipped", "the other way"])
def test_shipped_pets_model_predicts_as_the_plain_two_stage_path(flip):
    """The bundled model through the Predictor (TFLite, fast path) vs step by step (with flip TTA: two
    refiner calls; a further pass where the bundle's refine.repass_below says), with the bundle's flip TTA
    setting and with the other one."""
    import dataclasses

    from petloc_gui.model.inference import Predictor, further_passes

    predictor = Predictor("pets")
    assert predictor.refine is not None, "the bundled pets model has two stages"
    if flip == "the other way":
        predictor.refine = dataclasses.replace(predictor.refine, flip=not predictor.refine.flip)
    rng = np.random.default_rng(4)
    photos = [rng.integers(0, 256, (375, 500, 3), dtype=np.uint8), rng.integers(0, 256, (333, 250, 3), dtype=np.uint8)]
    photos[0][100:220, 180:330] = (200, 150, 90)  # something to box
    stage = predictor.refine

    def refine_boxes(some, around):  # step by step
        return reference_refine(stage.run, some, around, stage.input_size, stage.margin, flip=stage.flip)[1]

    for batch in ([photos[0]], photos):
        probs, boxes = predictor.predict_raw(batch)
        inputs = np.stack([network_input(im, predictor.input_size) for im in batch])
        first_probs, first_boxes = predictor._runner(inputs)
        want_probs, want_boxes = reference_refine(stage.run, batch, first_boxes, stage.input_size, stage.margin,
                                                  flip=stage.flip)
        # the bundle's further passes (meta.json refine.passes / repass_below)
        want_boxes = further_passes(refine_boxes, list(batch), first_boxes, want_boxes, stage.margin, stage.passes,
                                    stage.repass_below)
        np.testing.assert_allclose(probs, (first_probs + want_probs) / 2, atol=1e-5)
        np.testing.assert_allclose(boxes, want_boxes, atol=1e-5)
