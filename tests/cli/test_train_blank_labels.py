"""`petloc train` refuses a label of nothing but characters drawn as nothing ("\\u200b", a soft hyphen, the Hangul
filler U+3164) on a box after an image's first, naming it escaped, its boxes and a file of it, before TensorFlow
loads; the window's Retrain dialog and the training child refuse it in the same words (`core.case_variant_refusal`),
without the file. On an image's first box it is no label, as an empty one: the image is skipped ("object has no
label": `model.data`), and not said again in the refusal.

Before: it trained as a class of its own, one a person saw as no name (an empty label trains none: training
leaves out an image whose first box has none)."""

from __future__ import annotations

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from tests.cli.helpers import one_box_each, run_cli, write_annotated


@pytest.fixture
def no_tensorflow(monkeypatch):
    def refused():
        raise AssertionError("TensorFlow loaded for a run refused before it")

    monkeypatch.setattr(cmd_train, "load_tensorflow", refused)


def _later_box(folder, stem, first, later):
    """``folder``'s image ``stem`` boxed ``first``, then ``later`` on a box after it."""
    write_annotated(folder, stem, 40, 30, [(first, (5, 5, 20, 20)), (later, (1, 1, 9, 9))])


REMEDY = ("Give its boxes a class name: the window's Edit → Classes… (Ctrl+L) renames a class on every box of the "
          "folder")


@pytest.mark.parametrize(("blank", "shown"), [("\u200b", "\\u200b"), ("\xad", "\\xad"), ("\u3164", "\\u3164"),
                                              ("\u2060\u200b", "\\u2060\\u200b")])
def test_a_label_drawn_as_nothing_is_refused_naming_a_file_of_it(tmp_path, capsys, no_tensorflow, blank, shown):
    folder = one_box_each(tmp_path / "photos", ["cat", "cat", "dog", "dog", "dog", "cat"])
    _later_box(folder, "img2", "dog", blank)
    _later_box(folder, "img5", "cat", blank)
    before = (folder / "img2.xml").read_bytes()
    out = tmp_path / "models"
    code, stdout, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", out)
    assert code == 1 and stdout == ""
    assert stderr == (
        f"petloc: {folder}: a label of nothing but characters drawn as nothing would train as a class with no name "
        f'to see: "{shown}" (2 boxes, one in img2.xml). {REMEDY}\n')
    assert not out.exists()
    assert (folder / "img2.xml").read_bytes() == before  # nothing rewritten


def test_beside_a_class_typed_two_ways_both_are_said_at_once(tmp_path, capsys, no_tensorflow):
    folder = one_box_each(tmp_path / "photos", ["cat", "Cat", "dog", "dog", "dog"])
    _later_box(folder, "img2", "dog", "\u200b")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1
    assert stderr.startswith(f'petloc: {folder}: a label of nothing but characters drawn as nothing would train as '
                             f'a class with no name to see: "\\u200b" (1 box, one in img2.xml). {REMEDY}; and labels '
                             "that differ only in case would train as separate classes")


def test_on_a_first_box_it_skips_its_image_and_only_later_boxes_are_refused(tmp_path, capsys, no_tensorflow):
    folder = one_box_each(tmp_path / "photos", ["cat", "cat", "\u200b", "dog", "dog", "dog"])
    _later_box(folder, "img3", "\u200b", "\u200b")  # skipped whole: neither box is counted
    _later_box(folder, "img4", "dog", "\u200b")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1
    assert stderr == (
        f"petloc: {folder}: a label of nothing but characters drawn as nothing would train as a class with no name "
        f'to see: "\\u200b" (1 box, one in img4.xml). {REMEDY}\n')


def test_the_windows_words_are_the_same_without_the_file():
    assert case_variant_refusal({"cat": 3, "\u3164": 2, "\xad": 1, "dog": 2}) == (
        "labels of nothing but characters drawn as nothing would train as classes with no name to see: "
        '"\\u3164" (2 boxes), "\\xad" (1 box). Give their boxes a class name: the window\'s Edit → Classes… '
        "(Ctrl+L) renames a class on every box of the folder")
    assert case_variant_refusal({"cat": 3, "\u2764\ufe0f": 2, "\u200b": 0}) == ""  # shows something; on no box
