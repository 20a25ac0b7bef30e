"""Crop-and-refine geometry: the square crop around a first-stage box, and back.

The second stage (the *refiner*) sees a square crop centred on the first
stage's box, ``margin`` times its longer side, at its own input resolution:
a small head that the whole-photo network sees at one or two cells fills
most of the refiner's input. The refiner's normalised box is in crop
coordinates; `from_crop` maps it back to the photo. Parts of a crop outside
the photo are black, in training and inference alike.

Training crops (`jittered_crop`) simulate first-stage boxes around the true
box (shifted, too large or too small, as the first stage's errors are), or
take a box a first stage really gave the photo without having trained on it,
so the refiner learns to re-centre and re-size. Numpy/OpenCV only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from petloc_gui.core.boxes import iou_arrays
from petloc_gui.model.prepare import resize_to_input

Size = tuple[int, int]
RefinerRun = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]  # batch -> (probabilities, boxes)
DEFAULT_MARGIN = 1.8
MIN_CROP_SIDE = 16.0  # pixels: a degenerate first-stage box still gives a usable crop
# Simulated first-stage errors, fitted by eye to the first stage's errors on its
# validation photos (scale mostly 0.8-1.3 of the true side, a few 0.5 or 2x;
# centre shifts mostly within 0.1 of the side, a few 0.3-0.5).
SHIFT_SIGMA, WIDE_SHIFT_SIGMA, WIDE_SHIFT_SHARE = 0.08, 0.3, 0.15
SCALE_SIGMA, SCALE_RANGE, WIDE_SCALE_SHARE = 0.2, (0.5, 2.5), 0.3
ASPECT_JITTER = 0.12
# A real first-stage box is nudged by these sigmas (of its centre's shift, as a share of its side; of
# its log scale) so that its crops vary from epoch to epoch while keeping the first stage's real error.
NUDGE_SHIFT_SIGMA, NUDGE_SCALE_SIGMA = 0.03, 0.05


@dataclass(frozen=True)
class ErrorModel:
    """How `simulated_first_box` draws first-stage boxes (defaults: the constants above).

    ``animal_share`` of the draws imitate a first stage that boxed much of the
    animal instead of its head: a box ``animal_scale`` times the head's side,
    of any aspect within +-``animal_aspect`` (log), with the head anywhere inside it.
    """

    scale_range: tuple[float, float] = SCALE_RANGE
    wide_scale_share: float = WIDE_SCALE_SHARE
    animal_share: float = 0.0
    animal_scale: tuple[float, float] = (2.0, 5.0)
    animal_aspect: float = 0.4


def crop_rect(box: np.ndarray, margin: float = DEFAULT_MARGIN) -> np.ndarray:
    """``[x0, y0, x1, y1]`` (pixels) of the square crop around ``box`` (pixels)."""
    x1, y1, x2, y2 = (float(v) for v in box)
    side = max(abs(x2 - x1), abs(y2 - y1), MIN_CROP_SIDE / margin) * margin
    cx, cy = (x1 + x2) / 2.0, (y1 + y2) / 2.0
    return np.array([cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2], np.float64)


def cut(image: np.ndarray, rect: np.ndarray, size: Size, *, parallel: bool = False) -> np.ndarray:
    """The pixels of ``rect`` (black outside the image) resized to ``size`` (width, height).

    ``rect`` is first widened to whole pixels (`_int_rect`). Its part inside the
    image is resized in place (no copy); only a rect that leaves the image gets
    black borders first. ``parallel``: see `prepare.resize_to_input`.
    """
    h, w = image.shape[:2]
    x0, y0, x1, y1 = (int(v) for v in _int_rect(rect))
    sx0, sy0, sx1, sy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if sx1 <= sx0 or sy1 <= sy0:  # wholly outside the image: all black
        return np.zeros((size[1], size[0], 3), np.uint8)
    region = image[sy0:sy1, sx0:sx1]
    border = (sy0 - y0, y1 - sy1, sx0 - x0, x1 - sx1)  # top, bottom, left, right
    if any(border):
        region = cv2.copyMakeBorder(np.ascontiguousarray(region), *border, cv2.BORDER_CONSTANT | cv2.BORDER_ISOLATED,
                                    value=(0, 0, 0))
    out = resize_to_input(region, size, parallel=parallel)
    return out.copy() if out is region and not any(border) else out  # never a view of the photo


def _int_rect(rect: np.ndarray) -> np.ndarray:
    """The pixel-aligned rectangle `cut` really takes (floor / ceil)."""
    x0, y0 = np.floor(rect[0]), np.floor(rect[1])
    x1, y1 = max(np.ceil(rect[2]), x0 + 1), max(np.ceil(rect[3]), y0 + 1)
    return np.array([x0, y0, x1, y1], np.float64)


def to_crop(box: np.ndarray, rect: np.ndarray) -> np.ndarray:
    """A pixel box as normalised coordinates of the crop ``rect`` (not clipped)."""
    r = _int_rect(rect)
    scale = np.array([r[2] - r[0], r[3] - r[1]] * 2, np.float64)
    return (np.asarray(box, np.float64) - np.array([r[0], r[1]] * 2)) / scale


def from_crop(norm_box: np.ndarray, rect: np.ndarray) -> np.ndarray:
    """A box normalised to the crop ``rect`` back in photo pixels (inverse of `to_crop`)."""
    r = _int_rect(rect)
    scale = np.array([r[2] - r[0], r[3] - r[1]] * 2, np.float64)
    return np.asarray(norm_box, np.float64) * scale + np.array([r[0], r[1]] * 2)


def simulated_first_box(box: np.ndarray, rng: np.random.Generator, errors: ErrorModel = ErrorModel()) -> np.ndarray:
    """A plausible first-stage box for the true ``box``: shifted, scaled (see `ErrorModel`)."""
    x1, y1, x2, y2 = (float(v) for v in box)
    w, h = x2 - x1, y2 - y1
    if errors.animal_share > 0 and rng.random() < errors.animal_share:
        return _animal_box(box, rng, errors)
    shift = WIDE_SHIFT_SIGMA if rng.random() < WIDE_SHIFT_SHARE else SHIFT_SIGMA
    cx = (x1 + x2) / 2 + rng.normal(0.0, shift) * w
    cy = (y1 + y2) / 2 + rng.normal(0.0, shift) * h
    low, high = np.log(errors.scale_range[0]), np.log(errors.scale_range[1])
    if rng.random() < errors.wide_scale_share:
        log_scale = rng.uniform(low, high)
    else:
        log_scale = np.clip(rng.normal(0.0, SCALE_SIGMA), low, high)
    scale = float(np.exp(log_scale))
    sw = w * scale * float(np.exp(rng.uniform(-ASPECT_JITTER, ASPECT_JITTER)))
    sh = h * scale * float(np.exp(rng.uniform(-ASPECT_JITTER, ASPECT_JITTER)))
    return np.array([cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2], np.float64)


def _animal_box(box: np.ndarray, rng: np.random.Generator, errors: ErrorModel) -> np.ndarray:
    """A box several times the head (``errors.animal_scale``) that contains the head somewhere."""
    x1, y1, x2, y2 = (float(v) for v in box)
    w, h = x2 - x1, y2 - y1
    scale = float(np.exp(rng.uniform(*np.log(errors.animal_scale))))
    aspect = float(np.exp(rng.uniform(-errors.animal_aspect, errors.animal_aspect)))
    sw, sh = max(w, w * scale * aspect), max(h, h * scale / aspect)
    cx = (x1 + x2) / 2 + rng.uniform(-1.0, 1.0) * (sw - w) / 2
    cy = (y1 + y2) / 2 + rng.uniform(-1.0, 1.0) * (sh - h) / 2
    return np.array([cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2], np.float64)


def nudged_box(box: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A real first-stage ``box`` (pixels), shifted and scaled a little (``NUDGE_*``)."""
    x1, y1, x2, y2 = (float(v) for v in box)
    w, h = x2 - x1, y2 - y1
    cx = (x1 + x2) / 2 + rng.normal(0.0, NUDGE_SHIFT_SIGMA) * w
    cy = (y1 + y2) / 2 + rng.normal(0.0, NUDGE_SHIFT_SIGMA) * h
    scale = float(np.exp(rng.normal(0.0, NUDGE_SCALE_SIGMA)))
    return np.array([cx - w * scale / 2, cy - h * scale / 2, cx + w * scale / 2, cy + h * scale / 2], np.float64)


