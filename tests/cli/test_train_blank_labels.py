"""`petloc train` takes a label of nothing but characters drawn as nothing ("\\u200b", a soft hyphen, the Hangul
filler U+3164) for no label, on whatever box (`core.scored_objects.labelled`, as an empty one): such a box is
passed over (the image learns its next labelled box, or is skipped when it has none), scored against by no
validation, and no class to refuse; no file is changed. The refusal's words for such a label, which the window's
new-classes bar and Retrain dialog share (`core.case_variant_refusal`), stay for counts that hold one.

Before: it trained as a class of its own, one a person saw as no name; then a run with one on a box after an image's
first was refused, while on a first box it skipped the image whole (three rules for one label)."""

from __future__ import annotations

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.cli.output import CommandError
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import one_box_each, run_cli, write_annotated

STOPPED = "stopped before TensorFlow loads"


@pytest.fixture
def stopped_at_tensorflow(monkeypatch):
    def stop_here():
        raise CommandError(STOPPED)

    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)


def _later_box(folder, stem, first, later):
    """``folder``'s image ``stem`` boxed ``first``, then ``later`` on a box after it."""
    write_annotated(folder, stem, 40, 30, [(first, (5, 5, 20, 20)), (later, (1, 1, 9, 9))])


@pytest.mark.parametrize("blank", ["\u200b", "\xad", "\u3164", "\u2060\u200b"], ids=ascii)
def test_a_label_drawn_as_nothing_is_no_label_and_refuses_no_run(tmp_path, capsys, stopped_at_tensorflow, blank):
    folder = one_box_each(tmp_path / "photos", ["cat", "cat", "dog", "dog", "dog", "cat"])
    _later_box(folder, "img2", "dog", blank)
    _later_box(folder, "img5", blank, "cat")
    before = (folder / "img2.xml").read_bytes()
    code, stdout, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1 and stdout == "" and stderr == f"petloc: {STOPPED}\n"  # on to TensorFlow, nothing refused
    assert (folder / "img2.xml").read_bytes() == before  # nothing rewritten
    samples, _, _ = collect_samples(folder)
    assert {name for sample in samples for name, _box in sample.ground_truth} == {"cat", "dog"}
    assert {sample.relpath: sample.label for sample in samples}["img5.png"] == "cat"  # its next box learned


def test_beside_a_class_typed_two_ways_only_the_case_is_refused(tmp_path, capsys, stopped_at_tensorflow):
    folder = one_box_each(tmp_path / "photos", ["cat", "Cat", "dog", "dog", "dog"])
    _later_box(folder, "img2", "dog", "\u200b")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1
    assert stderr.startswith(f"petloc: {folder}: labels that differ only in case would train as separate classes"), \
        stderr
    assert "drawn as nothing" not in stderr


def test_the_windows_words_are_the_same_without_the_file():
    assert case_variant_refusal({"cat": 3, "\u3164": 2, "\xad": 1, "dog": 2}) == (
        "labels of nothing but characters drawn as nothing would train as classes with no name to see: "
        '"\\u3164" (2 boxes), "\\xad" (1 box). Give their boxes a class name: the window\'s Edit → Classes… '
        "(Ctrl+L) renames a class on every box of the folder")
    assert case_variant_refusal({"cat": 3, "\u2764\ufe0f": 2, "\u200b": 0}) == ""  # shows something; on no box
