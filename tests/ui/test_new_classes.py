"""A folder of new classes, from zero boxes to a trained model and pre-labels, through the window (real training)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from petloc_gui.core.boxes import Box

from .conftest import destroy_window
from .model_chosen import wait_model_chosen

pytestmark = pytest.mark.slow  # trains a real (tiny) model in the worker process

COLOURS = {"bird": (230, 40, 40), "car": (40, 60, 230)}


def _photos(folder, n_per_class: int = 4):
    """Small photos: a coloured rectangle (the object) on grey; no annotation yet."""
    folder.mkdir()
    truth = {}
    for i in range(n_per_class * 2):
        label = "bird" if i % 2 == 0 else "car"
        x0, y0 = 8 + 3 * i, 10 + 2 * i
        box = (x0, y0, x0 + 40, y0 + 30)
        image = Image.new("RGB", (96, 72), (128, 128, 128))
        ImageDraw.Draw(image).rectangle(box, fill=COLOURS[label])
        name = f"shot_{i:02d}.png"
        image.save(folder / name)
        truth[name] = (label, Box(*box))
    return truth


@pytest.fixture
def real_window(qtbot):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.training.retrain_controller import install_retraining

    win = MainWindow()
    win.resize(1200, 800)
    win.show()
    controller = install_retraining(win)
    yield win, controller
    controller.shutdown()
    destroy_window(win)


def test_new_classes_go_from_zero_boxes_to_a_trained_model_and_prelabels(qtbot, tmp_path, real_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from petloc_gui.app.model_choice import FolderMemory
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    window, controller = real_window
    folder = tmp_path / "mine"
    truth = _photos(folder)
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "pets"  # no boxes yet: photos get the photo model we ship
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=60_000)
    bar = window.models.new_classes
    assert not bar.isVisible()

    rows = {item.image_path.name: row for row, item in enumerate(window.dataset.items)}
    boxed = sorted(truth)[:6]  # 3 of each class
    for n, name in enumerate(boxed):
        window.show_row(rows[name])
        # an image not prefetched yet is decoded in the background: its document comes with it
        qtbot.waitUntil(lambda: window.edits.doc is not None, timeout=10_000)
        label, box = truth[name]
        assert window.edits.add_box(box, label)
        if n == 0:
            # the first "bird": pets knows no such class -> it is no longer shown; the window says so
            qtbot.waitUntil(bar.isVisible, timeout=5000)
            assert window.current_model_spec() == ""
            assert "No model for this folder" in window.model_problem
            assert not bar.button.isEnabled()
    assert window.save_all()
    bar.refresh()
    assert bar.button.isEnabled(), bar.message.text()
    assert "bird, car" in bar.message.text()

    assert bar.button.text() == "Train a model for these classes…"  # a dialog comes first
    controller.first_model_epochs = 1

    def start_in_the_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RetrainDialog) or dialog.holdout_label.text().startswith("Reading"):
            QTimer.singleShot(50, start_in_the_dialog)  # the held-out images are read in a thread
            return
        assert dialog.epochs.value() == 1 and not dialog.from_current.isVisible()
        dialog.accept()

    QTimer.singleShot(50, start_in_the_dialog)
    with qtbot.waitSignal(controller.run_finished, timeout=240_000) as finished:
        bar.button.click()
    outcome = finished.args[0]
    assert outcome.exit_code == 0, outcome.describe()
    version = controller.store.list()[-1]
    assert version.preset == "photo"  # any photos: the general recipe from the ImageNet backbone
    assert window.current_model_spec() == str(version.path)  # used at once
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=60_000)
    assert FolderMemory().get(folder) == str(version.path)  # and, once loaded, the folder remembers it
    assert set(window.current_model_info().class_names) == {"bird", "car"}

    # pre-labels on the two photos nobody boxed
    unboxed = [rows[name] for name in sorted(truth) if name not in boxed]
    model = window.session.model
    qtbot.waitUntil(lambda: all(model.pred_label[r] for r in unboxed), timeout=60_000)
    assert {model.pred_label[r] for r in unboxed} <= {"bird", "car"}

    # reopening the folder uses its model again
    window.open_folder(tmp_path)  # elsewhere first
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == str(version.path)
