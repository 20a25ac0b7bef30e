"""scripts/gallery.py shoots the windows as a user sees them: the main window once its model has loaded (not
while the status bar still says "Loading model digits…" over predictions from the cache), and the Retraining
log as a real run leaves it, scrolled to its last line (fed while hidden, it stayed at its top); and no "New
model: not kept yet" left by its synthetic result."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.training.retrain_progress import RetrainProgress

GALLERY = Path(__file__).resolve().parents[2] / "scripts" / "gallery.py"


def _gallery():
    spec = importlib.util.spec_from_file_location("petloc_gallery_script", GALLERY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _window(info, problem=None, spec="digits"):
    session = SimpleNamespace(queue_known=lambda: True)  # predictions known (from the cache)
    return SimpleNamespace(session=session, models=SimpleNamespace(spec=spec, info=info, problem=problem))


def test_the_main_window_is_shot_only_once_its_model_has_loaded():
    gallery = _gallery()
    assert not gallery.main_view_ready(_window(None)), "predictions from the cache, the model still loading"
    assert not gallery.main_view_ready(_window(SimpleNamespace(spec="pets"))), "the last folder's model"
    assert gallery.main_view_ready(_window(SimpleNamespace(spec="digits")))
    assert gallery.main_view_ready(_window(None, problem="Model failed to load: broken")), "a failure is said"


def test_the_training_log_is_shot_at_its_last_line_as_a_run_leaves_it(qtbot):
    gallery = _gallery()
    near = QWidget()
    qtbot.addWidget(near)
    progress = RetrainProgress(near)
    qtbot.addWidget(progress)
    gallery.feed_mid_run(progress, near)
    qtbot.waitUntil(progress.isVisible)
    qtbot.wait(400)  # as the gallery waits before each shot
    bar = progress.log.verticalScrollBar()
    assert bar.maximum() > 0, "the log is longer than its room (else nothing is checked)"
    assert bar.value() == bar.maximum()
    assert progress.log.toPlainText().splitlines()[-1].endswith("fed synthetic events by the gallery")


def test_the_synthetic_result_leaves_no_undecided_model_in_the_later_shots(qtbot):
    from petloc_gui.ui.training.undecided_button import UndecidedButton

    gallery = _gallery()
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    undecided = UndecidedButton(progress, lambda: None)
    qtbot.addWidget(undecided)
    progress.begin(5)
    progress.show()
    figures = {"accuracy": 0.9, "mean_iou": 0.6, "iou_ge_50": 0.8, "n_images": 12}
    progress.show_result(figures, figures, "Both models were scored on the same 12 held-out images.")
    assert progress.awaits_choice(), "the result waits for Use / Discard (else nothing is checked)"
    gallery.put_away_result(progress)
    assert not progress.isVisible()
    assert undecided.isHidden(), '"New model: not kept yet" would show in the status bar'
