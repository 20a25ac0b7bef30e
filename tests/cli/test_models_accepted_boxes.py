"""`petloc models` says of a version whose figures' images hold boxes a person accepted unchanged from a model
what `petloc train` recorded beside them (meta.json ``metrics_accepted_boxes``, ADR 0013): one line after the
table, and the record in its --json row. Before, it listed the figures alone, though a fine-tune's on its
parent's accepted boxes measure agreement with the parent."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file

FIGURES = {"n_images": 10, "accuracy": 0.9, "mean_iou": 0.7, "split": "validation (report part: did not choose "
           "the epoch)"}
RECORD = {"n_scored": 10, "n_images": 4, "from": {"model digits": 4}, "relation": {"model digits": "parent"},
          "own": 0, "parent": 4, "warning": "4 of the 10 scored validation images hold boxes accepted unchanged "
          "from model digits", "person_drawn": {"n_images": 6, "n_labelled": 6, "accuracy": 0.8333, "mean_iou": 0.6125,
                                                "iou_ge_50": 0.667, "iou_ge_75": 0.333}}


def _version(store: Path, name: str, record, version_figures: dict | None = None, raw: str | None = None) -> Path:
    """A digits version as `petloc train` writes it (meta.json only), its record ``record``; with
    ``version_figures``, kept in the window: version.json holds those (the comparison's)."""
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
            "created": "2026-11-23T12:00:00+00:00", "parent": "digits", "metrics": FIGURES,
            "metrics_accepted_boxes": record}
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


def test_a_version_s_record_of_accepted_boxes_is_said_after_the_table_and_carried_in_json(capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    _version(store, "tuned", RECORD)
    _version(store, "plain", None)
    lines, rows = _listed(capsys)
    said = [line for line in lines if "accepted from a model" in line]
    assert said == ["digits/tuned: 4 of 10 scored images hold boxes accepted from a model; on the 6 of these 10 "
                    "images whose boxes a person drew: accuracy 0.833  mean_iou 0.613  iou_ge_50 0.667  "
                    "iou_ge_75 0.333"]
    assert lines.index(said[0]) < len(lines) - 1 and lines[-1].startswith("Trained versions are kept in")
    assert rows["digits/tuned"]["metrics_accepted_boxes"] == RECORD
    assert "metrics_accepted_boxes" not in rows["digits/plain"]  # none recorded: nothing to say
    assert rows["digits/tuned"]["metrics"] == rows["digits/plain"]["metrics"]  # the figures are as before


def test_images_holding_only_a_model_s_boxes_and_labels_have_no_person_figures(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "tuned", {**RECORD, "n_images": 10, "person_drawn": None})
    lines, _ = _listed(capsys)
    assert "digits/tuned: 10 of 10 scored images hold boxes accepted from a model: none has a box or label a " \
           "person gave" in lines


def test_a_version_kept_in_the_window_shows_the_comparison_s_figures_and_not_the_run_s_record(capsys,
                                                                                            _isolated_user_data):
    # the comparison scored other images (those the current model did not train on): its hedges say it
    compared = {"n_images": 6, "accuracy": 0.5, "mean_iou": 0.6,
                "basis": {"images": "images neither model trained on", "n_validation": 10, "relpaths": [],
                          "hedges": ["2 of these 6 images hold boxes accepted unchanged from model digits"]}}
    _version(_isolated_user_data / "models", "kept", RECORD, version_figures=compared)
    lines, rows = _listed(capsys)
    assert not [line for line in lines if "accepted from a model" in line]
    assert "metrics_accepted_boxes" not in rows["digits/kept"]


def test_a_record_holding_no_json_number_is_noted_and_ignored(capsys, _isolated_user_data):
    folder = _version(_isolated_user_data / "models", "odd", {**RECORD, "person_drawn": {"mean_iou": "RAW"}},
                      raw="NaN")
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []  # the row says it: the JSON stays valid
    [row] = [row for row in json_lines(out) if row["name"] == "digits/odd"]
    assert "metrics_accepted_boxes" not in row
    assert row["warning"] == (f"{folder / 'meta.json'}: metrics_accepted_boxes holds a number that is not finite "
                              "(NaN or Infinity); ignored")


def test_accuracy_on_relabelled_model_boxes_is_said_on_the_images_whose_labels_a_person_gave(capsys,
                                                                                              _isolated_user_data):
    # the loop's case: every box the parent's, one relabelled by a person. The line read "person-drawn mean
    # IoU -, accuracy 0.000", as if on person-drawn images (there are none) and with no count given
    store = _isolated_user_data / "models"
    _version(store, "relabelled", {**RECORD, "n_scored": 5, "n_images": 5, "person_drawn": {
        "n_images": 0, "n_labelled": 1, "accuracy": 0.0, "mean_iou": None, "iou_ge_50": None, "iou_ge_75": None}})
    # some boxes a person drew, more labels a person gave: accuracy is on the larger set, and says so
    _version(store, "mixed", {**RECORD, "person_drawn": {**RECORD["person_drawn"], "n_images": 3, "n_labelled": 5}})
    lines, _ = _listed(capsys)
    assert ("digits/relabelled: 5 of 5 scored images hold boxes accepted from a model; on the 1 of these 5 images "
            "whose labels a person gave (none with boxes a person drew): accuracy 0.000") in lines
    assert ("digits/mixed: 4 of 10 scored images hold boxes accepted from a model; on the 3 of these 10 images "
            "whose boxes a person drew (accuracy: on the 5 whose labels a person gave): accuracy 0.833  mean_iou "
            "0.613  iou_ge_50 0.667  iou_ge_75 0.333") in lines
    assert not [line for line in lines if "person-drawn" in line]


def test_a_hand_edited_record_with_no_numbers_where_counts_and_figures_belong_is_listed(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "edited", {**RECORD, "n_scored": "ten", "person_drawn": {
        "n_images": "six", "n_labelled": [], "accuracy": "high", "mean_iou": True}})
    lines, _ = _listed(capsys)  # (no traceback: the figures that are none are left out)
    assert ("digits/edited: 4 of ? scored images hold boxes accepted from a model; on the 0 images whose labels a "
            "person gave (none with boxes a person drew): accuracy -") in lines
