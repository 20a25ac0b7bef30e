"""The retrain comparison on `petloc digits` canvases whose folder's record cannot be read (or whose entry
names no digit): which MNIST digit they hold, so whether a model learned it, cannot be told. Before: they
were taken for held-out digits, and the comparison called the figures on them fair."""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.model import comparison


def _new_bundle(folder, learned=None):
    folder.mkdir(parents=True)
    training = {"mnist_digits": learned} if learned is not None else {}
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": [str(i) for i in range(10)], "input_size": [75, 75],
        "parent": None, "training_data": training}))
    return folder


def _compare(data, images, new, **run):
    return comparison.compare_models(data, "default", new, [p.relative_to(data).as_posix() for p in images], **run)


def test_canvases_of_an_unreadable_record_are_hedged_naming_it_and_why(tmp_path, scored):
    images = write_digits_dataset(tmp_path / "dg", "train", count=4, seed=3)
    (tmp_path / "dg" / RECORD_NAME).write_text("{ not json")
    new = _new_bundle(tmp_path / "nb")
    result = _compare(tmp_path, images, new, old_model="digits", fine_tuned=True)
    note = result["note"]
    assert "A fair comparison" not in note
    said = ("4 of them are canvases whose MNIST digit their folder's petloc digits record cannot tell "
            "(dg/petloc-digits.json: cannot be read: not JSON (Expecting property name enclosed in double quotes, "
            "line 1 column 3)): whether the current model learned their digits cannot be told, so both models' figures "
            "on them may be optimistic.")
    assert said in note
    assert result["new_hedges"] == result["hedges"] == [said]  # fine-tuned: the new model learned what it did
    alone = _compare(tmp_path, images[:1], new, old_model="digits", fine_tuned=False)
    assert ("1 of them is a canvas whose MNIST digit its folder's petloc digits record cannot tell" in alone["note"]
            and "the current model's figures on it may be optimistic." in alone["note"])
    assert alone["new_hedges"] == []


def test_an_entry_naming_no_digit_leaves_that_canvas_untold_only(tmp_path, scored):
    images = write_digits_dataset(tmp_path / "dg", "test", count=3, seed=3)
    path = tmp_path / "dg" / RECORD_NAME
    record = json.loads(path.read_text())
    record["images"][images[0].name]["mnist_index"] = "four"
    path.write_text(json.dumps(record))
    new = _new_bundle(tmp_path / "nb", {"test": "all"})  # the new model learned every test digit
    note = _compare(tmp_path, images, new, old_model=None, fine_tuned=False)["note"]
    assert "2 of them hold MNIST digits that the new model learned" in note
    assert (f'1 of them is a canvas whose MNIST digit its folder\'s petloc digits record cannot tell '
            f'(dg/petloc-digits.json: its entry for "{images[0].name}" is not a canvas\'s split, mnist_index '
            "and sha256): whether the new model learned its digit cannot be told, so the new model's figures on it may "
            "be optimistic.") in note


def test_a_model_that_learned_no_digits_needs_no_hedge_on_untold_canvases(tmp_path, scored):
    images = write_digits_dataset(tmp_path / "dg", "train", count=3, seed=3)
    (tmp_path / "dg" / RECORD_NAME).write_text("[]")
    note = _compare(tmp_path, images, _new_bundle(tmp_path / "nb"), old_model=None, fine_tuned=False)["note"]
    assert "MNIST" not in note


def test_a_fine_tune_s_untold_canvases_are_said_once(tmp_path, scored):
    images = write_digits_dataset(tmp_path / "dg", "train", count=3, seed=3)
    (tmp_path / "dg" / RECORD_NAME).write_text("{}")
    new = _new_bundle(tmp_path / "nb", {"train": "all"})  # inherited from the bundled digits model
    note = _compare(tmp_path, images, new, old_model="digits", fine_tuned=True)["note"]
    assert note.count("petloc digits record cannot tell") == 1
    assert ('(dg/petloc-digits.json: cannot be read: not a petloc digits record (no "images" object)): whether the '
            "current model learned their digits cannot be told, so both models' figures") in note
