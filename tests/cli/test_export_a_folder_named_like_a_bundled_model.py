"""`petloc export ./digits …` exported the bundled digits model: the folder was resolved to the relative
Path("digits") and loaded by its str(), the bundled name (and the class names checked against a names file
left beside --tflite were the bundled model's). It exports the folder of that name here now."""

from __future__ import annotations

import json

from petloc_gui.model.bundle import read_meta, resolve_model
from tests.cli.helpers import run_cli
from tests.cli.test_export_killed import exporters  # noqa: F401  (a fixture)


def _folder_named_digits(tmp_path, monkeypatch):
    folder = tmp_path / "digits"
    folder.mkdir()
    meta = {**read_meta("digits"), "version_id": "mine-V5", "class_names": ["cat", "dog"]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def test_export_dot_slash_digits_loads_that_folder(exporters, tmp_path, capsys, monkeypatch):  # noqa: F811
    from petloc_gui.model import bundle

    folder = _folder_named_digits(tmp_path, monkeypatch)
    loaded = []
    # what load_bundle would load: the folder resolve_model finds for what it is given
    monkeypatch.setattr(bundle, "load_bundle", lambda spec: loaded.append(resolve_model(spec)) or spec)
    code, _, err = run_cli(capsys, "export", "./digits", "--tflite", tmp_path / "out" / "d.tflite")
    assert code == 0, err
    assert loaded == [folder]


def test_a_names_file_of_the_folders_own_names_is_kept(exporters, tmp_path, capsys, monkeypatch):  # noqa: F811
    _folder_named_digits(tmp_path, monkeypatch)
    labels = tmp_path / "d.labels.txt"
    labels.write_text("cat\ndog\n")
    code, _, err = run_cli(capsys, "export", "./digits", "--tflite", tmp_path / "d.tflite")
    assert code == 0, err
    assert f"beside {labels}, which an earlier run of this export wrote" in err
    assert labels.read_text() == "cat\ndog\n"
