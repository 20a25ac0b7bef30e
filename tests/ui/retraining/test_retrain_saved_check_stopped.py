"""A retrain started with unsaved edits checks the saved labels in a worker (`retrain_saved_check`); cancelled,
the window closed or another check started, its answer was let go but its worker read the folder to the end
(8-13 s on 10,000 images), and quitting the app waited for it after the window had gone. A check let go is
stopped now: its worker ends within a file, and the app's exit does not wait for the whole read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from petloc_gui.model import data
from petloc_gui.ui import background
from petloc_gui.ui.training import retrain_saved_check
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_saved_check import PendingRun, SavedLabelsCheck
from tests.cli.helpers import write_annotated

FILES = 300
READ_S = 0.01  # each annotation's read, slowed: the whole folder takes 3 s
ENDS_WITHIN_S = 1.0
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def big_folder(tmp_path) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    for n in range(FILES):
        write_annotated(folder, f"img{n:03d}", 8, 8, [("bengal" if n % 2 else "dog", (1, 1, 6, 6))])
    return folder


class SlowReads:
    """`collect_samples`' reads, slowed (each ``READ_S`` while ``slow`` is set) and counted."""

    def __init__(self, monkeypatch) -> None:
        self.count = 0
        self.slow = threading.Event()
        self.slow.set()
        read_voc = data.read_voc

        def read(path, *args, **kwargs):
            self.count += 1
            if self.slow.is_set():
                time.sleep(READ_S)
            return read_voc(path, *args, **kwargs)

        monkeypatch.setattr(data, "read_voc", read)


def _workers(monkeypatch) -> list[background.Worker]:
    """Each worker the check starts."""
    started: list[background.Worker] = []
    start = background.start

    def noted(*args, **kwargs):
        started.append(start(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(retrain_saved_check.background, "start", noted)
    return started


def _run(folder: Path) -> PendingRun:
    return PendingRun(folder, "pets", "", RetrainOptions(from_current=False, epochs=1), first_model=True)


def test_a_cancelled_check_stops_reading_within_a_file(qtbot, big_folder, window, controller, monkeypatch):
    reads, workers = SlowReads(monkeypatch), _workers(monkeypatch)
    window._folder = big_folder
    window.unsaved = True
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    qtbot.waitUntil(lambda: reads.count >= 3, timeout=10000)
    controller.cancel()
    at_drop = reads.count
    [worker] = workers
    assert worker.wait(ENDS_WITHIN_S)  # the read went on to the end: ~3 s more
    assert reads.count - at_drop <= 1  # the file being read when it was dropped
    qtbot.wait(100)  # an answer's queued call, had it come
    assert controller.process is None and not controller.saved_check.busy


def test_a_check_started_anew_stops_the_one_before_and_answers(qtbot, big_folder, monkeypatch):
    reads, workers = SlowReads(monkeypatch), _workers(monkeypatch)
    answers: list[tuple[PendingRun, str]] = []
    check = SavedLabelsCheck(lambda run, refusal: answers.append((run, refusal)))
    first, second = _run(big_folder), _run(big_folder)
    check.start(first)
    qtbot.waitUntil(lambda: reads.count >= 3, timeout=10000)
    check.start(second)
    assert workers[0].wait(ENDS_WITHIN_S)
    reads.slow.clear()
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    assert answers == [(second, "")] and answers[0][0] is second and not check.busy


QUIT_DURING_A_CHECK = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from petloc_gui.model import data
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.ui.retraining.retrain_host_standin import StandInWindow, standin_controller

read_voc, reads = data.read_voc, []
def slow(path, *args, **kwargs):
    reads.append(path)
    time.sleep(float(sys.argv[2]))
    return read_voc(path, *args, **kwargs)
data.read_voc = slow

app = QApplication([])
window = StandInWindow(Path(sys.argv[1]))
controller = standin_controller(window)
window.unsaved = True
assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
window.show()

def quit_once_reading():
    if len(reads) >= 3:
        print("QUIT", time.time(), flush=True)
        window.close()
        app.quit()
timer = QTimer(interval=10)
timer.timeout.connect(quit_once_reading)
timer.start()
app.exec()
"""


@pytest.mark.slow  # a child process
def test_quitting_during_a_check_does_not_wait_for_the_whole_read(tmp_path, big_folder, _isolated_user_data):
    script = tmp_path / "quit_during_a_check.py"
    script.write_text(QUIT_DURING_A_CHECK)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), str(big_folder), str(READ_S * 2)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    ended = time.time()
    assert done.returncode == 0, done.stderr
    quit_at = float(next(line for line in done.stdout.splitlines() if line.startswith("QUIT")).split()[1])
    assert ended - quit_at < 2 * ENDS_WITHIN_S  # the read's other ~6 s were waited for, the window gone


def test_a_stopped_check_gives_no_answer_rather_than_a_run_that_may_start(big_folder):
    from petloc_gui.core.errors import CancelledError

    with pytest.raises(CancelledError):  # its "" (no refusal) would say the run may start
        retrain_saved_check.refusal_after_saving(big_folder, "pets", "", RetrainOptions(), lambda: True)
