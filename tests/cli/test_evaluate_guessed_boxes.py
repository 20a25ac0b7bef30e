"""`petloc evaluate` says the ground-truth boxes read_voc repaired by a guess before scoring them: an inverted box
(its coordinates swapped) and one whose coordinates look like fractions of the image (read as such), the
`inverted_box` and `normalised_box` problems of `petloc stats`. `petloc train` learns them so too: its warning
lines are built by the same `core.guessed_boxes.guessed_box_lines`, from what `model.data.Sample` kept of them.

Before: `petloc stats`, `petloc convert` and the window said these guesses, `petloc evaluate` scored them silently
(`cli.evaluate_clamped.clamped_notes` kept the notes of boxes outside their image only)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import RED, assert_clean_errors, bundle_with_meta, last_json, run_cli, voc_xml, write_image

W, H = 64, 32
INVERTED = ("object 1 (cat): inverted box (48.0, 28.0, 16.0, 16.0) repaired by swapping coordinates to "
            "(16.0, 16.0, 48.0, 28.0)")
NORMALISED = ("object 2 (cat): coordinates (0.25, 0.5, 0.75, 0.875) look normalised (all within 0-1, under one pixel) "
              "on the 64x32 image, while VOC wants pixels: read as fractions of it, (16.0, 16.0, 48.0, 28.0); check "
              "the box (a save writes it in pixels)")


def _annotated(folder: Path, stem: str, objects) -> None:
    write_image(folder / f"{stem}.png", W, H, RED)
    (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")


def _guessed_folder(folder: Path) -> Path:
    folder.mkdir()
    _annotated(folder, "inside", [("cat", (16, 16, 48, 28))])
    _annotated(folder, "swapped", [("cat", (48, 28, 16, 16))])
    # the first box is 4x4 pixels (not a guess); the second's coordinates are fractions of the image
    _annotated(folder, "fractions", [("dog", (0, 0, 4, 4)), ("cat", (0.25, 0.5, 0.75, 0.875))])
    # a swapped box with no label is not scored, and not said
    _annotated(folder, "unscored", [("cat", (16, 16, 48, 28)), ("", (48, 28, 16, 16))])
    return folder


def test_evaluate_warns_of_the_boxes_it_scores_as_guessed(tmp_path, tiny_bundle, capsys):
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    folder = _guessed_folder(tmp_path / "guessed")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 4
    assert report["n_boxes_guessed"] == 2
    assert report["boxes_guessed"] == [
        {"kind": "normalised_box", "file": str(folder / "fractions.xml"), "message": NORMALISED},
        {"kind": "inverted_box", "file": str(folder / "swapped.xml"), "message": INVERTED}]
    assert report["n_boxes_clamped"] == 0 and report["boxes_clamped"] == []
    assert assert_clean_errors(err) == [
        f"petloc: warning: {folder / 'fractions.xml'}: {NORMALISED}; scored so: a guess at what the file meant, "
        "check the box",
        f"petloc: warning: {folder / 'swapped.xml'}: {INVERTED}; scored so: a guess at what the file meant, "
        "check the box"]


def test_a_box_both_swapped_and_read_as_fractions_is_one_box_of_two_notes(tmp_path, tiny_bundle, capsys):
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    folder = tmp_path / "both"
    folder.mkdir()
    _annotated(folder, "a", [("cat", (0.75, 0.875, 0.25, 0.5))])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_boxes_guessed"] == 1
    assert [entry["kind"] for entry in report["boxes_guessed"]] == ["inverted_box", "normalised_box"]
    assert len(assert_clean_errors(err)) == 2


def test_train_s_samples_keep_their_guesses_for_the_same_lines(tmp_path):
    """Of the box each sample learns (its first usable one): fractions.xml's guess is on its second box, which
    evaluate scores and validation scores against, but no run learns."""
    from petloc_gui.core.guessed_boxes import guessed_box_lines

    folder = _guessed_folder(tmp_path / "guessed")
    samples, _, _ = collect_samples(folder)
    notes = [(sample.annotation_path, note) for sample in samples for note in sample.guessed_boxes]
    assert notes == [(folder / "swapped.xml", INVERTED)]
    assert guessed_box_lines(notes, "learned") == [
        f"warning: {folder / 'swapped.xml'}: {INVERTED}; learned so: a guess at what the file meant, check the box"]


def test_many_guesses_name_three_and_count_the_rest():
    from petloc_gui.core.guessed_boxes import guessed_box_lines

    notes = [(Path(f"/d/{n}.xml"), INVERTED) for n in range(5)]
    lines = guessed_box_lines(notes, "scored")
    assert len(lines) == 4 and lines[:3] == [
        f"warning: /d/{n}.xml: {INVERTED}; scored so: a guess at what the file meant, check the box" for n in range(3)]
    assert lines[3] == ("warning: and 2 more guessed repairs of boxes, scored so too (`petloc stats` lists them all: "
                        "inverted_box, normalised_box)")
    assert guessed_box_lines([], "scored") == []
