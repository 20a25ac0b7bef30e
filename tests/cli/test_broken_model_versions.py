"""`petloc models` lists a version whose model.keras is missing or broken as unusable, with why, and the
commands that choose a model for a folder pass it over (no TensorFlow: records and zip directories only).

Before: it was listed like a healthy one (figures, path, no note), and `petloc predict FOLDER` chose it
over the bundled model that knows the folder's classes, then failed to load it.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.cli.model_loading import model_for
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli, write_annotated
from tests.model_files import add_model_file


def _version(store, name, model_file):
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["3", "7"], "input_size": [32, 32],
        "created": "2026-11-23T12:00:00+00:00", "metrics": {"accuracy": 0.9, "n_images": 4}}), encoding="utf-8")
    if model_file == "ok":
        add_model_file(folder)
    elif model_file == "empty":
        (folder / "model.keras").write_bytes(b"")
    elif model_file == "truncated":
        add_model_file(folder)
        data = (folder / "model.keras").read_bytes()
        (folder / "model.keras").write_bytes(data[: len(data) // 2])
    return folder


@pytest.mark.parametrize(("broken", "why"), [("missing", "model.keras is missing"),
                                             ("empty", "model.keras is empty"),
                                             ("truncated", "model.keras is not a Keras archive (zip)")])
def test_models_lists_a_version_with_a_broken_model_file_as_unusable(broken, why, capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    _version(store, "good", "ok")
    bad = _version(store, "bad", broken)

    code, out, err = run_cli(capsys, "models", "--json")
    rows = {row["name"]: row for row in json_lines(out)}
    assert code == 0 and assert_clean_errors(err) == []
    assert rows["digits/good"]["path"] == str(store / "digits" / "good")
    assert rows["digits/bad"]["path"] is None and rows["digits/bad"]["error"].startswith(f"{bad}: {why}")

    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("digits/bad "))
    assert f"unavailable: {bad}: {why}" in line


def test_a_folder_that_remembers_a_broken_version_gets_the_bundled_model_and_is_told(capsys, tmp_path,
                                                                                     _isolated_user_data):
    folder = tmp_path / "data"
    folder.mkdir()
    for stem, label in (("a", "3"), ("b", "7")):
        write_annotated(folder, stem, 40, 30, [(label, (1, 1, 20, 20))])
    broken = _version(_isolated_user_data / "models", "bad", "missing")
    assert model_for(None, [folder]) == "digits"  # it knows 3 and 7 too, and loads
    FolderMemory().remember(folder, str(broken))  # e.g. picked in the window before this fix
    capsys.readouterr()
    assert model_for(None, [folder]) == "digits"
    err = capsys.readouterr().err
    assert f"the model this folder last used ({broken}) cannot be used: model.keras is missing" in err
    assert "petloc: using model digits" in err
