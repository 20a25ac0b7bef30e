"""A first model for a folder of 75x75 canvases was described as "from scratch (ImageNet backbone)" (the
Retrain dialog's first-model choice) and "trained from the shipped ImageNet backbone" (the new-classes bar's
tip), while the run trains the digits preset, a small CNN from scratch, for such a folder. Both now name what
the run trains for the folder and where its weights start, from the preset rule the run uses
(`app.model_choice.training_preset_for`) and the weights the run starts from (`model.initial_weights`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from petloc_gui.app.model_choice import training_preset_for
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.initial_weights import backbone_weights
from petloc_gui.model.presets import get_preset
from petloc_gui.model.retrain_policy import FIRST_MODEL_EPOCHS
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models import first_model_start as words
from petloc_gui.ui.models.first_model_start import folder_first_model_start
from petloc_gui.ui.training.retrain_dialog import RetrainDialog, RetrainOptions
from tests.cli.helpers import voc_xml, write_image

CANVAS, PHOTO = (75, 75), (120, 90)


def _folder(root: Path, size: tuple[int, int]) -> Path:
    root.mkdir(parents=True)
    width, height = size
    for index in range(6):
        write_image(root / f"i{index}.png", width, height, (30 * index, 90, 140))
        (root / f"i{index}.xml").write_text(voc_xml(f"i{index}.png", width, height, [("owl", (5, 5, 40, 40))]),
                                            encoding="utf-8")
    return root


def _first_model_choice(qtbot, monkeypatch, tmp_path, size) -> str:
    """The first-model choice's text of the Retrain dialog as Ctrl+T opens it with no model in use."""
    from petloc_gui.ui.training.retrain_ask import ask_run

    folder = _folder(tmp_path / "data", size)
    seen = []

    def exec_(dialog):
        qtbot.waitUntil(lambda: not dialog.holdout_label.text().startswith("Reading"), timeout=10_000)
        seen.append(dialog.from_scratch.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RetrainDialog, "exec", exec_)
    asked = ask_run(None, "", folder, open_dataset(folder), False, VersionStore(tmp_path / "models"),
                    RetrainOptions(from_current=False, epochs=FIRST_MODEL_EPOCHS))
    assert asked is None
    return seen[0]


def test_a_canvas_folder_s_first_model_is_said_to_be_the_small_network_from_scratch(qtbot, monkeypatch, tmp_path):
    text = _first_model_choice(qtbot, monkeypatch, tmp_path, CANVAS)
    assert text == "Train this folder's first model: the small digits network, from scratch"
    assert "ImageNet" not in text


def test_a_photo_folder_s_first_model_is_said_to_start_from_the_imagenet_backbone(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(words, "default_backbone_weights", lambda: tmp_path / "weights.h5")
    text = _first_model_choice(qtbot, monkeypatch, tmp_path, PHOTO)
    assert text == "Train this folder's first model: MobileNet, from the shipped ImageNet backbone"


def test_without_the_shipped_weights_a_photo_model_is_not_said_to_start_from_them(monkeypatch):
    monkeypatch.setattr(words, "default_backbone_weights", lambda: None)
    assert "from scratch" in words.first_model_start("photo").said


@pytest.mark.parametrize("size", [CANVAS, PHOTO])
def test_the_words_are_the_run_s_network_and_start(tmp_path, size):
    """One rule: the run's preset for the folder, and where that preset's weights start in the run."""
    dataset = open_dataset(_folder(tmp_path / "data", size))
    said = folder_first_model_start(dataset)
    _, network = backbone_weights(get_preset(training_preset_for(dataset)), None)
    assert network["name"].startswith("small CNN") == (said.network == "the small digits network")
    assert (network["initial_weights"] == "random") == said.start.startswith("from scratch")


def test_the_bar_s_train_tip_names_the_folder_s_first_model(qtbot, tmp_path):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    dataset = open_dataset(_folder(tmp_path / "data", CANVAS))
    bar = NewClassesBar(None, lambda: {"owl": 6}, first_model=lambda: folder_first_model_start(dataset))
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"owl"}), frozenset())
    tip = bar.button.toolTip()
    assert "the small digits network, trained from scratch in the background" in tip
    assert "ImageNet" not in tip


def test_a_bar_not_told_the_folder_says_the_rule_for_both(qtbot):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: {"owl": 6})
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"owl"}), frozenset())
    assert "for 75x75 digit canvases, the small digits network, from scratch; for photos, MobileNet" in \
        bar.button.toolTip()


@pytest.mark.parametrize(("preset", "said"), [
    ("digits", "Train from scratch (the small digits network)"),
    ("photo", "Train from scratch (MobileNet, from the shipped ImageNet backbone)")])
def test_beside_a_model_in_use_from_scratch_names_what_the_run_trains(qtbot, monkeypatch, tmp_path, preset, said):
    """Beside a digits model in use, "Train from scratch (ImageNet backbone when available)" named a backbone
    the run never used."""
    from petloc_gui.ui.training import retrain_ask

    monkeypatch.setattr(words, "default_backbone_weights", lambda: tmp_path / "weights.h5")
    monkeypatch.setattr(retrain_ask, "folder_preset", lambda spec, store, dataset: preset)
    folder = _folder(tmp_path / "data", CANVAS if preset == "digits" else PHOTO)
    seen = []

    def exec_(dialog):
        seen.append(dialog.from_scratch.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RetrainDialog, "exec", exec_)
    retrain_ask.ask_run(None, preset, folder, open_dataset(folder), False, VersionStore(tmp_path / "models"),
                        RetrainOptions())
    assert seen == [said]


def test_the_window_s_bar_names_the_open_folder_s_first_model(qtbot, window, tmp_path):
    """The bar's Train tip names the open folder's own network (the controller gives it the folder)."""
    folder = _folder(tmp_path / "canvases", CANVAS)
    window.open_folder(folder)
    assert window.models._first_model() == words.DIGITS_START
