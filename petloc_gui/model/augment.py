"""Box-aware augmentation: boxes are normalised [xmin, ymin, xmax, ymax] in [0, 1].

``photo`` (the pets preset) runs inside the tf.data pipeline, from the
library where one does the job. First, for the preset's ``zoom_out`` share of
photos, `zoom_out` shrinks the photo onto a canvas of its own size (small
heads become common; a resize and a border, tested with a drawn rectangle).
The crop is
``tf.image.stateless_sample_distorted_bounding_box`` with
``min_object_covered=1`` (a random crop that keeps the whole box). The flip and the box
arithmetic of crop and flip are a few lines here, tested against a drawn
rectangle. Its last step is `prepare.resize_to_input`, the same resize as
inference, followed by the colour jitter: brightness, ``tf.image.adjust_contrast``
and a saturation blend with ``tf.image.rgb_to_grayscale``, composed into one
3x3 colour matrix (`colour_matrix`; a test checks it against those tf.image
ops) because as separate TensorFlow ops they cost more CPU per image than
the decode of a cached photo.

``digits`` cuts the boxed digit out and pastes it anywhere on a fresh black
canvas (ADR 0002): no library does that, so it is numpy/OpenCV, with a test.

Randomness is stateless: each element gets its own seed (the split seed and
its position in the stream), so a run is reproducible whatever the number of
parallel calls.
"""

from __future__ import annotations

import cv2
import numpy as np

from petloc_gui.model.prepare import resize_to_input
from petloc_gui.model.untyped import Tensor

Size = tuple[int, int]
CROP_PROBABILITY = 0.85
CROP_AREA_RANGE = (0.3, 1.0)
CROP_ASPECT_RANGE = (0.6, 1.67)
# Zoom-out ("expand" in SSD): a share of photos (the preset's ``zoom_out``) is shrunk by a
# factor in this range and pasted at a random place on a canvas of its own size filled
# with its mean colour, so small heads, on which the box regressed too large, are common.
ZOOM_OUT_RANGE = (1.0, 2.5)


def normalise(box: np.ndarray, width: float, height: float) -> np.ndarray:
    b = np.asarray(box, dtype=np.float32) / np.array([width, height, width, height], np.float32)
    return np.clip(b, 0.0, 1.0)


def resize_plain(image: np.ndarray, box: np.ndarray, size: Size) -> tuple[np.ndarray, np.ndarray]:
    """No augmentation: the network input and the box (pixels) normalised by the image size."""
    h, w = image.shape[:2]
    return resize_to_input(image, size), normalise(box, w, h)


def digits_replace(
    image: np.ndarray, box: np.ndarray, rng: np.random.Generator, size: Size
) -> tuple[np.ndarray, np.ndarray]:
    """Cut the boxed digit out (box in pixels), jitter it slightly, paste it anywhere on a black canvas.

    The box stays the pasted square, as in the original data; each call gives
    a new placement, so every epoch sees new canvases. Returns the canvas
    (network-sized uint8) and the normalised box.
    """
    h, w = image.shape[:2]
    x1, y1, x2, y2 = np.round(np.asarray(box, dtype=np.float64)).astype(int)
    x1, y1 = max(0, x1), max(0, y1)
    x2, y2 = min(w, x2), min(h, y2)
    patch = image[y1:y2, x1:x2]
    if patch.size == 0:
        return resize_plain(image, box, size)
    ph, pw = patch.shape[:2]
    angle = rng.uniform(-10.0, 10.0)
    scale = rng.uniform(0.9, 1.1)
    matrix = np.asarray(cv2.getRotationMatrix2D((pw / 2.0, ph / 2.0), angle, scale), dtype=np.float64)
    matrix[:, 2] += rng.uniform(-1.0, 1.0, size=2)
    patch = cv2.warpAffine(np.ascontiguousarray(patch), matrix, (pw, ph), flags=cv2.INTER_LINEAR, borderValue=0)
    if patch.ndim == 2:
        patch = patch[:, :, None]
    canvas_w, canvas_h = size
    scale_xy = min(1.0, canvas_w / pw, canvas_h / ph)
    if scale_xy < 1.0:
        patch = cv2.resize(patch, (max(1, int(pw * scale_xy)), max(1, int(ph * scale_xy))))
        ph, pw = patch.shape[:2]
    px = int(rng.integers(0, canvas_w - pw + 1))
    py = int(rng.integers(0, canvas_h - ph + 1))
    canvas = np.zeros((canvas_h, canvas_w, 3), dtype=np.uint8)
    canvas[py : py + ph, px : px + pw] = patch.reshape(ph, pw, -1)
    return canvas, normalise(np.array([px, py, px + pw, py + ph]), canvas_w, canvas_h)


