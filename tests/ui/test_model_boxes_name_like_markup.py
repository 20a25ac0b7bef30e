"""The Model menu's tooltips and boxes name files and folders as they are. A model in "<b>models/v1" that failed to
load, a folder_models.json kept aside in a data folder "<b>data", a bundled model whose meta.json names a second
stage "<b>refine.keras": each text began a tag on its first line, and Qt drew it as markup (the name's tags gone;
an "<img src=…>" in a name had it load a local file)."""

from __future__ import annotations

import json

from petloc_gui.core.paths import user_data_dir
from tests.model_files import fake_bundle

from .shown_text import shown


def test_a_bundled_models_tooltip_names_its_second_stage_as_it_is(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMenu

    resources = tmp_path / "resources"
    pets = fake_bundle(resources / "models" / "pets", ["cat", "dog"])
    meta = json.loads((pets / "meta.json").read_text())
    (pets / "meta.json").write_text(json.dumps({**meta, "refine": {"model_file": "<b>refine.keras"}}))
    fake_bundle(resources / "models" / "digits", [str(n) for n in range(10)])
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))
    action = window.models._actions["pets"]
    next(o for o in action.associatedObjects() if isinstance(o, QMenu)).aboutToShow.emit()  # the Model menu opens
    assert not action.isEnabled()
    assert shown(action.toolTip()) == (
        "cannot be used: <b>refine.keras (the second stage meta.json names) is missing")


def test_folder_models_kept_aside_names_the_data_folder_as_it_is(qtbot, window, folder, tmp_path, monkeypatch):
    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path / "<b>data"))
    path = user_data_dir() / "folder_models.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"/data/pets": "pets"})[:-1] + ",}", encoding="utf-8")
    window.models.remember("digits", folder)
    box = window.models.memory_box
    assert shown(box.text(), box.textFormat()).startswith(f"{path} was damaged")
    box.close()


def test_a_model_that_failed_to_load_is_named_as_it_is(qtbot, window, folder, factory, tmp_path):
    spec = str(tmp_path / "<b>models" / "v1")
    factory.fail.add(spec)
    assert window.open_folder(folder, model=spec)
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    box = window.models.error_box
    assert shown(box.text(), box.textFormat()).startswith(f"{spec}:\nRuntimeError: cannot load {spec}")
    box.close()