def jittered_crop(
    image: np.ndarray, box: np.ndarray, rng: np.random.Generator, size: Size, margin: float = DEFAULT_MARGIN,
    errors: ErrorModel = ErrorModel(), first_box: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A training crop around a first-stage box: (crop image, true box in crop coordinates).

    The first-stage box is simulated around the true ``box`` (`simulated_first_box`), or,
    given ``first_box`` (pixels: a box a first stage really gave this photo without having
    trained on it), that box nudged (`nudged_box`). The target is clipped to the crop (the
    refiner cannot see past it); horizontal flips and colour jitter as in `augment.photo_augment`.
    """
    first = simulated_first_box(box, rng, errors) if first_box is None else nudged_box(first_box, rng)
    rect = crop_rect(first, margin)
    crop = cut(image, rect, size)
    target = np.clip(to_crop(box, rect), 0.0, 1.0).astype(np.float32)
    if rng.random() < 0.5:
        crop = np.ascontiguousarray(crop[:, ::-1])
        target = np.array([1 - target[2], target[1], 1 - target[0], target[3]], np.float32)
    return colour_jitter(crop, rng), target


def colour_jitter(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Brightness and contrast scaled by up to +-25%, saturation by +-30%: the ranges of the first
    stage's jitter (`augment.jitter`), with contrast about the global mean and an unweighted grey."""
    x = image.astype(np.float32)
    x *= rng.uniform(0.75, 1.25)
    mean = x.mean()
    x = (x - mean) * rng.uniform(0.75, 1.25) + mean
    gray = x.mean(axis=2, keepdims=True)
    x = (x - gray) * rng.uniform(0.7, 1.3) + gray
    return np.clip(x, 0, 255).astype(np.uint8)


def mirrored_boxes(boxes: np.ndarray) -> np.ndarray:
    """Normalised ``N x 4`` boxes of a left-right mirrored image, in the unmirrored image (and back)."""
    boxes = np.asarray(boxes)
    return np.stack([1 - boxes[:, 2], boxes[:, 1], 1 - boxes[:, 0], boxes[:, 3]], axis=1)


def crop_overlap(images: list[np.ndarray], before: np.ndarray, after: np.ndarray,
                 margin: float = DEFAULT_MARGIN) -> np.ndarray:
    """Per photo, the IoU of the crop around box ``before`` and the crop around box ``after``
    (normalised ``N x 4`` boxes).

    After a refinement pass, how far the next pass's crop would move: near 1
    the refiner would see almost the same pixels again; low (the first box was
    much too large, or off-centre) the refiner first saw the head small or at
    the crop's edge, and a pass on the new crop sees it as it was trained to.
    """
    rects = np.empty((2, len(images), 4), np.float64)
    for i, (image, a, b) in enumerate(zip(images, before, after, strict=True)):
        h, w = image.shape[:2]
        scale = np.array([w, h, w, h], np.float64)
        rects[0, i] = crop_rect(np.clip(a, 0.0, 1.0) * scale, margin)
        rects[1, i] = crop_rect(np.clip(b, 0.0, 1.0) * scale, margin)
    return iou_arrays(rects[0], rects[1])  # a crop is never empty (MIN_CROP_SIDE)


def refine(run_refiner: RefinerRun, images: list[np.ndarray], first_boxes: np.ndarray, size: Size, margin: float,
           flip: bool = False, *, parallel: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``(probabilities, boxes normalised to each photo)`` of the refiner on crops around
    ``first_boxes`` (normalised to each photo). ``run_refiner(batch) -> (probs, boxes)``.

    With ``flip`` the crops and their mirror images go to the refiner in one
    batch (2N) and both answers are averaged. ``parallel``: see `cut`.
    """
    n = len(images)
    if not n:
        return np.zeros((0, 0), np.float32), np.zeros((0, 4), np.float32)
    batch = np.empty((2 * n if flip else n, size[1], size[0], 3), np.float32)
    scales, rects = np.empty((n, 4), np.float64), []
    for i, (image, box) in enumerate(zip(images, first_boxes, strict=True)):
        h, w = image.shape[:2]
        scales[i] = (w, h, w, h)
        rect = crop_rect(np.clip(box, 0.0, 1.0) * scales[i], margin)
        rects.append(rect)
        batch[i] = cut(image, rect, size, parallel=parallel)  # uint8 -> float32 as it is copied
        if flip:  # the mirror image (cv2.flip: ~10x faster than a numpy copy of batch[i, :, ::-1])
            cv2.flip(batch[i], 1, dst=batch[n + i])
    probs, boxes = (np.asarray(a) for a in run_refiner(batch))
    if flip:
        probs_f, boxes_f = probs[n:], boxes[n:]
        probs, boxes = probs[:n], boxes[:n]
        probs, boxes = (probs + probs_f) / 2, (boxes + mirrored_boxes(boxes_f)) / 2
    out = np.empty((n, 4), np.float64)
    for i, rect in enumerate(rects):
        out[i] = from_crop(boxes[i], rect) / scales[i]
    return probs, out.astype(np.float32)