def crop_box(box: Tensor, offset_yx: Tensor, crop_hw: Tensor, image_hw: Tensor) -> Tensor:
    """The normalised box after cropping ``crop_hw`` pixels at ``offset_yx`` (TensorFlow ops)."""
    import tensorflow as tf

    h, w = tf.cast(image_hw[0], tf.float32), tf.cast(image_hw[1], tf.float32)
    oy, ox = tf.cast(offset_yx[0], tf.float32), tf.cast(offset_yx[1], tf.float32)
    ch, cw = tf.cast(crop_hw[0], tf.float32), tf.cast(crop_hw[1], tf.float32)
    x1 = (box[0] * w - ox) / cw
    y1 = (box[1] * h - oy) / ch
    x2 = (box[2] * w - ox) / cw
    y2 = (box[3] * h - oy) / ch
    return tf.clip_by_value(tf.stack([x1, y1, x2, y2]), 0.0, 1.0)


def flip_box(box: Tensor) -> Tensor:
    """The normalised box of a left-right mirrored image."""
    import tensorflow as tf

    return tf.stack([1.0 - box[2], box[1], 1.0 - box[0], box[3]])


def photo_augment(image: Tensor, box: Tensor, seed: Tensor, size: Size,
                  zoom_out_share: float = 0.0) -> tuple[Tensor, Tensor]:
    """Random zoom-out (a ``zoom_out_share`` of calls), box-keeping crop, flip, resize to
    ``size``, colour jitter (graph ops; zoom-out, resize and jitter through ``tf.numpy_function``).

    ``image``: H x W x 3 uint8; ``box``: normalised [x1, y1, x2, y2];
    ``seed``: int64 [2]. Returns (float32 network input 0..255, normalised box).
    """
    import tensorflow as tf

    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), 6)
    if zoom_out_share > 0:  # its own seed: the other draws stay what they were without it
        draws = tf.random.stateless_uniform([4], tf.random.experimental.stateless_fold_in(
            tf.cast(seed, tf.int64), 7))
        image, box = tf.numpy_function(lambda im, b, d: zoom_out(im, b, d, zoom_out_share), [image, box, draws],
                                       (tf.uint8, tf.float32), stateful=False)
        image, box = tf.ensure_shape(image, (None, None, 3)), tf.ensure_shape(box, (4,))
    shape = tf.shape(image)
    tf_box = tf.reshape(tf.stack([box[1], box[0], box[3], box[2]]), [1, 1, 4])
    begin, crop_size, _ = tf.image.stateless_sample_distorted_bounding_box(
        shape, tf_box, seed=seeds[0], min_object_covered=1.0, aspect_ratio_range=CROP_ASPECT_RANGE,
        area_range=CROP_AREA_RANGE, max_attempts=20, use_image_if_no_bounding_boxes=True)
    crop = tf.random.stateless_uniform([], seeds[1]) < CROP_PROBABILITY
    begin = tf.where(crop, begin, tf.zeros_like(begin))
    crop_size = tf.where(crop, crop_size, shape)
    image = tf.slice(image, begin, crop_size)
    box = crop_box(box, begin[:2], crop_size[:2], shape[:2])
    if_flip = tf.random.stateless_uniform([], seeds[2]) < 0.5
    image = tf.cond(if_flip, lambda: tf.reverse(image, axis=[1]), lambda: image)
    box = tf.cond(if_flip, lambda: flip_box(box), lambda: box)
    width, height = size
    factors = tf.stack([tf.random.stateless_uniform([], seeds[3], 0.75, 1.25),  # brightness
                        tf.random.stateless_uniform([], seeds[4], 0.75, 1.25),  # contrast
                        tf.random.stateless_uniform([], seeds[5], 0.7, 1.3)])  # saturation
    image = tf.numpy_function(lambda im, f: resize_and_jitter(im, f, size), [image, factors], tf.float32,
                              stateful=False)
    return tf.ensure_shape(image, (height, width, 3)), box


