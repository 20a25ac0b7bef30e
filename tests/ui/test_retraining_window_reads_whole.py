"""The Retraining window and Model → Versions read whole: log lines wrap (a line of figures or of held-out
images was cut at the right, behind a sideways scroll bar), the curves keep their room when the result
appears (they shrank to about 100 px of plot under it), the worker's own notes read as what they mean for
the run, and each version's tooltip names the classes it knows and the model it was trained from."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QPlainTextEdit

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.training.retrain_progress import LOG_MIN_PX, RetrainProgress
from petloc_gui.ui.training.training_process import plain_worker_line
from tests.model_files import fake_bundle

LONG = ("[petloc] 8 validation images: Abyssinian_10.jpg, Abyssinian_16.jpg, Abyssinian_17.jpg, Bengal_107.jpg, "
        "Bengal_3.jpg, american_bulldog_16.jpg, american_bulldog_18.jpg, american_bulldog_100.jpg")
FIGURES = {"accuracy": 0.667, "mean_iou": 0.129, "iou_ge_50": 0.0, "n_images": 3}
NOTE = ("The new model is better on mean IoU (the same on accuracy and IoU ≥ 0.5 at the precision shown). A fair "
        "comparison: both models were scored on the same 3 validation images, and neither trained on any of them.")


def _shown(qtbot, height: int = 640) -> RetrainProgress:
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(720, height)
    progress.begin(2)
    progress.show()
    qtbot.waitExposed(progress)
    return progress


def test_a_long_log_line_wraps_instead_of_scrolling_sideways(qtbot):
    progress = _shown(qtbot)
    progress.append_log(LONG)
    qtbot.wait(20)
    assert progress.log.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert progress.log.horizontalScrollBar().maximum() == 0


def test_the_curves_keep_their_room_when_the_result_appears(qtbot):
    progress = _shown(qtbot)
    before, window = progress.chart.height(), progress.height()
    progress.show_result(FIGURES, FIGURES, NOTE, old_name="c57c1b")
    qtbot.waitUntil(lambda: progress.comparison.isVisible(), timeout=2000)
    qtbot.wait(20)
    assert progress.height() > window  # the window grew by the result (the screen has room)
    assert progress.chart.height() >= before - 2, (before, progress.chart.height())


def test_with_no_room_to_grow_the_log_gives_up_its_room_first(qtbot):
    progress = _shown(qtbot)
    area = progress.screen().availableGeometry()
    progress.resize(720, area.height() - 60)  # about as tall as the screen: no room to grow
    qtbot.wait(20)
    before, log = progress.chart.height(), progress.log.height()
    progress.show_result(FIGURES, FIGURES, NOTE, old_name="c57c1b")
    qtbot.waitUntil(lambda: progress.comparison.isVisible(), timeout=2000)

    def settled() -> None:  # the layout settles over a few passes of the event loop (slower on a loaded machine)
        assert LOG_MIN_PX <= progress.log.height() <= LOG_MIN_PX + 5 < log  # two lines left: the log read last
        assert progress.chart.height() >= before  # the curves keep what they had

    qtbot.waitUntil(settled, timeout=3000)


def test_the_workers_stop_note_says_what_became_of_the_run():
    line = plain_worker_line("petloc worker: still busy 3 s after the stop; leaving now")
    assert line == ("[petloc] The training step under way had not finished 3 s after Cancel, so the training "
                    "process stopped without waiting for it; nothing of this run is kept.")
    assert "worker" not in line
    assert plain_worker_line("Epoch 1/2") == "Epoch 1/2"  # other lines as they are


def test_a_versions_tooltip_names_its_classes_and_the_model_it_was_trained_from(qtbot, _isolated_user_data):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    breeds = ["Abyssinian", "Bengal", "american_bulldog"]
    first = fake_bundle(store.root / "photo" / "c57c1b", breeds, preset="photo")
    second = fake_bundle(store.root / "photo" / "8fa5cc", [*breeds, "kitten"], preset="photo")
    (second / "version.json").write_text(json.dumps({"parent": str(first), "created": "2026-12-04T19:26:53"}))
    tips = {a.data(): a.toolTip() for a in VersionsMenu(store, lambda: "pets").version_actions()}
    assert "knows 4 classes: Abyssinian, Bengal, american_bulldog, kitten" in tips["8fa5cc"]
    assert "trained from photo/c57c1b" in tips["8fa5cc"]
    assert "knows 3 classes: Abyssinian, Bengal, american_bulldog" in tips["c57c1b"]
    bundled = {a.data(): a.toolTip() for a in VersionsMenu(store, lambda: "pets").bundled_actions()}
    assert bundled["bundled:pets"].endswith("knows 2 classes: cat, dog")
