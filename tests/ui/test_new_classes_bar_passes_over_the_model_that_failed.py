"""A folder that remembers pets (cat x3, dog x1) whose pets fails to load gets the rule's model without pets
(`LoadFailed`): here the version pets-fox (cat, fox). Its new-classes bar then said "pets knows every class of
this folder: Model → Versions", recommending the model that had just failed and been passed over; it now looks
for such a model without it, as the rule did (none here: the sentence is left out)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle
from tests.ui.conftest import PRED, Box, FakeFactory, FakeHandle, write_annotation, write_image

from .model_chosen import wait_model_chosen


class NamedHandle(FakeHandle):
    """A fake model that knows the classes its bundle's meta.json names."""

    def __init__(self, spec, table):
        super().__init__(spec, table)
        names = json.loads((Path(spec) / "meta.json").read_text(encoding="utf-8"))["class_names"]
        self.info = dataclasses.replace(self.info, class_names=tuple(names))


@dataclasses.dataclass
class Factory(FakeFactory):
    def __call__(self, spec):
        if spec in self.fail:
            raise RuntimeError(f"cannot load {spec}")
        handle = NamedHandle(spec, self.table)
        self.handles.append(handle)
        return handle


@pytest.fixture
def factory():
    return Factory(dict(PRED), fail={"pets"})


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "f"
    root.mkdir()
    for i, (name, label) in enumerate([("a.png", "cat"), ("b.png", "cat"), ("c.png", "cat"), ("d.png", "dog")]):
        write_image(root / name, seed=i)
        write_annotation(root / name, [(label, Box(10, 10, 50, 50))])
    return root


@pytest.fixture(autouse=True)
def resources(tmp_path, monkeypatch):
    root = tmp_path / "resources"
    fake_bundle(root / "models" / "pets", ["cat", "dog"])
    fake_bundle(root / "models" / "digits", [str(n) for n in range(10)])
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(root))
    return root


def test_the_bar_does_not_recommend_the_remembered_model_that_failed_to_load(qtbot, window, folder, factory):
    fox = fake_bundle(VersionStore().root / "photo" / "pets-fox", ["cat", "fox"], preset="photo")
    FolderMemory().remember(folder, "pets")
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    bar = window.models.new_classes
    qtbot.waitUntil(lambda: bar._kept is not None, timeout=10_000)

    assert window.current_model_spec() == str(fox)
    _model, unknown, knows_all = bar._kept
    assert unknown == {"dog"}
    assert knows_all == ""  # pets, the only model that knows cat and dog, failed to load: none to name
    said = " ".join(label.text() for label in bar.findChildren(QLabel))
    assert "does not know the class dog" in said
    assert "knows every class" not in said
