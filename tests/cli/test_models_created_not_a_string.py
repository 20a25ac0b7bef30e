"""`petloc models --json` "created" is a date or null ("null where it is unknown", docs/cli.md), never "":
a record whose created is no string (a hand-edited 12345) gave "created": "". A meta.json-only version takes
its file's date then, as it does when meta.json names none."""

from __future__ import annotations

import json
from datetime import datetime

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file


def _version(folder, created, version_json: bool):
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
        "created": created, "parent": None, "metrics": {"n_images": 12, "accuracy": 0.5}}), encoding="utf-8")
    if version_json:
        (folder / "version.json").write_text(json.dumps({
            "id": folder.name, "preset": "digits", "parent": None, "created": created,
            "metrics": {"n_images": 12, "accuracy": 0.5}, "extra": {}}), encoding="utf-8")
    add_model_file(folder)


def _created(capsys) -> dict[str, object]:
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return {row["name"]: row["created"] for row in json_lines(out) if row["kind"] == "trained"}


def test_a_version_record_whose_created_is_no_string_says_null(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models" / "digits" / "odd", 12345, version_json=True)
    _version(_isolated_user_data / "models" / "digits" / "blank", "", version_json=True)
    assert _created(capsys) == {"digits/odd": None, "digits/blank": None}


def test_a_meta_json_whose_created_is_no_string_gives_the_file_s_date(capsys, _isolated_user_data):
    folder = _isolated_user_data / "models" / "digits" / "odd"
    _version(folder, 12345, version_json=False)
    created = _created(capsys)["digits/odd"]
    assert isinstance(created, str)
    assert abs(datetime.fromisoformat(created).timestamp() - (folder / "meta.json").stat().st_mtime) < 1e-3
