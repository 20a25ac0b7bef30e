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
