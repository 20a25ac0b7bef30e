"""The training log shows the worker's non-ASCII text as written, whatever the system's pipe encoding.

On Windows Python writes a pipe in the ANSI code page (cp1252) while the window reads the worker's
stderr as UTF-8: "Zoë" showed as "Zo�", and what cp1252 lacks as "\\u0141". The worker is now told
PYTHONIOENCODING=utf-8. Simulated by giving the window's own environment PYTHONIOENCODING=cp1252,
which the worker would inherit as a Windows one gets cp1252 unasked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from petloc_gui.ui.training.training_process import TrainingProcess

REPO = Path(__file__).resolve().parents[2]
SAID = "class Zoë, folder Łódź, 猫"


def test_the_worker_is_told_to_write_utf8_and_its_log_reads_whole(qtbot, monkeypatch):
    monkeypatch.setenv("PYTHONIOENCODING", "cp1252")  # as a Windows pipe is written unasked
    process = TrainingProcess()
    lines: list[str] = []
    process.log.connect(lines.append)
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with qtbot.waitSignal(process.finished, timeout=60_000):
        process.start([], env=env, module="tests.ui.test_training_log_encoding")
    assert SAID in lines, lines
    assert process.qprocess.processEnvironment().value("PYTHONIOENCODING") == "utf-8"


if __name__ == "__main__":  # the worker: says something outside cp1252 on stderr
    sys.stderr.write(SAID + "\n")
    sys.stderr.flush()
