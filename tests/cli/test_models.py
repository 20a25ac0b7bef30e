"""`petloc models` with hand-edited or damaged version records (no TensorFlow: records only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.text import display_width
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file


def _version(store: Path, name: str, metrics_text: str) -> Path:
    """A version folder whose meta.json "metrics" is ``metrics_text`` verbatim (NaN and 1e400 are
    what Python's json writes and reads, but no JSON value)."""
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(
        '{"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32], '
        f'"created": "2026-11-23T12:00:00+00:00", "metrics": {metrics_text}}}', encoding="utf-8")
    return add_model_file(folder)


@pytest.mark.parametrize("n_images", ["NaN", "Infinity", "-Infinity", "3.7", "-5", "1e300", "1e400",
                                      "1" + "0" * 400])
def test_a_version_whose_image_count_is_no_count_is_listed_with_it_unknown(n_images, capsys,
                                                                           _isolated_user_data):
    store = _isolated_user_data / "models"
    bad = _version(store, "bad", f'{{"n_images": {n_images}, "accuracy": 0.5, "mean_iou": 0.25}}')
    _version(store, "good", '{"n_images": 12, "accuracy": 1.0, "mean_iou": 0.5}')

    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    rows = {row["name"]: row for row in json_lines(out)}
    assert rows["digits/good"]["metrics"]["n_images"] == 12  # the others are not hidden
    assert rows["digits/bad"]["metrics"] == {"accuracy": 0.5, "mean_iou": 0.25}  # the count is unknown
    assert rows["digits/bad"]["warning"].startswith(f"{bad / 'meta.json'}: metric n_images is not a count")

    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    table = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert " validation images " in table["digits/bad"] and "12 validation images" in table["digits/good"]


def test_a_whole_float_image_count_is_a_count(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "v", '{"n_images": 12.0, "accuracy": 1.0}')
    code, out, _ = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["name"] == "digits/v")
    assert code == 0 and row["metrics"]["n_images"] == 12 and "warning" not in row
    json.dumps(row, allow_nan=False)


@pytest.mark.parametrize("accuracy", ["1" + "0" * 400, "1e999", "Infinity", "NaN"])
def test_a_figure_that_is_no_finite_number_is_shown_as_unknown_with_a_warning(accuracy, capsys,
                                                                                _isolated_user_data):
    # the window's rule (app.model_metrics): left out and noted, as a count that is no count
    folder = _version(_isolated_user_data / "models", "v", '{"n_images": 12, "accuracy": ' + accuracy + "}")
    code, out, err = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["name"] == "digits/v")
    assert code == 0 and assert_clean_errors(err) == [] and row["metrics"] == {"n_images": 12}
    assert row["warning"].startswith(f"{folder / 'meta.json'}: metric accuracy is not a finite number (")
    assert "0" * 30 not in row["warning"]  # a 401-digit number is described, not written out


def test_a_newline_in_a_version_s_name_cannot_add_a_line_to_the_table(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "new\nline", '{"n_images": 12, "accuracy": 1.0}')
    code, out, _ = run_cli(capsys, "models")
    rows = [line for line in out.splitlines()[1:] if "digits/" in line]
    assert code == 0 and len(rows) == 1 and rows[0].startswith("digits/new\\x0aline ")


def test_a_version_is_named_by_its_folders_not_by_what_version_json_says(capsys, _isolated_user_data):
    folder = _version(_isolated_user_data / "models", "v1", '{"n_images": 12}')
    (folder / "version.json").write_text(json.dumps({"id": "x/../../y", "preset": "pets", "metrics": {}}),
                                         encoding="utf-8")
    code, out, _ = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["path"] == str(folder))
    assert code == 0 and (row["name"], row["preset"]) == ("digits/v1", "digits")


def test_a_bundle_copied_straight_into_the_store_is_listed_with_where_it_belongs(capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    folder = _version(store, "v1", '{"n_images": 12}')
    misplaced = store / "copied-bundle"
    folder.rename(misplaced)
    code, out, err = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["name"] == "copied-bundle")
    assert code == 0 and assert_clean_errors(err) == [] and row["path"] == str(misplaced)
    assert row["warning"].startswith(f"{misplaced}: a model bundle directly in {store}")
    code, out, _ = run_cli(capsys, "models")
    assert any(line.startswith("copied-bundle ") and "move it into its preset's folder" in line
               for line in out.splitlines())


