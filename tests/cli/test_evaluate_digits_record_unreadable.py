"""`petloc evaluate` on canvases whose `petloc-digits.json` cannot be read says so, and reports their
digits as unknown. Before: a damaged record was read as no record at all: the figures on canvases of
learned digits came with no hedge, "complete" in `trained_on_record`, and not a word on stderr."""

from __future__ import annotations

import json
import os

import pytest

from petloc_gui.core.digits_record import MAX_RECORD_BYTES, RECORD_NAME
from tests.cli.helpers import assert_clean_errors, last_json, run_cli
from tests.cli.test_evaluate_learned_digits import _canvases, _model

ENTRY_NAMES = "a canvas's split, mnist_index and sha256"


def _not_json(record):
    record.write_text('{"images": {', encoding="utf-8")


def _a_list(record):
    record.write_text("[]", encoding="utf-8")


def _no_images(record):
    record.write_text(json.dumps({"what": "petloc digits", "images": ["train_00000.png"]}), encoding="utf-8")


def _not_utf8(record):
    record.write_bytes(b'{"images": {"\xff": 1}}')


def _nested(record):
    record.write_text("[" * 100_000, encoding="utf-8")


def _huge(record):
    with open(record, "wb") as handle:  # sparse: its size, not its bytes, is what refuses it
        handle.truncate(MAX_RECORD_BYTES + 1)


def _a_folder(record):
    record.unlink()
    record.mkdir()


def _a_pipe(record):  # opened, it would wait for a writer forever
    record.unlink()
    os.mkfifo(record)


BAD_RECORDS = {
    "not JSON": (_not_json, "cannot be read: not JSON (Expecting property name enclosed in double quotes, line 1 "
                            "column 13)"),
    "a list": (_a_list, 'cannot be read: not a petloc digits record (no "images" object)'),
    "images not an object": (_no_images, 'cannot be read: not a petloc digits record (no "images" object)'),
    "not UTF-8": (_not_utf8, "cannot be read: not UTF-8 text"),
    "nested too deep": (_nested, "cannot be read: nested deeper than any petloc digits record; not read"),
    "huge": (_huge, f"cannot be read: {MAX_RECORD_BYTES + 1:,} bytes, larger than any petloc digits record "
                    f"({MAX_RECORD_BYTES:,} bytes at most); not read"),
    "a folder": (_a_folder, "cannot be read: not a regular file"),
    "a pipe": (_a_pipe, "cannot be read: not a regular file"),
}


def _warning(record, why, which):
    return (f"petloc: warning: {record}: {why}: which MNIST digit {which} cannot be told, so these figures may "
            "include digits this model, or one it was fine-tuned from, learned on other canvases (to record them "
            "anew, move it away and run the petloc digits command that made the folder again, with the same "
            "--split, --count and --seed)")


@pytest.mark.parametrize("kind", sorted(BAD_RECORDS))
def test_a_record_that_cannot_be_read_is_said_and_its_canvases_are_unknown(kind, tiny_bundle, tmp_path, capsys):
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("train", 9)])
    damage, why = BAD_RECORDS[kind]
    damage(folder / RECORD_NAME)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 3 and report["accuracy"] == 1.0  # the figures stay what they are
    assert report["n_learned_digits"] == 0  # none told: a lower bound now
    assert report["n_digits_unknown"] == 3
    assert report["digits_records_unread"] == [{"record": str(folder / RECORD_NAME), "problem": why, "n_images": 3}]
    assert report["trained_on_record"] == (
        "incomplete: 3 evaluated images may hold MNIST digits the model learned: the petloc digits record of its "
        "folder cannot be read (n_digits_unknown, digits_records_unread)")
    which = "the 3 evaluated images in its folder hold"
    assert assert_clean_errors(err) == [_warning(folder / RECORD_NAME, why, which)]

    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path / "b"))
    assert code == 0
    assert "3 evaluated, 3 whose MNIST digit cannot be told; 0 skipped" in out


