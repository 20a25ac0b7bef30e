"""`petloc train` says the boxes it learns as petloc's guess, as `petloc evaluate` says those it scores.

read_voc swaps an inverted box's corners and reads coordinates within 0-1 as fractions of the image, noting
each; `petloc stats`, `convert`, the window and (since the thirty-eighth session) `evaluate` said them, but
`train` learned such boxes without a word. It now warns of each before TensorFlow loads ("learned so").
"""

from __future__ import annotations

from petloc_gui.cli import cmd_train
from petloc_gui.cli.output import CommandError
from tests.cli.helpers import run_cli, voc_xml, write_image


def _folder(tmp_path, boxes):
    data = tmp_path / "data"
    data.mkdir()
    for i, (stem, box) in enumerate(boxes.items()):
        write_image(data / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (data / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 40, 30, [("cat" if i % 2 else "dog", box)]),
                                          encoding="utf-8")
    return data


def _stderr_before_tensorflow(tmp_path, capsys, monkeypatch, data):
    def stop_here():
        raise CommandError("stopped before TensorFlow loads")

    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)
    code, _, err = run_cli(capsys, "train", data, "--preset", "photo", "--out", tmp_path / "models")
    assert code != 0 and "stopped before TensorFlow loads" in err, err
    return err


def test_boxes_swapped_or_read_as_fractions_are_said_as_learned(tmp_path, capsys, monkeypatch):
    boxes = {stem: (1, 1, 20, 20) for stem in "abcdef"}
    boxes["b"] = (20, 1, 1, 20)  # inverted: swapped
    boxes["c"] = (0.1, 0.1, 0.5, 0.6)  # fractions of the image
    err = _stderr_before_tensorflow(tmp_path, capsys, monkeypatch, _folder(tmp_path, boxes))
    lines = [line for line in err.splitlines() if "learned so: a guess at what the file meant" in line]
    assert len(lines) == 2, err
    assert "b.xml" in lines[0] and "inverted" in lines[0], err
    assert "c.xml" in lines[1] and "normalised" in lines[1], err


def test_no_word_of_a_guess_when_every_box_is_as_written(tmp_path, capsys, monkeypatch):
    err = _stderr_before_tensorflow(tmp_path, capsys, monkeypatch,
                                    _folder(tmp_path, {stem: (1, 1, 20, 20) for stem in "abcdef"}))
    assert "a guess at what the file meant" not in err, err


def test_only_the_box_each_image_learns_is_said(tmp_path, capsys, monkeypatch):
    """A run learns one box per image, its first usable one: a guess on a later box is scored by validation, never
    learned, and was said "learned so" (a good dog, then an inverted cat: object 2 named)."""
    data = _folder(tmp_path, {stem: (1, 1, 20, 20) for stem in "abcdef"})
    two = {"second_inverted": [("dog", (1, 1, 20, 20)), ("cat", (30, 25, 22, 5))],  # object 2 swapped: not learned
           "first_inverted": [("cat", (30, 25, 22, 5)), ("dog", (1, 1, 20, 20))],  # object 1 swapped: learned
           "nameless_inverted": [("", (20, 1, 1, 20)), ("dog", (0.1, 0.1, 0.5, 0.6))]}  # passed over; fractions
    for stem, objects in two.items():
        write_image(data / f"{stem}.jpg", 40, 30)
        (data / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 40, 30, objects), encoding="utf-8")
    from petloc_gui.model.data import collect_samples

    notes = {sample.relpath: sample.guessed_boxes for sample in collect_samples(data)[0] if sample.guessed_boxes}
    assert {relpath: [note.split(":", 1)[0] for note in said] for relpath, said in notes.items()} == {
        "first_inverted.jpg": ["object 1 (cat)"], "nameless_inverted.jpg": ["object 2 (dog)"]}
    err = _stderr_before_tensorflow(tmp_path, capsys, monkeypatch, data)
    lines = [line for line in err.splitlines() if "learned so: a guess at what the file meant" in line]
    assert len(lines) == 2, err
    assert "first_inverted.xml: object 1 (cat): inverted" in lines[0], err
    assert "nameless_inverted.xml: object 2 (dog): coordinates" in lines[1], err
    assert "second_inverted" not in err, err
