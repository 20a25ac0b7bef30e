"""`petloc models` warns when a file stands where the data folder (or its models folder) should be:
it listed only the bundled models, without a word."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli


@pytest.mark.parametrize("under", ["", "sub"])
def test_a_data_dir_that_is_a_file_is_said_and_the_bundled_models_still_listed(tmp_path, capsys, monkeypatch,
                                                                               under):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("PETLOC_DATA_DIR", str(blocker / under if under else blocker))
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0
    assert {row["name"] for row in json_lines(out)} == {"pets", "digits"}
    (line,) = assert_clean_errors(err)
    assert line.startswith(f"petloc: warning: {blocker}: not a folder, so no trained model version can be listed")
    assert "PETLOC_DATA_DIR" in line


def test_a_file_in_place_of_the_models_folder_is_said(capsys, _isolated_user_data):
    (_isolated_user_data / "models").write_text("x", encoding="utf-8")
    code, _, err = run_cli(capsys, "models")
    (line,) = assert_clean_errors(err)
    assert code == 0 and line.startswith(f"petloc: warning: {_isolated_user_data / 'models'}: not a folder")
    assert "move the file away" in line


def test_a_data_folder_not_made_yet_is_no_problem(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path / "new"))
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and err == "" and len(json_lines(out)) == 2
