"""`petloc models --json` with a version whose figures' ``basis`` holds NaN or Infinity (Python's json
reads both from a hand-edited record, but they are no JSON): the row was written up to it, then
"unexpected error", exit 1, and the versions after it were not listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file


def _version(store: Path, name: str, basis_text: str) -> Path:
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(
        '{"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32], '
        '"created": "2026-11-23T12:00:00+00:00", "metrics": {"n_images": 8, "accuracy": 0.5, '
        f'"basis": {basis_text}}}}}', encoding="utf-8")
    return add_model_file(folder)


@pytest.mark.parametrize(("bad", "key"), [('"n_validation": NaN', "n_validation"),
                                          ('"n_validation": -Infinity', "n_validation"),
                                          ('"hedges": [{"weight": Infinity}]', "hedges")])
def test_a_basis_entry_that_is_no_finite_number_is_left_out_with_a_warning(bad, key, capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    damaged = _version(store, "a-damaged", f'{{"images": "images neither model trained on", {bad}}}')
    _version(store, "b-after", '{"n_validation": 20, "hedges": []}')

    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    rows = {row["name"]: row for row in json_lines(out)}
    for row in rows.values():
        json.dumps(row, allow_nan=False)
    assert rows["digits/a-damaged"]["basis"] == {"images": "images neither model trained on"}
    assert rows["digits/a-damaged"]["metrics"] == {"n_images": 8, "accuracy": 0.5}
    assert rows["digits/a-damaged"]["warning"] == (f"{damaged / 'meta.json'}: basis.{key} holds a number that is "
                                                   "not finite (NaN or Infinity); ignored")
    assert rows["digits/b-after"]["basis"] == {"n_validation": 20, "hedges": []}  # not hidden
    assert "warning" not in rows["digits/b-after"]

    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == [] and "digits/b-after" in out
