"""Box-aware augmentation in numpy/OpenCV (no TensorFlow: cheap and testable).

Every function takes an RGB uint8 image and its box in pixels and returns the
network-sized image (stretched to ``size`` = (width, height), as inference
does) and the box normalised to [0, 1].
"""

from __future__ import annotations

import cv2
import numpy as np

Size = tuple[int, int]


def resize_to_input(image: np.ndarray, size: Size) -> np.ndarray:
    """Stretch (no letterbox) to ``size``; training and inference both use this."""
    h, w = image.shape[:2]
    if (w, h) == tuple(size):
        return image
    shrinking = w * h > size[0] * size[1]
    return cv2.resize(image, tuple(size), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def resize_plain(image: np.ndarray, box: np.ndarray, size: Size) -> tuple[np.ndarray, np.ndarray]:
    """No augmentation: stretch to ``size``; the box normalised by the image size."""
    h, w = image.shape[:2]
    return resize_to_input(image, size), normalise(box, w, h)


def normalise(box: np.ndarray, width: float, height: float) -> np.ndarray:
    b = np.asarray(box, dtype=np.float32) / np.array([width, height, width, height], np.float32)
    return np.clip(b, 0.0, 1.0)


def photo_augment(
    image: np.ndarray, box: np.ndarray, rng: np.random.Generator, size: Size
) -> tuple[np.ndarray, np.ndarray]:
    """Random crop that keeps the whole box, horizontal flip, colour jitter."""
    h, w = image.shape[:2]
    x1, y1, x2, y2 = (float(v) for v in box)
    if rng.random() < 0.85:
        # Crop sides drawn independently (aspect jitter) but never cutting the box.
        cw = max(w * rng.uniform(0.55, 1.0), x2 - x1 + 1)
        ch = max(h * rng.uniform(0.55, 1.0), y2 - y1 + 1)
        cw, ch = min(cw, w), min(ch, h)
        cx0 = rng.uniform(max(0.0, x2 - cw), max(min(x1, w - cw), max(0.0, x2 - cw)))
        cy0 = rng.uniform(max(0.0, y2 - ch), max(min(y1, h - ch), max(0.0, y2 - ch)))
        ix0, iy0 = int(np.floor(cx0)), int(np.floor(cy0))
        ix1, iy1 = min(w, int(np.ceil(cx0 + cw))), min(h, int(np.ceil(cy0 + ch)))
        image = image[iy0:iy1, ix0:ix1]
        x1, x2 = x1 - ix0, x2 - ix0
        y1, y2 = y1 - iy0, y2 - iy0
        h, w = image.shape[:2]
    if rng.random() < 0.5:
        image = image[:, ::-1]
        x1, x2 = w - x2, w - x1
    out, nbox = resize_plain(np.ascontiguousarray(image), np.array([x1, y1, x2, y2]), size)
    return colour_jitter(out, rng), nbox


def colour_jitter(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Brightness, contrast and saturation each scaled by up to +-25%."""
    x = image.astype(np.float32)
    x *= rng.uniform(0.75, 1.25)
    mean = x.mean()
    x = (x - mean) * rng.uniform(0.75, 1.25) + mean
    gray = x.mean(axis=2, keepdims=True)
    x = (x - gray) * rng.uniform(0.7, 1.3) + gray
    return np.clip(x, 0, 255).astype(np.uint8)


def digits_replace(
    image: np.ndarray, box: np.ndarray, rng: np.random.Generator, size: Size
) -> tuple[np.ndarray, np.ndarray]:
    """Cut the boxed digit out, jitter it slightly, paste it anywhere on a fresh black canvas.

    The box stays the pasted square, as in the original data; each call gives
    a new placement, so every epoch sees new canvases.
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
    matrix = cv2.getRotationMatrix2D((pw / 2.0, ph / 2.0), angle, scale)
    matrix[:, 2] += rng.uniform(-1.0, 1.0, size=2)
    patch = cv2.warpAffine(patch, matrix, (pw, ph), flags=cv2.INTER_LINEAR, borderValue=0)
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


AUGMENTERS = {"photo": photo_augment, "digits": digits_replace}
