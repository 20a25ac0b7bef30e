"""Box-aware augmentation keeps exactly the drawn object inside its box."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from petloc_gui.model.augment import (
    colour_matrix,
    crop_box,
    digits_replace,
    flip_box,
    jitter,
    photo_augment,
    render_crop,
    rescaled,
    resize_plain,
)
from petloc_gui.model.prepare import resize_to_input


def _scene():
    image = np.full((120, 160, 3), 30, np.uint8)
    image[40:80, 100:140] = 230  # the "object": a bright rectangle
    return image, np.array([100, 40, 140, 80], np.float32)


def _augment(image, nbox, seed, size, zoom_out_share=0.0):
    """`photo_augment` of a batch of one in-memory photo (in training, ``pixels`` reads it from its file)."""
    out, boxes, source = photo_augment(lambda key: image, np.array([0], np.int64),
                                       np.array([image.shape[:2]], np.int32), np.asarray([nbox], np.float32),
                                       np.asarray(seed, np.int64), size, zoom_out_share)
    assert source.numpy().tolist() == [0]
    return out[0], boxes[0]


def _bright_extent(image, threshold=130):
    """[x1, y1, x2, y2] (normalised) of the pixels brighter than ``threshold``."""
    ys, xs = np.nonzero(np.asarray(image).mean(axis=2) > threshold)
    h, w = image.shape[:2]
    return np.array([xs.min() / w, ys.min() / h, (xs.max() + 1) / w, (ys.max() + 1) / h])


def test_photo_augment_box_encloses_exactly_the_rectangle():
    image, box = _scene()
    nbox_in = (box / np.array([160, 120, 160, 120])).astype(np.float32)
    flips = crops = 0
    for k in range(40):
        out, nbox = _augment(image, nbox_in, [0, k], (64, 64))
        out, nbox = out.numpy(), nbox.numpy()
        assert out.shape == (64, 64, 3) and out.dtype == np.uint8
        # the returned box and the rectangle's pixels agree to within a pixel of interpolation
        np.testing.assert_allclose(nbox, _bright_extent(out), atol=1.5 / 64)
        flips += nbox[0] < 0.5 - (nbox[2] - nbox[0]) / 2
        crops += (nbox[2] - nbox[0]) > 0.26
    assert 0 < flips < 40 and crops > 10  # both flipped and unflipped, and real crops


def test_crop_and_flip_box_arithmetic():
    box = np.array([0.5, 0.25, 0.75, 0.5], np.float32)
    cropped = crop_box(box, (30, 40), (60, 80), (120, 160)).numpy()
    np.testing.assert_allclose(cropped, [0.5, 0.0, 1.0, 0.5])
    np.testing.assert_allclose(flip_box(box).numpy(), [0.25, 0.25, 0.5, 0.5])


def _tf_image_jitter(image, brightness, contrast, saturation):
    """The reference: the same jitter as separate tf.image ops (what `colour_matrix` composes)."""
    import tensorflow as tf

    x = tf.cast(image, tf.float32) / 255.0 * brightness
    x = tf.image.adjust_contrast(x, contrast)
    gray = tf.image.rgb_to_grayscale(x)
    x = gray + (x - gray) * saturation
    return (tf.clip_by_value(x, 0.0, 1.0) * 255.0).numpy()


@pytest.mark.parametrize("factors", [(1.0, 1.0, 1.0), (0.75, 1.25, 0.7), (1.25, 0.75, 1.3), (1.1, 0.9, 1.2)])
def test_the_colour_matrix_gives_what_the_tf_image_ops_give(factors):
    image, _ = _scene()
    image = image.copy()
    image[..., 0] = np.arange(image.shape[1], dtype=np.uint8)[None, :]  # colour, not just grey levels
    image[10:50, 10:50, 2] = 40
    expected = _tf_image_jitter(image, *factors)
    out = jitter(image, np.array(factors, np.float32))
    assert out.dtype == np.uint8 and out.shape == image.shape
    # rounded to whole grey levels (OpenCV's uint8 transform: within one level, 0.25 on average)
    np.testing.assert_allclose(out, expected, atol=1.0)
    assert np.mean(np.abs(out - expected)) < 0.3
    if factors != (1.0, 1.0, 1.0):
        assert not np.allclose(out, image)
    assert out.min() >= 0 and out.max() <= 255


def test_colour_matrix_without_change_is_the_identity():
    matrix, offset = colour_matrix(1.0, 1.0, 1.0, np.array([10.0, 20.0, 30.0]))
    np.testing.assert_allclose(matrix, np.eye(3))
    np.testing.assert_allclose(offset, 0.0)


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


def test_resize_plain():
    image, box = _scene()
    out, nbox = resize_plain(image, box, (80, 60))
    assert out.shape == (60, 80, 3)
    np.testing.assert_allclose(nbox, [100 / 160, 40 / 120, 140 / 160, 80 / 120], rtol=1e-6)


@pytest.mark.parametrize("size", [(64, 64), (100, 30)])
def test_photo_augment_without_room_to_crop_keeps_the_whole_image(size):
    image = np.full((50, 50, 3), 230, np.uint8)  # the object fills the image
    out, nbox = _augment(image, [0, 0, 1, 1], [3, 4], size)
    np.testing.assert_allclose(nbox.numpy(), [0, 0, 1, 1])
    assert out.shape == (size[1], size[0], 3)


def _zoomed_canvas(image, placement):
    """The zoomed-out canvas built at photo size (how zoom-out was done before issue 8's second round)."""
    import cv2

    h, w = image.shape[:2]
    nw, nh, ox, oy = placement
    small = cv2.resize(image, (nw, nh), interpolation=cv2.INTER_AREA)
    fill = [round(v) for v in cv2.mean(image)[:3]]
    return cv2.copyMakeBorder(small, oy, h - nh - oy, ox, w - nw - ox, cv2.BORDER_CONSTANT, value=fill)


NO_JITTER = np.array([1.0, 1.0, 1.0], np.float32)


def test_render_crop_gives_the_pixels_of_the_canvas_built_at_photo_size():
    rng = np.random.default_rng(3)
    image = cv2_smooth(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))
    for placement, window in [((100, 75, 20, 30), (10, 5, 140, 100)),  # the photo partly in the window
                              ((64, 48, 90, 60), (0, 0, 160, 120)),  # the whole canvas
                              ((120, 90, 0, 0), (100, 70, 60, 50))]:  # the window mostly on the fill
        x, y, cw, ch = window
        reference = resize_to_input(_zoomed_canvas(image, placement)[y : y + ch, x : x + cw], (64, 64))
        for flip in (False, True):
            out = render_crop(image, np.array(placement), np.array(window), flip, NO_JITTER, (64, 64))
            expected = reference[:, ::-1] if flip else reference
            # one resize instead of two, edges rounded to whole output pixels: close, not equal
            assert np.mean(np.abs(out.astype(int) - expected)) < 1.5, (placement, window, flip)
    # without zoom-out it is exactly the resize of the window (and of the mirrored window)
    plain = render_crop(image, np.array([160, 120, 0, 0]), np.array([10, 20, 100, 90]), False, NO_JITTER, (64, 64))
    np.testing.assert_array_equal(plain, resize_to_input(image[20:110, 10:110], (64, 64)))
    mirrored = render_crop(image, np.array([160, 120, 0, 0]), np.array([10, 20, 100, 90]), True, NO_JITTER,
                           (64, 64))
    reference = resize_to_input(np.ascontiguousarray(image[20:110, 10:110, :][:, ::-1]), (64, 64))
    assert np.max(np.abs(mirrored.astype(int) - reference)) <= 1