def zoom_out(image: np.ndarray, box: np.ndarray, draws: np.ndarray,
             probability: float) -> tuple[np.ndarray, np.ndarray]:
    """With ``probability``, the photo shrunk by a factor in `ZOOM_OUT_RANGE` (log-uniform)
    and pasted on a canvas of its size in its mean colour.

    ``draws``: four uniforms in [0, 1) (apply?, factor, x place, y place); ``box``
    normalised. Returns (canvas uint8, its normalised box).
    """
    if draws[0] >= probability:
        return image, box.astype(np.float32)
    low, high = ZOOM_OUT_RANGE
    factor = float(np.exp(np.log(low) + draws[1] * (np.log(high) - np.log(low))))
    h, w = image.shape[:2]
    nw, nh = max(1, round(w / factor)), max(1, round(h / factor))
    ox, oy = int(draws[2] * (w - nw + 1)) if w > nw else 0, int(draws[3] * (h - nh + 1)) if h > nh else 0
    ox, oy = min(ox, w - nw), min(oy, h - nh)
    fill = [round(v) for v in cv2.mean(image)[:3]]
    small = cv2.resize(image, (nw, nh), interpolation=cv2.INTER_AREA)
    # the border call builds the canvas in one pass (a numpy fill of a colour is 10x slower)
    canvas = cv2.copyMakeBorder(small, oy, h - nh - oy, ox, w - nw - ox, cv2.BORDER_CONSTANT, value=fill)
    x1, y1, x2, y2 = (float(v) for v in box)
    placed = [(x1 * nw + ox) / w, (y1 * nh + oy) / h, (x2 * nw + ox) / w, (y2 * nh + oy) / h]
    return canvas, np.array(placed, np.float32)


# tf.image.rgb_to_grayscale's weights: the saturation blend is towards this grey.
GREY_WEIGHTS = np.array([0.2989, 0.5870, 0.1140], np.float64)


def colour_matrix(brightness: float, contrast: float, saturation: float,
                  channel_means: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(M 3x3, offset 3)`` with ``M @ rgb + offset`` = brightness, then contrast, then saturation.

    The three are the tf.image steps in this order: ``x * brightness``;
    ``tf.image.adjust_contrast`` (each channel's mean kept); a blend with
    ``tf.image.rgb_to_grayscale`` of the result. All three are linear in the
    pixel, so they compose into one affine colour transform (one pass over
    the pixels instead of a dozen TensorFlow ops per image: issue 8's input
    cost). ``channel_means``: the per-channel means of the image before.
    """
    grey = np.outer(np.ones(3), GREY_WEIGHTS)
    towards_grey = saturation * np.eye(3) + (1.0 - saturation) * grey
    matrix = contrast * brightness * towards_grey
    offset = (1.0 - contrast) * brightness * towards_grey @ np.asarray(channel_means, np.float64)
    return matrix, offset


def resize_and_jitter(image: np.ndarray, factors: np.ndarray, size: Size) -> np.ndarray:
    """`prepare.resize_to_input`, then the colour jitter of ``factors`` (brightness, contrast,
    saturation): float32 0..255, clipped."""
    small = resize_to_input(image, size)
    brightness, contrast, saturation = (float(f) for f in factors)
    matrix, offset = colour_matrix(brightness, contrast, saturation, np.asarray(cv2.mean(small)[:3]))
    out = cv2.transform(small.astype(np.float32), np.hstack([matrix, offset[:, None]]).astype(np.float32))
    return np.clip(out, 0.0, 255.0, out=out)
