"""Box geometry and IoU against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest

from petloc_gui.core.boxes import Box, iou, iou_arrays


def test_size_properties():
    box = Box(10, 20, 40, 60)
    assert (box.width, box.height, box.area) == (30.0, 40.0, 1200.0)
    assert Box(5, 5, 1, 1).area == 0.0  # inverted boxes have no area


def test_coordinates_become_floats():
    box = Box(np.int64(1), 2, np.float32(3.5), 4)
    assert all(type(v) is float for v in box.as_tuple())
    assert box == Box(1.0, 2.0, 3.5, 4.0)


def test_clamp_limits_to_image():
    assert Box(-5, -1, 120, 90).clamp(100, 80) == Box(0, 0, 100, 80)
    assert Box(10, 10, 20, 20).clamp(100, 80) == Box(10, 10, 20, 20)


def test_repaired_swaps_then_clamps():
    assert Box(50, 60, 10, -20).repaired(40, 100) == Box(10, 0, 40, 60)


def test_normalized_round_trip():
    box = Box(30, 20, 90, 60)
    assert box.normalized(120, 80) == pytest.approx((0.25, 0.25, 0.75, 0.75))
    assert Box.from_normalized([0.25, 0.25, 0.75, 0.75], 120, 80) == box
    with pytest.raises(ValueError):
        box.normalized(0, 80)


def test_translated_and_rounded():
    assert Box(1, 2, 3, 4).translated(10, -1) == Box(11, 1, 13, 3)
    assert Box(1.4, 1.6, 10.5, 11.5).rounded() == (1, 2, 10, 12)


def test_iou_hand_computed():
    a = Box(0, 0, 10, 10)
    b = Box(5, 5, 15, 15)
    # intersection 5x5 = 25, union 100 + 100 - 25 = 175
    assert iou(a, b) == pytest.approx(25 / 175)
    assert iou(a, a) == 1.0
    assert iou(a, Box(20, 20, 30, 30)) == 0.0
    assert iou(Box(1, 1, 1, 1), Box(1, 1, 1, 1)) == 0.0  # empty union
    # b inside a: 4x4=16 / 100
    assert iou(a, Box(2, 2, 6, 6)) == pytest.approx(0.16)


def test_iou_arrays_per_row():
    a = np.array([[0, 0, 10, 10], [0, 0, 10, 10], [0, 0, 0, 0], [0, 0, 4, 4]])
    b = np.array([[5, 5, 15, 15], [20, 20, 30, 30], [0, 0, 0, 0], [2, 0, 6, 4]])
    # last: intersection 2x4=8, union 16+16-8=24
    expected = [25 / 175, 0.0, 0.0, 8 / 24]
    np.testing.assert_allclose(iou_arrays(a, b), expected)
    for row_a, row_b, value in zip(a, b, expected, strict=True):
        assert iou(Box(*row_a), Box(*row_b)) == pytest.approx(value)


def test_iou_arrays_shape_mismatch():
    with pytest.raises(ValueError):
        iou_arrays(np.zeros((2, 4)), np.zeros((3, 4)))


def test_errors_name_the_file_and_survive_pickling(tmp_path):
    import pickle

    from petloc_gui.core.errors import AnnotationError, PetlocError, SaveError

    error = SaveError("disk full", tmp_path / "ñ.xml")
    assert str(error) == f"{tmp_path / 'ñ.xml'}: disk full" and isinstance(error, PetlocError)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is SaveError and again.path == error.path and again.reason == "disk full"
    assert str(again) == str(error)
    assert str(AnnotationError("no path")) == "no path"


def test_whole_gives_the_pixels_voc_stores():
    assert Box(10.4, 10.6, 20.5, 21.5).whole() == Box(10, 11, 20, 22)  # round(): as the writer does
    assert Box(10.4, 10.6, 20.5, 21.5).whole().as_tuple() == Box(10.4, 10.6, 20.5, 21.5).rounded()
    nan = Box(float("nan"), 0, 5, 5)
    assert nan.whole() is nan  # nothing to round: left for the save to refuse


def test_inverted_box_has_no_width_or_height_on_that_axis_only():
    box = Box(5, 0, 1, 10)  # inverted in x only
    assert (box.width, box.height, box.area) == (0.0, 10.0, 0.0)
    box = Box(0, 5, 10, 1)  # inverted in y only
    assert (box.width, box.height, box.area) == (10.0, 0.0, 0.0)
    fraction = Box(0, 0, 0.5, 0.25)  # under a pixel is still a size, not 0 or 1
    assert (fraction.width, fraction.height) == (0.5, 0.25)


def test_clamp_pulls_a_box_left_of_or_above_the_image_to_the_edge():
    assert Box(-20, -30, -10, -5).clamp(100, 80) == Box(0, 0, 0, 0)
    assert Box(110, 90, 130, 95).clamp(100, 80) == Box(100, 80, 100, 80)


def test_is_inside():
    assert Box(0, 0, 100, 80).is_inside(100, 80)
    assert not Box(0, 0, 100.5, 80).is_inside(100, 80)
    assert not Box(-1, 0, 10, 10).is_inside(100, 80)


def test_normalized_keeps_x_with_width_and_y_with_height():
    assert Box(10, 40, 30, 60).normalized(100, 200) == pytest.approx((0.1, 0.2, 0.3, 0.3))
    assert Box(0, 0, 1, 1).normalized(1, 1) == (0.0, 0.0, 1.0, 1.0)  # a one-pixel image is a size
    for width, height in ((100, 0), (100, -1), (-1, 100)):
        with pytest.raises(ValueError, match="positive"):
            Box(0, 0, 1, 1).normalized(width, height)


def test_iou_of_boxes_overlapping_by_less_than_a_pixel_or_missing_on_one_axis():
    a = Box(0, 0, 10, 10)
    # overlap 0.5 x 10 = 5; union 100 + 100 - 5
    assert iou(a, Box(9.5, 0, 19.5, 10)) == pytest.approx(5 / 195)
    assert iou(a, Box(0, 9.5, 10, 19.5)) == pytest.approx(5 / 195)
    # apart in x by half a pixel but overlapping fully in y: no overlap, not a negative one
    assert iou(a, Box(10.5, 0, 20, 10)) == 0.0
    assert iou(a, Box(0, 10.5, 10, 20)) == 0.0
    small = Box(0, 0, 0.5, 0.5)  # union under one square pixel is still a union
    assert iou(small, small) == 1.0


def test_iou_arrays_away_from_the_origin_and_unequal_axes():
    a = np.array([[10, 20, 50, 40],  # 40 x 20
                  [0, 0, 10, 10],
                  [0, 0, 10, 10],
                  [0, 0, 10, 10],
                  [0, 0, 0.5, 0.5],
                  [5, 5, 1, 1]])  # inverted: empty
    b = np.array([[30, 10, 60, 30],  # 30 x 20; overlap 20 x 10 = 200
                  [9.5, 0, 19.5, 10],
                  [0, 10.5, 10, 20],
                  [10.5, 0, 20, 10],
                  [0, 0, 0.5, 0.5],
                  [0, 0, 10, 10]])
    expected = [200 / (800 + 600 - 200), 5 / 195, 0.0, 0.0, 1.0, 0.0]
    np.testing.assert_allclose(iou_arrays(a, b), expected)
    np.testing.assert_allclose(iou_arrays(b, a), expected)
    for row_a, row_b, value in zip(a, b, expected, strict=True):
        assert iou(Box(*row_a), Box(*row_b)) == pytest.approx(value)


def test_iou_arrays_inverted_rows_count_as_empty_not_negative():
    # an inverted box inside a larger one: its "area" would be positive (-4 x -4) if not clipped
    a = np.array([[5, 5, 1, 1], [5, 0, 1, 10], [0, 5, 10, 1]], dtype=float)
    b = np.array([[0, 0, 10, 10]] * 3, dtype=float)
    np.testing.assert_array_equal(iou_arrays(a, b), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(iou_arrays(b, a), [0.0, 0.0, 0.0])


def test_iou_arrays_refuses_rows_that_would_broadcast():
    with pytest.raises(ValueError, match="shapes differ"):
        iou_arrays(np.zeros((1, 4)), np.zeros((3, 4)))