SELECTION_ONLY = "selection set (these images chose the epoch; there were no other held-out images)"
REPORT = "validation (report part: did not choose the epoch)"


def test_figures_on_the_image_that_chose_the_epoch_are_said_to_be_on_the_selection_set(capsys,
                                                                                      _isolated_user_data):
    """One validation image both chose the epoch and gave the figures (model.training.SELECTION_ONLY):
    `petloc models` said "1 validation image", as for images that did not choose it."""
    store = _isolated_user_data / "models"
    _version(store, "cli-one", json.dumps({"n_images": 1, "accuracy": 1.0, "split": SELECTION_ONLY}))
    _version(store, "cli-report", json.dumps({"n_images": 12, "accuracy": 0.9, "split": REPORT}))
    # a version kept in the window: version.json holds the comparison's figures, the run's own in "extra"
    gui = _version(store, "gui-one", json.dumps({"n_images": 1, "accuracy": 1.0, "split": SELECTION_ONLY}))
    (gui / "version.json").write_text(json.dumps({
        "metrics": {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.5},
        "extra": {"training_metrics": {"n_images": 1, "split": SELECTION_ONLY}}}), encoding="utf-8")
    _version(store, "old", '{"n_images": 5, "accuracy": 0.8}')  # recorded before the split was

    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    rows = {row["name"]: row for row in json_lines(out)}
    for name, chose in (("digits/cli-one", True), ("digits/gui-one", True), ("digits/cli-report", False),
                        ("digits/old", None), ("pets", False)):
        # "split" keeps its values (the held-out split the images are from); "chose_epoch" says which part
        expected = "test" if name == "pets" else "validation"
        assert (rows[name]["split"], rows[name]["chose_epoch"]) == (expected, chose), name

    code, out, err = run_cli(capsys, "models")
    table = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "1 selection-set image " in table["digits/cli-one"] and "1 selection-set image " in table["digits/gui-one"]
    assert "12 validation images" in table["digits/cli-report"] and "5 validation images" in table["digits/old"]


def test_the_table_lines_up_whatever_the_length_of_a_name_or_preset(capsys, _isolated_user_data):
    """Columns as wide as their widest cell: a long version name, a wide-character name (two terminal
    columns each), an escaped newline and 1234 validation images used to push the later columns right."""
    store = _isolated_user_data / "models"
    for name in ("v1", "20260101-120000-a-retrain-named-longer-than-the-old-28-columns", "猫と犬のモデル",
                 "new\nline"):
        _version(store, name, '{"n_images": 1234, "accuracy": 0.5, "mean_iou": 0.25}')
    long_preset = store / "a-preset-with-a-long-name" / "v2"
    long_preset.parent.mkdir()
    (store / "digits" / "v1").rename(long_preset)
    meta = long_preset / "meta.json"  # a preset is meta.json's: this one's is the long name too
    meta.write_text(meta.read_text(encoding="utf-8").replace('"digits"', '"a-preset-with-a-long-name"'),
                    encoding="utf-8")

    code, out, _ = run_cli(capsys, "models")
    header, *lines = out.splitlines()
    rows = [line for line in lines if "1234 validation images" in line]
    assert code == 0 and len(rows) == 4

    def column(line: str, text: str) -> int:  # where `text` starts, in terminal columns
        return display_width(line[: line.index(text)])

    for line in rows:
        assert column(line, " 0.500") + 6 == column(header, "accuracy") + len("accuracy")  # aligned right
        assert column(line, " 0.250") + 6 == column(header, "mean IoU") + len("mean IoU")
        assert column(line, "1234 validation images") == column(header, "measured on")
        assert column(line, str(store)) == column(header, "path")
    moved = next(line for line in rows if line.startswith("a-preset-with-a-long-name/v2 "))
    assert column(moved, "  a-preset-with-a-long-name") + 2 == column(header, "preset")
