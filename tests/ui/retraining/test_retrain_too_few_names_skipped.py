"""A run that stops at once for too few usable images names, in the Retraining window's log, the images it
left out and why, grouped as a run's start names them (`run_log.skipped_lines`): the window said "found 1;
1 image skipped for a problem with the image or its annotation and 1 image without one" and never which."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.cli.helpers import write_annotated, write_image

pytestmark = pytest.mark.slow  # starts a child process


def test_the_log_names_the_images_a_run_too_small_left_out(qtbot, window, controller):
    folder = window.current_folder()
    write_annotated(folder, "good", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "broken", 40, 30, [("cat", (5, 5, 20, 20))])
    (folder / "broken.png").write_bytes(b"not an image")
    write_image(folder / "bare.png", 40, 30)
    controller.extra_worker_args.append("--read-data")  # the stand-in reads the folder as training does
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        assert controller.start(RetrainOptions(from_current=True, epochs=1, save_first=False))
    assert finished.args[0].exit_code == 1
    progress = controller._progress_window()
    assert progress.status.text().startswith("Training failed: ")
    lines = progress.log.toPlainText().splitlines()
    assert any(line.startswith(f"[petloc] skipped {folder / 'broken.png'}: unreadable image: ") for line in lines)
    assert "[petloc] 1 image without an annotation not used" in lines
