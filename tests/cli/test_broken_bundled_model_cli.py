"""`petloc models` lists a bundled model whose model.keras is broken as unavailable, with why, and
`petloc predict` on a folder without boxes says there is no model instead of garbled text."""

from __future__ import annotations

from tests.cli.helpers import json_lines, run_cli
from tests.ui.test_broken_bundled_model import canvases, resources  # noqa: F401 - the fixture


def test_models_lists_a_broken_bundled_model_as_unavailable(capsys, resources):  # noqa: F811
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0, err
    rows = {row["name"]: row for row in json_lines(out)}
    digits = resources / "models" / "digits"
    assert rows["digits"]["path"] is None and rows["digits"]["error"] == f"{digits}: model.keras is empty"
    assert rows["pets"]["path"] == str(resources / "models" / "pets") and "error" not in rows["pets"]
    code, out, err = run_cli(capsys, "models")
    assert f"unavailable: {digits}: model.keras is empty" in out


def test_predict_on_a_folder_without_boxes_says_its_bundled_model_is_broken(capsys, tmp_path, resources):  # noqa: F811
    folder = canvases(tmp_path / "canvases")
    code, _out, err = run_cli(capsys, "predict", str(folder))
    assert code != 0
    assert "the bundled model digits cannot be used: model.keras is empty" in err
    assert f"no model for {folder}: the bundled model digits, chosen by image size, cannot be used" in err
    assert "knows classes" not in err


def test_predict_on_a_boxed_folder_only_a_broken_bundled_model_knows_says_so(capsys, tmp_path, resources):  # noqa: F811
    from tests.ui.test_broken_model_versions import digit_folder

    folder = digit_folder(tmp_path / "f")  # boxed 3 and 7
    code, _out, err = run_cli(capsys, "predict", str(folder))
    assert code != 0
    assert (f"no model for {folder}: the bundled model digits knows every class of this folder but cannot be used "
            "(model.keras is empty); train one (") in err