def test_a_record_that_may_not_be_read_is_said(tiny_bundle, tmp_path, capsys, monkeypatch):
    from petloc_gui.core import json_record

    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 9)])
    real = open

    def refusing(path, *args, **kwargs):  # what a record without read permission does (root ignores chmod)
        if os.fspath(path).endswith(RECORD_NAME):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(json_record, "open", refusing, raising=False)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert (report["n_learned_digits"], report["n_digits_unknown"]) == (0, 2)
    assert report["digits_records_unread"][0]["problem"] == "cannot be read: Permission denied"
    assert assert_clean_errors(err) == [_warning(folder / RECORD_NAME, "cannot be read: Permission denied",
                                                 "the 2 evaluated images in its folder hold")]


def test_an_entry_that_names_no_digit_leaves_that_canvas_unknown_and_the_others_counted(tiny_bundle, tmp_path,
                                                                                     capsys):
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("train", 9)])
    record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    record["images"]["train_00001.png"]["mnist_index"] = "seven"
    (folder / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert (report["n_learned_digits"], report["n_digits_unknown"]) == (1, 1)  # train 3 told; train 9 not learned
    why = f'its entry for "train_00001.png" is not {ENTRY_NAMES}'
    assert report["digits_records_unread"] == [{"record": str(folder / RECORD_NAME), "problem": why, "n_images": 1}]
    assert report["trained_on_record"] == (
        "incomplete: 1 evaluated image holds an MNIST digit the model learned on other canvases (n_learned_digits), "
        "not counted in n_trained_on; 1 evaluated image may hold an MNIST digit the model learned: the petloc "
        "digits record of its folder cannot be read (n_digits_unknown, digits_records_unread)")
    lines = assert_clean_errors(err)
    assert len(lines) == 2 and lines[0].startswith("petloc: 1 of these 3 evaluated images holds an MNIST digit")
    assert lines[1] == _warning(folder / RECORD_NAME, why, "the one evaluated image in its folder holds")


def test_a_good_record_and_no_record_say_nothing_new(tiny_bundle, tmp_path, capsys):
    folder = _canvases(tmp_path / "digits-test", [("test", 3)])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert (report["n_digits_unknown"], report["digits_records_unread"], report["trained_on_record"]) == (
        0, [], "complete")
    (folder / RECORD_NAME).unlink()  # photos: no record, no canvas of petloc digits
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path / "b"), "--json")
    assert code == 0, err
    assert (last_json(out)["n_digits_unknown"], last_json(out)["trained_on_record"]) == (0, "complete")
    assert assert_clean_errors(err) == []


def test_a_model_that_learned_no_digit_needs_no_record(tiny_bundle, tmp_path, capsys):
    """No digit on any canvas can be one it learned: a damaged record changes nothing and is not read."""
    from tests.cli.helpers import bundle_with_meta

    folder = _canvases(tmp_path / "digits-train", [("train", 3)])
    _not_json(folder / RECORD_NAME)
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": [], "validation": [], "test": []}, images={})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert (last_json(out)["n_digits_unknown"], last_json(out)["trained_on_record"]) == (0, "complete")
    assert assert_clean_errors(err) == []


def test_past_three_records_one_line_counts_the_rest_and_json_lists_them_all(tiny_bundle, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    for n in range(5):
        _not_json(_canvases(data / f"seed{n}", [("train", 3)] * (1 + n % 2)) / RECORD_NAME)
    code, out, err = run_cli(capsys, "evaluate", data, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_digits_unknown"] == 7
    assert sorted(row["record"] for row in report["digits_records_unread"]) == [
        str(data / f"seed{n}" / RECORD_NAME) for n in range(5)]
    lines = assert_clean_errors(err)
    assert len(lines) == 4 and all("cannot be read: not JSON" in line for line in lines[:3])
    shown = sum(row["n_images"] for row in report["digits_records_unread"][:3])
    assert lines[3] == ("petloc: warning: and 2 more petloc digits records that cannot tell the digits of "
                        f"{7 - shown} evaluated images (--json lists them: digits_records_unread)")
