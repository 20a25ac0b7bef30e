"""`petloc evaluate` says which ground-truth boxes read_voc clamped to their image before scoring them."""

from __future__ import annotations

import pytest

from tests.cli.helpers import RED, assert_clean_errors, bundle_with_meta, last_json, run_cli, voc_xml, write_image

# For a 64x32 image the tiny model's box is [16, 16, 48, 28] and its class "cat".
W, H = 64, 32


@pytest.fixture
def model(tiny_bundle, tmp_path):
    """The tiny model, recording that it trained on none of these images (so stderr says nothing of that)."""
    return bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})


def _annotated(folder, stem, objects):
    write_image(folder / f"{stem}.png", W, H, RED)
    (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")


def test_a_box_far_outside_its_image_is_scored_clamped_and_said(tmp_path, model, capsys):
    folder = tmp_path / "edge"
    folder.mkdir()
    _annotated(folder, "inside", [("cat", (16, 16, 48, 28))])
    # drawn as if on a 640x320 image while <size> and the image are 64x32: clamped to (16, 16, 64, 32)
    _annotated(folder, "far", [("cat", (16, 16, 480, 280))])
    # a second object past the edge: said of object 2
    _annotated(folder, "second", [("dog", (0, 0, 8, 8)), ("cat", (16, 16, 70, 28))])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 3 and report["n_skipped"] == 0  # scored, not dropped
    # IoU 1, 384 / 768 = 0.5 (the clamped box), 384 / 576 (16..64 x 16..28 against 16..48 x 16..28)
    assert report["mean_iou"] == pytest.approx((1 + 0.5 + 2 / 3) / 3, abs=1e-3)
    assert report["n_boxes_clamped"] == 2
    far, second = folder / "far.xml", folder / "second.xml"
    notes = [(far, "object 1 (cat): box (16.0, 16.0, 480.0, 280.0) lies outside the 64x32 image; clamped to "
                   "(16.0, 16.0, 64.0, 32.0)"),
             (second, "object 2 (cat): box (16.0, 16.0, 70.0, 28.0) lies outside the 64x32 image; clamped to "
                      "(16.0, 16.0, 64.0, 28.0)")]
    # as `petloc stats --json` names the problem, and under the keys of before
    assert report["boxes_clamped"] == [{"kind": "box_outside_image", "file": str(path), "message": note,
                                        "annotation": str(path), "problem": note} for path, note in notes]
    lines = assert_clean_errors(err)
    assert lines == [
        f"petloc: warning: {far}: object 1 (cat): box (16.0, 16.0, 480.0, 280.0) lies outside the 64x32 image; "
        "clamped to (16.0, 16.0, 64.0, 32.0), and scored so (check the annotation: a box drawn far past its "
        "image's edge is likely wrong)",
        f"petloc: warning: {second}: object 2 (cat): box (16.0, 16.0, 70.0, 28.0) lies outside the 64x32 image; "
        "clamped to (16.0, 16.0, 64.0, 28.0), and scored so (check the annotation: a box drawn far past its "
        "image's edge is likely wrong)"]


def test_many_clamped_boxes_name_three_and_count_the_rest(tmp_path, model, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(5):
        _annotated(folder, f"far{n}", [("cat", (16, 16, 100 + n, 28))])
    _annotated(folder, "inside", [("cat", (16, 16, 48, 28))])
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", model)
    assert code == 0, err
    lines = assert_clean_errors(err)
    assert len(lines) == 4 and all(line.startswith("petloc: warning: ") for line in lines)
    assert lines[-1].startswith("petloc: warning: and 2 more ground-truth boxes outside their image, scored as "
                                "clamped too")


def test_a_box_inside_its_image_is_not_said(tmp_path, model, capsys):
    folder = tmp_path / "fine"
    folder.mkdir()
    _annotated(folder, "edge", [("cat", (0, 0, W, H))])  # up to the edge is inside
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0 and assert_clean_errors(err) == []
    report = last_json(out)
    assert report["n_boxes_clamped"] == 0 and report["boxes_clamped"] == []


def test_a_clamped_box_that_is_not_scored_is_not_said(tmp_path, model, capsys):
    """Only the objects scored are said: one wholly outside its image (nothing left once clamped) is left
    out of the scoring, so it must not read "..., and scored so"."""
    folder = tmp_path / "outside"
    folder.mkdir()
    # object 2 lies wholly outside the 64x32 image: clamped to zero area, not scored
    _annotated(folder, "gone", [("cat", (16, 16, 48, 28)), ("dog", (100, 100, 200, 200))])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 1 and report["mean_iou"] == pytest.approx(1.0)
    assert report["n_boxes_clamped"] == 0 and report["boxes_clamped"] == []
    assert assert_clean_errors(err) == []


def test_clamped_notes_match_the_object_number_whole():
    from petloc_gui.cli.evaluate_clamped import clamped_notes

    notes = ["object 1 (cat): box (0, 0, 90, 9) lies outside the 64x32 image; clamped to (0, 0, 64, 9)",
             "object 12 (dog): box (0, 0, 99, 9) lies outside the 64x32 image; clamped to (0, 0, 64, 9)",
             "object 2 (cat): something else"]
    assert clamped_notes(notes, [1, 2]) == notes[:1]  # object 12 is not object 1; object 2's note is no clamp
    assert clamped_notes(notes, [12]) == notes[1:2]
