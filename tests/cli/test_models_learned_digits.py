"""`petloc models` says of a version whose own figures are on `petloc digits` canvases of MNIST digits a model
learned on other canvases what `petloc train` recorded beside them (meta.json ``metrics_learned_digits``,
`model.training_digits`): one line per sentence after the table, and the record in its --json row, as it says
``metrics_accepted_boxes``. Before, it listed the figures alone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file

FIGURES = {"n_images": 3, "accuracy": 0.9, "mean_iou": 0.7, "split": "validation (report part: did not choose "
           "the epoch)"}
SENTENCE = ("3 of these 3 images hold MNIST digits that the model it was fine-tuned from, or one that model descends "
            "from, learned, or chose its epoch with, on other canvases (the digits of petloc digits --split train), so "
            "these figures on them are optimistic")
RECORD = {"n_scored": 3, "parent": 3, "own": 0, "untold": 0, "hedges": [f"{SENTENCE}."]}


def _version(store: Path, name: str, record, version_figures: dict | None = None, raw: str | None = None) -> Path:
    """A digits version as `petloc train` writes it (meta.json only), its record ``record``; with
    ``version_figures``, kept in the window: version.json holds those (the comparison's)."""
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
            "created": "2026-11-23T12:00:00+00:00", "parent": "digits", "metrics": FIGURES,
            "metrics_accepted_boxes": None, "metrics_learned_digits": record}
    text = json.dumps(meta)
    (folder / "meta.json").write_text(text if raw is None else text.replace('"RAW"', raw), encoding="utf-8")
    if version_figures is not None:
        (folder / "version.json").write_text(json.dumps({
            "id": name, "preset": "digits", "parent": None, "created": "2026-11-23T12:00:00+00:00",
            "metrics": version_figures, "data_fingerprint": None, "extra": {}}), encoding="utf-8")
    return add_model_file(folder)


def _listed(capsys) -> tuple[list[str], dict[str, dict]]:
    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    code, json_out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return out.splitlines(), {row["name"]: row for row in json_lines(json_out)}


def test_a_version_s_record_of_learned_digits_is_said_after_the_table_and_carried_in_json(capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    _version(store, "tuned", RECORD)
    _version(store, "plain", None)
    lines, rows = _listed(capsys)
    said = [line for line in lines if "MNIST" in line]
    assert said == [f"digits/tuned: {SENTENCE}"]  # petloc train's words, the model named
    assert lines.index(said[0]) < len(lines) - 1 and lines[-1].startswith("Trained versions are kept in")
    assert rows["digits/tuned"]["metrics_learned_digits"] == RECORD
    assert "metrics_learned_digits" not in rows["digits/plain"]  # null: nothing to say
    assert rows["digits/tuned"]["metrics"] == rows["digits/plain"]["metrics"]  # the figures are as before


def test_a_version_kept_in_the_window_shows_the_comparison_s_figures_and_not_the_run_s_record(capsys,
                                                                                            _isolated_user_data):
    # the comparison scored other images: its own hedges (basis.hedges) say it of them
    compared = {"n_images": 2, "accuracy": 0.5, "mean_iou": 0.6,
                "basis": {"images": "images neither model trained on", "n_validation": 3, "relpaths": [],
                          "hedges": ["2 of them hold MNIST digits that the current model learned ..."]}}
    _version(_isolated_user_data / "models", "kept", RECORD, version_figures=compared)
    lines, rows = _listed(capsys)
    assert not [line for line in lines if line.startswith("digits/kept: ")]
    assert "metrics_learned_digits" not in rows["digits/kept"]


def test_a_record_holding_no_json_number_is_noted_and_ignored(capsys, _isolated_user_data):
    folder = _version(_isolated_user_data / "models", "odd", {**RECORD, "n_scored": "RAW"}, raw="NaN")
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []  # the row says it: the JSON stays valid
    [row] = [row for row in json_lines(out) if row["name"] == "digits/odd"]
    assert "metrics_learned_digits" not in row
    assert row["warning"] == (f"{folder / 'meta.json'}: metrics_learned_digits holds a number that is not finite "
                              "(NaN or Infinity); ignored")


def test_a_hand_edited_record_without_a_sentence_says_nothing(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "edited", {**RECORD, "hedges": [3, ""]})
    lines, rows = _listed(capsys)
    assert not [line for line in lines if line.startswith("digits/edited: ")]
    assert "metrics_learned_digits" not in rows["digits/edited"]
