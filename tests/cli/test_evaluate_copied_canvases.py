"""`petloc evaluate` on `petloc digits` canvases copied out of the folder that holds their `petloc-digits.json`
(a normal step in building a data set): their names are still those `petloc digits` gave, but no record
says which MNIST digit they hold, so they may hold digits the model learned. Before: no record was taken
for no canvas: `trained_on_record` "complete", `n_learned_digits` 0 and not a word (hunt s30/h2: 3,000
copied `--split train` canvases, evaluated with the bundled digits model that learned those digits)."""

from __future__ import annotations

import json
import shutil

from petloc_gui.core.digits_record import EMPTY_RECORD, NO_RECORD, RECORD_NAME, canvas_name, record_digits
from tests.cli.helpers import RED, assert_clean_errors, last_json, run_cli, voc_xml, write_image
from tests.cli.test_evaluate_learned_digits import _model

W, H = 64, 32
COPIED_NOTE = ("incomplete: {n} evaluated images named as petloc digits canvases have no petloc-digits.json record "
               "beside them; they may hold MNIST digits the model learned (n_digits_unknown, digits_records_unread)")


def _canvases(folder, digits, named=canvas_name):
    """Canvases annotated "cat" under the names petloc digits gives, recorded as holding ``digits``
    [(split, index)], as `petloc digits` writes them (the model of `_model` learned train 3 and 7)."""
    folder.mkdir()
    entries = {}
    for n, (split, index) in enumerate(digits):
        image = write_image(folder / named(split, n, index % 10), W, H, RED)
        image.with_suffix(".xml").write_text(voc_xml(image.name, W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
        entries[image.name] = (split, index, image.read_bytes())
    record_digits(folder, entries)
    return folder


def _copied(source, target):
    """``source``'s images and annotations copied into ``target``, its record left behind."""
    target.mkdir()
    for path in source.iterdir():
        if path.name != RECORD_NAME:
            shutil.copy(path, target / path.name)
    return target


def _evaluate(capsys, folder, model, *more):
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, *more)
    assert code == 0, err
    return out, err


def test_copied_canvases_are_not_complete_and_are_said_to_be_untold(tiny_bundle, tmp_path, capsys):
    written = _canvases(tmp_path / "dig train", [("train", 3), ("train", 7), ("train", 9)])
    copied = _copied(written, tmp_path / "cp_train")
    out, err = _evaluate(capsys, copied, _model(tiny_bundle, tmp_path), "--json")
    report = last_json(out)
    assert report["n_images"] == 3 and report["accuracy"] == 1.0  # the figures stay what they are
    assert (report["n_trained_on"], report["n_learned_digits"], report["n_digits_unknown"]) == (0, 0, 3)
    assert report["trained_on_record"] == COPIED_NOTE.format(n=3)
    assert report["digits_records_unread"] == [{"record": str(copied / RECORD_NAME), "problem": NO_RECORD,
                                                "n_images": 3}]
    assert assert_clean_errors(err) == [
        f"petloc: warning: {copied / RECORD_NAME}: {NO_RECORD}: which MNIST digit the 3 evaluated images in its "
        "folder hold cannot be told, so these figures may include digits this model, or one it was fine-tuned "
        "from, learned on other canvases (to have them told, copy beside them the petloc-digits.json of the "
        "folder petloc digits wrote them to)"]
    out, err = _evaluate(capsys, copied, _model(tiny_bundle, tmp_path / "b"))  # the table says it too
    assert "3 evaluated, 3 whose MNIST digit cannot be told; 0 skipped" in out
    # the folder they were written to, with its record, says what it said
    out, err = _evaluate(capsys, written, _model(tiny_bundle, tmp_path / "c"), "--json")
    report = last_json(out)
    assert (report["n_learned_digits"], report["n_digits_unknown"]) == (2, 0)
    assert report["trained_on_record"].startswith("incomplete: 2 evaluated images hold MNIST digits the model "
                                                  "learned on other canvases")
    # their record copied beside them tells them again
    shutil.copy(written / RECORD_NAME, copied / RECORD_NAME)
    out, err = _evaluate(capsys, copied, _model(tiny_bundle, tmp_path / "d"), "--json")
    assert (last_json(out)["n_learned_digits"], last_json(out)["n_digits_unknown"]) == (2, 0)


def test_one_copied_canvas_beside_a_record_of_none_is_said_in_the_singular(tiny_bundle, tmp_path, capsys):
    copied = _copied(_canvases(tmp_path / "dig test", [("test", 3)]), tmp_path / "cp_test")
    (copied / RECORD_NAME).write_text(json.dumps({"images": {}}), encoding="utf-8")
    out, err = _evaluate(capsys, copied, _model(tiny_bundle, tmp_path), "--json")
    report = last_json(out)
    assert report["trained_on_record"] == (
        "incomplete: 1 evaluated image named as a petloc digits canvas has no petloc-digits.json record beside it; "
        "it may hold an MNIST digit the model learned (n_digits_unknown, digits_records_unread)")
    assert report["digits_records_unread"][0]["problem"] == EMPTY_RECORD
    assert "the one evaluated image in its folder holds cannot be told" in assert_clean_errors(err)[0]


def test_ordinary_photos_with_no_record_stay_complete(tiny_bundle, tmp_path, capsys):
    photos = _canvases(tmp_path / "photos", [("train", 3), ("train", 7)], named=lambda split, n, _: f"IMG_{n:04d}.png")
    (photos / RECORD_NAME).unlink()
    out, err = _evaluate(capsys, photos, _model(tiny_bundle, tmp_path), "--json")
    report = last_json(out)
    assert (report["trained_on_record"], report["n_digits_unknown"], report["digits_records_unread"]) == (
        "complete", 0, [])
    assert assert_clean_errors(err) == []


def test_copied_canvases_beside_an_unreadable_record_are_counted_apart(tiny_bundle, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    _copied(_canvases(tmp_path / "dig train", [("train", 3), ("train", 7)]), data / "copied")
    broken = _canvases(data / "broken", [("train", 9)])
    (broken / RECORD_NAME).write_text("{", encoding="utf-8")
    out, err = _evaluate(capsys, data, _model(tiny_bundle, tmp_path), "--json")
    report = last_json(out)
    assert report["n_digits_unknown"] == 3
    assert report["trained_on_record"] == (
        "incomplete: 1 evaluated image may hold an MNIST digit the model learned: the petloc digits record of its "
        "folder cannot be read (n_digits_unknown, digits_records_unread); "
        + COPIED_NOTE.format(n=2).removeprefix("incomplete: "))
    lines = assert_clean_errors(err)
    assert len(lines) == 2 and any("(to record them anew, move it away" in line for line in lines)
