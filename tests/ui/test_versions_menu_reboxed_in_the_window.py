"""The real window: once a box of the validation image a version's figures were measured on is corrected and saved,
its model label says so (`TrainedHereWatch`) and so does that version's entry in Model → Versions (it listed the
recorded figures with no word)."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.model.versions import VersionStore
from tests.model.trained_here_folders import bundle, training_folder
from tests.model_files import add_model_file
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # a real window

FIGURES = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.8, "split": "validation (report part: did not choose the "
           "epoch)"}

window = trained_here_window.window  # the fixture, for the test below


def _version_in_store(tmp_path, source):
    made = bundle(tmp_path, source, FIGURES)
    meta = json.loads((made / "meta.json").read_text(encoding="utf-8"))
    meta.update(format_version=1, preset="digits", input_size=[32, 32], created="2026-11-23T12:00:00+00:00")
    (made / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    folder = VersionStore().root / "digits" / "v1"
    folder.parent.mkdir(parents=True)
    shutil.move(made, folder)
    return add_model_file(folder)


def test_the_version_in_use_says_its_validation_image_was_re_boxed(qtbot, window, tmp_path):
    from petloc_gui.ui.app import install_retraining

    install_retraining(window)
    source = training_folder(tmp_path, boxed=True)
    version = _version_in_store(tmp_path, source)
    open_and_wait(qtbot, window, source, model=str(version))
    menu = window.retrain_controller.versions_menu
    names = [item.image_path.name for item in window.session.dataset.items]
    window.show_row(names.index("cvat_4.png"))  # its validation image, boxed again as the model predicts
    window.accept_prediction()
    assert window.save_current()
    qtbot.waitUntil(lambda: "re-boxed" in window.model_status.text(), timeout=10_000)
    menu.rebuild()
    entry = next(action for action in menu.version_actions() if action.data() == "v1")
    assert entry.isChecked() and "1 re-boxed since" in entry.text()
    assert "the validation image they were measured on was re-boxed since" in entry.toolTip()
