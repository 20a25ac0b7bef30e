"""Every dialog, shown at the size it opens with, gives each input field at least its minimum size, inside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import open_and_wait
from .layout import assert_fields_fit, input_fields


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _retrain_dialog(with_list: bool):
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    names = [f"american_pit_bull_terrier_{i}.jpg" for i in range(20)]
    from petloc_gui.ui.training.retrain_holdout import Holdout

    loader = (lambda: (lambda fraction, fine_tune: Holdout(len(names), names))) if with_list else None
    return RetrainDialog(None, model_name="pets 20261201-101500-abcd", data_name="/home/someone/photos/pets",
                         n_annotated=120, has_unsaved=True, holdout_loader=loader)


@pytest.mark.parametrize("with_list", [False, True])
def test_retrain_dialog(qtbot, with_list):
    dialog = _shown(qtbot, _retrain_dialog(with_list))
    if with_list:
        qtbot.waitUntil(lambda: dialog.holdout_list.count() == 20, timeout=5000)
    assert len(input_fields(dialog)) == 2  # epochs, validation fraction
    assert_fields_fit(dialog)


def test_training_progress_with_the_comparison(qtbot):
    from petloc_gui.ui.training.retrain_progress import RetrainProgress

    progress = _shown(qtbot, RetrainProgress())
    progress.show_result({"accuracy": 0.9, "mean_iou": 0.66, "iou_ge_50": 0.8, "n_images": 12},
                         {"accuracy": 0.92, "mean_iou": 0.68, "iou_ge_50": 0.85, "n_images": 12}, "A note.")
    assert_fields_fit(progress)
    table = progress.comparison.table
    assert table.height() >= table.sizeHint().height() - 4  # the four rows are not cut


def test_help_and_class_list(qtbot, window, folder):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.help_dialog import HelpDialog
    from petloc_gui.ui.review.class_editor import ClassEditor

    open_and_wait(qtbot, window, folder)
    assert_fields_fit(_shown(qtbot, HelpDialog(window)))
    classes = _shown(qtbot, ClassListDialog(ClassEditor(window.session, window.edits, lambda: ("cat", "dog"),
                                                        host=window), window))
    assert_fields_fit(classes)
    assert classes.list.height() > 100


def test_main_window_toolbar_and_file_list(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    assert_fields_fit(window)  # the label box, the search box, the filter and sort combos


@pytest.mark.slow
def test_the_same_at_scale_1_5(tmp_path):
    """QT_SCALE_FACTOR is read once per process: run this file again in one with 1.5."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider", "-k", "not scale"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
