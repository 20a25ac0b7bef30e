"""Box-aware augmentation keeps the object inside its box."""

from __future__ import annotations

import numpy as np

from petloc_gui.model.augment import colour_jitter, digits_replace, photo_augment, resize_plain


def _scene():
    image = np.full((120, 160, 3), 30, np.uint8)
    image[40:80, 100:140] = 230  # the "object": a bright patch
    return image, np.array([100, 40, 140, 80], np.float32)


def test_photo_augment_box_follows_the_object():
    image, box = _scene()
    rng = np.random.default_rng(0)
    for _ in range(40):
        out, nbox = photo_augment(image, box, rng, (64, 64))
        assert out.shape == (64, 64, 3) and out.dtype == np.uint8
        assert np.all((nbox >= 0) & (nbox <= 1)) and nbox[0] < nbox[2] and nbox[1] < nbox[3]
        x0, y0, x1, y1 = np.round(nbox * 64).astype(int)
        inner = out[y0 + 2 : y1 - 2, x0 + 2 : x1 - 2].mean()
        mask = np.ones((64, 64), bool)
        mask[max(0, y0 - 2) : y1 + 2, max(0, x0 - 2) : x1 + 2] = False
        assert inner > out[mask].mean() + 60  # the bright patch is where the box says


def test_photo_augment_flips_sometimes():
    image, box = _scene()
    rng = np.random.default_rng(1)
    centres = [photo_augment(image, box, rng, (64, 64))[1][[0, 2]].mean() for _ in range(30)]
    assert min(centres) < 0.5 < max(centres)  # object on the right in the original


def test_digits_replace_gives_new_placements_and_keeps_the_digit_in_its_box():
    canvas = np.zeros((75, 75, 3), np.uint8)
    canvas[10:38, 20:48] = 255
    rng = np.random.default_rng(2)
    seen = set()
    for _ in range(20):
        out, nbox = digits_replace(canvas, np.array([20, 10, 48, 38]), rng, (75, 75))
        x0, y0, x1, y1 = np.round(nbox * 75).astype(int)
        assert (x1 - x0, y1 - y0) == (28, 28)
        total = out.astype(int).sum()
        assert total > 0 and out[y0:y1, x0:x1].astype(int).sum() == total
        seen.add((x0, y0))
    assert len(seen) > 10


def test_resize_plain_and_colour_jitter():
    image, box = _scene()
    out, nbox = resize_plain(image, box, (80, 60))
    assert out.shape == (60, 80, 3)
    np.testing.assert_allclose(nbox, [100 / 160, 40 / 120, 140 / 160, 80 / 120], rtol=1e-6)
    jittered = colour_jitter(image, np.random.default_rng(3))
    assert jittered.shape == image.shape and jittered.dtype == np.uint8
