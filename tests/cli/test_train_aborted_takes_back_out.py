"""`petloc train` (one worker or a worker of a multi-worker run) stopped by a second Ctrl+C or SIGTERM ends at
once (`train_stop.abort`, os._exit), skipping the clean-up a first stop's cancel runs: the --out folder the run
had made, still empty, stayed behind. The abort now removes the folders of --out the run made when they are
empty (one rmdir each: bounded, and a folder holding anything stays); an --out that was there before stays.

Run as a real process, signals sent from outside. Training is a stand-in that never reaches a batch's end,
as a long batch or TensorFlow's graph tracing does (the case where a user presses Ctrl+C twice): the first
stop cannot cancel, so the second one aborts every time (no TensorFlow loaded: seconds, not minutes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import voc_xml, write_image

ROOT = Path(__file__).resolve().parents[2]
TRAINING = "training under way (stand-in)"

# `petloc train` with TensorFlow's loading, the wait for the other workers and training itself stood in for.
STAND_IN_CLI = f"""\
import runpy, sys, time
from petloc_gui.cli import cmd_train, train_distribution
from petloc_gui.model import training

def train(data_dir, config, on_event, should_stop, folder=None):
    print({TRAINING!r}, file=sys.stderr, flush=True)
    while True:  # one batch that does not end: a stop request is never read
        time.sleep(0.05)

cmd_train.load_tensorflow = lambda: None
train_distribution.connect_workers = lambda args: None
training.train = train
sys.argv[0] = "petloc"
runpy.run_module("petloc_gui.cli", run_name="__main__")
"""

TWO_WORKERS = json.dumps({"cluster": {"worker": ["127.0.0.1:23456", "127.0.0.1:23457"]},
                          "task": {"type": "worker", "index": 1}})


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("a", "b"):
        write_image(folder / f"{name}.png", 40, 30)
        (folder / f"{name}.xml").write_text(voc_xml(f"{name}.png", 40, 30, [("cat", (5, 5, 20, 20))]),
                                            encoding="utf-8")
    return folder


def _read_until(proc: subprocess.Popen[str], marker: str) -> str:
    """stderr up to the line holding ``marker`` (all of it, when the process ends first)."""
    seen = []
    assert proc.stderr is not None
    for line in proc.stderr:
        seen.append(line)
        if marker in line:
            break
    return "".join(seen)


def _stopped_twice(tmp_path: Path, data: Path, out: Path, first: int, second: int, multiworker: bool):
    script = tmp_path / "stand_in_cli.py"
    script.write_text(STAND_IN_CLI, encoding="utf-8")
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *([path] if path else [])]))
    env.pop("TF_CONFIG", None)
    if multiworker:
        env["TF_CONFIG"] = TWO_WORKERS
    command = [sys.executable, str(script), "train", str(data), "--preset", "digits", "--out", str(out),
               *(["--distribute", "multiworker"] if multiworker else [])]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=tmp_path)
    try:
        err = _read_until(proc, TRAINING)
        assert TRAINING in err, err
        assert out.is_dir()  # made by the run (checking it can be written)
        os.kill(proc.pid, first)
        err += _read_until(proc, "stopping")
        assert "no bundle will be written" in err, err
        os.kill(proc.pid, second)
        stdout, rest = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, stdout, err + rest


@pytest.mark.slow
@pytest.mark.parametrize("multiworker", [False, True], ids=["one worker", "multiworker"])
@pytest.mark.parametrize(("first", "second", "status", "line"), [
    (signal.SIGINT, signal.SIGINT, 130, "petloc: interrupted"),
    (signal.SIGTERM, signal.SIGTERM, 143, "petloc: terminated (SIGTERM)"),
], ids=["ctrl-c twice", "sigterm twice"])
def test_a_second_stop_takes_back_the_empty_out_the_run_made(tmp_path, data, multiworker, first, second, status,
                                                             line):
    made = tmp_path / "runs"  # --out's parent is missing too: both are the run's
    code, stdout, err = _stopped_twice(tmp_path, data, made / "models", first, second, multiworker)
    assert (code, stdout) == (status, ""), err
    assert err.strip().splitlines()[-1] == line  # the abort, not a cancel
    assert "training cancelled" not in err
    assert not made.exists()


@pytest.mark.slow
def test_a_second_stop_leaves_an_out_that_was_there_before(tmp_path, data):
    out = tmp_path / "models"
    out.mkdir()  # empty, but the user's: not the run's to remove
    code, _, err = _stopped_twice(tmp_path, data, out, signal.SIGINT, signal.SIGINT, multiworker=False)
    assert code == 130, err
    assert out.is_dir() and not os.listdir(out)
