"""Issue 12 point 13: file names in the training windows show control characters escaped."""

from __future__ import annotations

HOSTILE = "cat\x1b[2Jgpj\u202e.png"  # clears a terminal; reverses the text after it


def test_the_holdout_list_escapes_control_and_bidi_characters(qtbot):
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog
    from petloc_gui.ui.training.retrain_holdout import Holdout

    dialog = RetrainDialog(None, model_name="pets", data_name="/data", n_annotated=4, has_unsaved=False,
                           holdout_loader=lambda: lambda f, fine_tune: Holdout(1, [HOSTILE]))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == 1, timeout=5000)
    shown = dialog.holdout_list.item(0).text()
    assert shown == "cat\\x1b[2Jgpj\\u202e.png"


def test_the_training_log_escapes_control_and_bidi_characters(qtbot):
    from petloc_gui.ui.training.retrain_progress import RetrainProgress

    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.append_log(f"[petloc] 1 validation images: {HOSTILE}")
    text = progress.log.toPlainText()
    assert "\x1b" not in text and "\u202e" not in text
    assert "cat\\x1b[2Jgpj\\u202e.png" in text