def cv2_smooth(image):
    import cv2

    return cv2.GaussianBlur(image, (9, 9), 3)


def test_photo_augment_with_zoom_out_still_encloses_the_rectangle():
    image, box = _scene()
    nbox_in = (box / np.array([160, 120, 160, 120])).astype(np.float32)
    widths = []
    for k in range(30):
        out, nbox = _augment(image, nbox_in, [5, k], (64, 64), zoom_out_share=0.7)
        np.testing.assert_allclose(nbox.numpy(), _bright_extent(out.numpy()), atol=1.5 / 64)
        widths.append(float(nbox[2] - nbox[0]))
    assert min(widths) < 0.2  # some smaller than the unzoomed 0.25


def test_a_photo_read_at_another_size_than_expected_gets_the_same_geometry_scaled():
    # e.g. the file was replaced by a larger copy after the data was listed
    image, box = _scene()
    nbox_in = (box / np.array([160, 120, 160, 120])).astype(np.float32)
    for k in range(15):
        out, nbox, _ = photo_augment(lambda key: image, np.array([0], np.int64), np.array([[60, 80]], np.int32),
                                     nbox_in[None], np.array([2, k], np.int64), (64, 64), 0.5)
        np.testing.assert_allclose(nbox[0].numpy(), _bright_extent(out[0].numpy()), atol=2.5 / 64)


def test_rescaled_keeps_the_window_inside_the_photo():
    placement, window = rescaled(np.array([80, 60, 0, 0]), np.array([7, 3, 73, 57]), np.array([60, 80]), (121, 161))
    assert placement.tolist() == [161, 121, 0, 0]
    x, y, w, h = window.tolist()
    assert x >= 0 and y >= 0 and x + w <= 161 and y + h <= 121 and w > 140 and h > 110


def test_an_unreadable_photo_takes_another_photo_of_its_batch_with_its_box(caplog):
    image, box = _scene()
    nbox_in = (box / np.array([160, 120, 160, 120])).astype(np.float32)

    def pixels(key):
        if key == 1:
            raise OSError("truncated file")
        return image

    out, boxes, source = photo_augment(pixels, np.array([0, 1, 2], np.int64), np.array([[120, 160]] * 3, np.int32),
                                       np.stack([nbox_in] * 3), np.array([4, 0], np.int64), (64, 64))
    source = source.numpy().tolist()
    assert source[0] == 0 and source[2] == 2 and source[1] in (0, 2)
    np.testing.assert_array_equal(out[1].numpy(), out[source[1]].numpy())
    np.testing.assert_array_equal(boxes[1].numpy(), boxes[source[1]].numpy())
    # the run says which image once (`unreadable_images`), not a warning at every batch it is in
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("petloc_gui")]


def test_a_batch_without_one_readable_photo_raises():
    def pixels(key):
        raise OSError("gone")

    with pytest.raises(Exception, match="no image of this training batch"):
        photo_augment(pixels, np.array([0, 1], np.int64), np.array([[120, 160]] * 2, np.int32),
                      np.array([[0.1, 0.1, 0.5, 0.5]] * 2, np.float32), np.array([4, 0], np.int64), (64, 64))
