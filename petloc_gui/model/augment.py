"""Box-aware augmentation: boxes are normalised [xmin, ymin, xmax, ymax] in [0, 1].

``photo`` (the pets preset) runs inside the tf.data pipeline, from the
library where one does the job. First, for the preset's ``zoom_out`` share of
photos, `zoom_placement` shrinks the photo onto a canvas of its own size
(small heads become common). The crop is
``tf.image.stateless_sample_distorted_bounding_box`` with
``min_object_covered=1`` (a random crop that keeps the whole box). The
flip and the box arithmetic of zoom-out, crop and flip are a few lines
here, tested against a drawn rectangle. Only the geometry is decided in the
graph, for a whole batch at once (`photo_geometry`, from the photos' sizes
known before they are read): one ``numpy_function`` then reads the batch's
photos and `render_crop` makes each one's pixels in one step, straight from
the photo (the photos never enter the graph; the zoomed canvas, the crop and
the mirror image are never built at photo size), with
`prepare.resize_to_input`, the same resize as inference,
followed by the colour jitter: brightness, ``tf.image.adjust_contrast``
and a saturation blend with ``tf.image.rgb_to_grayscale``, composed into one
3x3 colour matrix (`colour_matrix`; a test checks it against those tf.image
ops) because as separate TensorFlow ops they cost more CPU per image than
the decode of a cached photo.

``digits`` cuts the boxed digit out and pastes it anywhere on a fresh black
canvas (ADR 0002): no library does that, so it is numpy/OpenCV, with a test.

Randomness is stateless: each batch of photos (each digit) gets its own seed
(the split seed and its position in the stream), so a run is reproducible
whatever the number of parallel calls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import cv2
import numpy as np

from petloc_gui.model.prepare import resize_to_input
from petloc_gui.model.untyped import Tensor

Size = tuple[int, int]
_log = logging.getLogger(__name__)
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
    """The normalised box after cropping ``crop_hw`` pixels at ``offset_yx`` (TensorFlow ops;
    one box ``[4]`` or a batch ``[n, 4]`` with ``[n, 2]`` sizes)."""
    import tensorflow as tf

    box, offset_yx, crop_hw, image_hw = (tf.convert_to_tensor(v) for v in (box, offset_yx, crop_hw, image_hw))
    h, w = tf.cast(image_hw[..., 0], tf.float32), tf.cast(image_hw[..., 1], tf.float32)
    oy, ox = tf.cast(offset_yx[..., 0], tf.float32), tf.cast(offset_yx[..., 1], tf.float32)
    ch, cw = tf.cast(crop_hw[..., 0], tf.float32), tf.cast(crop_hw[..., 1], tf.float32)
    x1 = (box[..., 0] * w - ox) / cw
    y1 = (box[..., 1] * h - oy) / ch
    x2 = (box[..., 2] * w - ox) / cw
    y2 = (box[..., 3] * h - oy) / ch
    return tf.clip_by_value(tf.stack([x1, y1, x2, y2], axis=-1), 0.0, 1.0)


def flip_box(box: Tensor) -> Tensor:
    """The normalised box of a left-right mirrored image (one box or a batch)."""
    import tensorflow as tf

    return tf.stack([1.0 - box[..., 2], box[..., 1], 1.0 - box[..., 0], box[..., 3]], axis=-1)


def photo_augment(pixels: Callable[[np.integer], np.ndarray], keys: Tensor, image_hw: Tensor, boxes: Tensor,
                  seed: Tensor, size: Size, zoom_out_share: float = 0.0) -> tuple[Tensor, Tensor, Tensor]:
    """A batch of photos: random zoom-out (a ``zoom_out_share`` of them), box-keeping crop,
    flip, resize to ``size``, colour jitter.

    ``pixels``: a numpy-side function giving the photo (H x W x 3 uint8) of a
    key; ``keys``: [n] int64; ``image_hw``: [n, 2] their expected (height,
    width), known before they are read; ``boxes``: [n, 4] normalised
    [x1, y1, x2, y2]; ``seed``: int64 [2], this batch's. Returns (uint8 network
    inputs [n, H, W, 3], normalised boxes [n, 4], ``source`` [n] int32: whose
    label and box each input carries, itself unless its photo could not be
    read, `render_batch`).

    A batch at a time (issue 8: per photo, the TensorFlow ops and the call
    into Python cost more CPU than the pixels): the geometry
    (`photo_geometry`) is a few dozen graph ops for the whole batch, and one
    ``tf.numpy_function`` reads and renders every photo (`render_crop`):
    the photos never enter the graph, and the zoomed-out canvas, the crop
    and the mirror image are never built at photo size.
    """
    import tensorflow as tf

    placement, window, flip, factors, boxes = photo_geometry(image_hw, boxes, seed, zoom_out_share)
    images, source = tf.numpy_function(
        lambda *args: render_batch(pixels, *args, size=size),
        [keys, image_hw, placement, window, flip, factors], (tf.uint8, tf.int32), stateful=False)
    width, height = size
    source = tf.ensure_shape(source, (None,))
    return tf.ensure_shape(images, (None, height, width, 3)), tf.gather(boxes, source), source


def photo_geometry(image_hw: Tensor, boxes: Tensor, seed: Tensor,
                   zoom_out_share: float = 0.0) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
    """``(placement, window, flip, colour factors, boxes)`` of a batch's augmentation (graph ops).

    Per photo: ``placement`` [width, height, x, y] of the photo on its
    zoomed-out canvas (`zoom_placement`), ``window`` [x, y, width, height] of
    the canvas cropped by ``tf.image.stateless_sample_distorted_bounding_box``
    (keeping the whole box; the only op run photo by photo), ``flip`` (bool),
    ``factors`` (brightness, contrast, saturation), and the normalised box
    after all of them: what `render_crop` needs. ``seed`` (int64 [2]) decides
    every draw of the batch.
    """
    import tensorflow as tf

    hw = tf.cast(image_hw, tf.int32)
    n = tf.shape(hw)[0]
    seed = tf.cast(seed, tf.int64)
    draws = tf.random.stateless_uniform(tf.stack([n, 9]), seed)  # crop?, flip, 3 colour factors, 4 zoom-out
    crop_seeds = tf.random.stateless_uniform(tf.stack([n, 2]), tf.random.experimental.stateless_fold_in(seed, 1),
                                             minval=None, maxval=None, dtype=tf.int64)
    full = tf.stack([hw[:, 1], hw[:, 0], tf.zeros_like(hw[:, 0]), tf.zeros_like(hw[:, 0])], axis=1)
    placement = zoom_placement(hw, draws[:, 5:9], zoom_out_share) if zoom_out_share > 0 else full
    boxes = placed_box(boxes, placement, hw)

    def sample_crop(args: tuple[Tensor, Tensor, Tensor]) -> Tensor:
        photo_hw, box, crop_seed = args
        begin, crop_size, _ = tf.image.stateless_sample_distorted_bounding_box(
            tf.concat([photo_hw, [3]], 0), tf.reshape(tf.gather(box, [1, 0, 3, 2]), [1, 1, 4]), seed=crop_seed,
            min_object_covered=1.0, aspect_ratio_range=CROP_ASPECT_RANGE, area_range=CROP_AREA_RANGE,
            max_attempts=20, use_image_if_no_bounding_boxes=True)
        return tf.stack([begin[1], begin[0], crop_size[1], crop_size[0]])  # x, y, width, height

    window = tf.map_fn(sample_crop, (hw, boxes, crop_seeds), fn_output_signature=tf.int32)
    crop = draws[:, 0] < CROP_PROBABILITY
    whole = tf.stack([full[:, 2], full[:, 3], full[:, 0], full[:, 1]], axis=1)  # x 0, y 0, width, height
    window = tf.where(crop[:, None], window, whole)
    boxes = crop_box(boxes, tf.reverse(window[:, :2], [1]), tf.reverse(window[:, 2:], [1]), hw)
    flip = draws[:, 1] < 0.5
    boxes = tf.where(flip[:, None], flip_box(boxes), boxes)
    factors = tf.stack([0.75 + 0.5 * draws[:, 2],  # brightness
                        0.75 + 0.5 * draws[:, 3],  # contrast
                        0.7 + 0.6 * draws[:, 4]], axis=1)  # saturation
    return placement, window, flip, factors, boxes


def zoom_placement(image_hw: Tensor, draws: Tensor, probability: float) -> Tensor:
    """``[n, 4]`` ``[width, height, x, y]`` (int32) of each photo on its zoomed-out canvas.

    With ``probability`` (``draws[:, 0]``) the photo is shrunk by a factor in
    `ZOOM_OUT_RANGE` (log-uniform, ``draws[:, 1]``) and placed anywhere on a
    canvas of its own size (``draws[:, 2:]``); otherwise it fills the canvas.
    """
    import tensorflow as tf

    h, w = image_hw[:, 0], image_hw[:, 1]
    low, high = (float(np.log(v)) for v in ZOOM_OUT_RANGE)
    factor = tf.exp(low + draws[:, 1] * (high - low))
    nw = tf.maximum(1, tf.cast(tf.round(tf.cast(w, tf.float32) / factor), tf.int32))
    nh = tf.maximum(1, tf.cast(tf.round(tf.cast(h, tf.float32) / factor), tf.int32))
    nw, nh = tf.minimum(nw, w), tf.minimum(nh, h)
    ox = tf.minimum(tf.cast(draws[:, 2] * tf.cast(w - nw + 1, tf.float32), tf.int32), w - nw)
    oy = tf.minimum(tf.cast(draws[:, 3] * tf.cast(h - nh + 1, tf.float32), tf.int32), h - nh)
    zero = tf.zeros_like(w)
    return tf.where((draws[:, 0] < probability)[:, None], tf.stack([nw, nh, ox, oy], axis=1),
                    tf.stack([w, h, zero, zero], axis=1))


def placed_box(box: Tensor, placement: Tensor, image_hw: Tensor) -> Tensor:
    """The normalised boxes ``[n, 4]`` on the canvases of `zoom_placement` (TensorFlow ops)."""
    import tensorflow as tf

    p = tf.cast(placement, tf.float32)
    h, w = tf.cast(image_hw[:, 0], tf.float32), tf.cast(image_hw[:, 1], tf.float32)
    return tf.stack([(box[:, 0] * p[:, 0] + p[:, 2]) / w, (box[:, 1] * p[:, 1] + p[:, 3]) / h,
                     (box[:, 2] * p[:, 0] + p[:, 2]) / w, (box[:, 3] * p[:, 1] + p[:, 3]) / h], axis=1)


def render_batch(pixels: Callable[[np.integer], np.ndarray], keys: np.ndarray, image_hw: np.ndarray,
                 placement: np.ndarray, window: np.ndarray, flip: np.ndarray, factors: np.ndarray, *,
                 size: Size) -> tuple[np.ndarray, np.ndarray]:
    """``(uint8 [n, H, W, 3] network inputs, source [n] int32)`` of `photo_geometry`'s draws.

    A photo that cannot be read (damaged or removed since it was listed: it
    passed the header check then) is logged and its place taken by another
    photo of the batch, with that photo's label and box (``source``), so the
    batch keeps its size; a batch with no readable photo raises (training
    stops with that message).
    """
    width, height = size
    out = np.empty((len(keys), height, width, 3), np.uint8)

    def render(j: int) -> None:
        image = pixels(keys[j])
        pl, win = rescaled(placement[j], window[j], image_hw[j], image.shape[:2])
        out[j] = render_crop(image, pl, win, bool(flip[j]), factors[j], size)

    return out, fill_batch(len(keys), render, out)


def fill_batch(count: int, make: Callable[[int], None], *filled: np.ndarray) -> np.ndarray:
    """Calls ``make(j)`` for each element ``j`` of a batch (it writes element ``j`` of the
    ``filled`` arrays); returns ``source`` [count] int32: which element each place shows.

    An element whose image cannot be read (``make`` raises) has its place
    in every ``filled`` array taken by a readable one of the batch (in turn;
    the run says which image once, `unreadable_images`). Raises when none is
    readable: the images are gone, and training on an endless stream must
    stop rather than look for more.
    """
    failed = []
    for j in range(count):
        try:
            make(j)
        except Exception as exc:  # noqa: BLE001 - one unreadable image must not stop training
            # said once per image by the run (`unreadable_images`), not at every batch it comes up in
            _log.debug("a training image could not be read; another of its batch takes its place: %s", exc)
            failed.append(j)
    source = np.arange(count, dtype=np.int32)
    if failed:
        readable = np.setdiff1d(source, failed)
        if readable.size == 0:
            raise ValueError("no image of this training batch could be read")
        source[failed] = readable[np.arange(len(failed)) % readable.size]
        for array in filled:
            array[failed] = array[source[failed]]
    return source


def rescaled(placement: np.ndarray, window: np.ndarray, expected_hw: np.ndarray,
             actual_hw: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """``placement`` and ``window`` (pixels of a photo of ``expected_hw``) on one of ``actual_hw``."""
    eh, ew = (int(v) for v in expected_hw)
    ah, aw = (int(v) for v in actual_hw[:2])
    if (eh, ew) == (ah, aw):
        return placement, window
    scale = np.array([aw / ew, ah / eh, aw / ew, ah / eh])
    fit = np.array([aw, ah, aw, ah])
    placement = np.clip(np.round(np.asarray(placement) * scale), 0, fit).astype(np.int64)
    window = np.clip(np.round(np.asarray(window) * scale), 0, fit).astype(np.int64)
    placement[:2] = np.maximum(placement[:2], 1)
    window[2:] = np.maximum(np.minimum(window[2:], fit[:2] - window[:2]), 1)
    window[:2] = np.minimum(window[:2], fit[:2] - window[2:])
    return placement, window


def render_crop(image: np.ndarray, placement: np.ndarray, window: np.ndarray, flip: bool,
                factors: np.ndarray, size: Size) -> np.ndarray:
    """The network input (uint8) of the ``window`` ``[x, y, width, height]`` of the
    zoomed-out canvas, mirrored if ``flip``, colour-jittered by ``factors``.

    The canvas has the photo's size: the photo shrunk to ``placement``
    ``[width, height, x, y]`` on its mean colour (`zoom_placement`; the whole
    canvas when not zoomed out). Only the part of the photo inside the window
    is resized, once, straight into its place in the output (area-averaging
    like `prepare.resize_to_input`; without zoom-out it is that very call on
    the window). The mirror image is taken of the small output (the area and
    bilinear resizes are symmetric, so it is the output of the mirrored window).
    """
    h, w = image.shape[:2]
    nw, nh, ox, oy = (int(v) for v in placement)
    x, y, cw, ch = (int(v) for v in window)
    out_w, out_h = int(size[0]), int(size[1])
    if (nw, nh, ox, oy) == (w, h, 0, 0):
        out = resize_to_input(image[y : y + ch, x : x + cw], (out_w, out_h))
    else:
        fill = [round(v) for v in cv2.mean(image)[:3]]
        out = np.empty((out_h, out_w, 3), np.uint8)
        out[:] = fill
        # the photo's part of the window, in canvas pixels
        ix0, iy0, ix1, iy1 = max(x, ox), max(y, oy), min(x + cw, ox + nw), min(y + ch, oy + nh)
        if ix1 > ix0 and iy1 > iy0:
            sx, sy = out_w / cw, out_h / ch  # canvas -> output
            qx0, qx1 = round((ix0 - x) * sx), round((ix1 - x) * sx)
            qy0, qy1 = round((iy0 - y) * sy), round((iy1 - y) * sy)
            px, py = w / nw, h / nh  # canvas -> photo
            u0, u1 = max(0, round((ix0 - ox) * px)), min(w, round((ix1 - ox) * px))
            v0, v1 = max(0, round((iy0 - oy) * py)), min(h, round((iy1 - oy) * py))
            if qx1 > qx0 and qy1 > qy0 and u1 > u0 and v1 > v0:
                out[qy0:qy1, qx0:qx1] = resize_to_input(image[v0:v1, u0:u1], (qx1 - qx0, qy1 - qy0))
    if flip:
        out = cv2.flip(out, 1)
    return jitter(out, factors)


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


def jitter(small: np.ndarray, factors: np.ndarray) -> np.ndarray:
    """The colour jitter of ``factors`` (brightness, contrast, saturation; `colour_matrix`) on a
    network-sized uint8 image, uint8 out (rounded and clipped by OpenCV: a fifth of the CPU of
    the same transform in float32 and four times fewer bytes to batch, issue 8)."""
    brightness, contrast, saturation = (float(f) for f in factors)
    matrix, offset = colour_matrix(brightness, contrast, saturation, np.asarray(cv2.mean(small)[:3]))
    return cv2.transform(np.ascontiguousarray(small), np.hstack([matrix, offset[:, None]]).astype(np.float32))
