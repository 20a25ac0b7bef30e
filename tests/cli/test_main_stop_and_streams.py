"""cli.main gives every command what `cli.stop_signals` and `cli.closed_stdout` offer: SIGTERM (CI
cancelling a job, `docker stop`, `timeout`) killed `petloc stats`, `convert`, `train`... on the spot
(no clean-up, no word, exit -15 as a signal death), and with fd 0, 1 or 2 closed at start the first file
a command opened took that number, so what was written "to stderr" went into it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each command's `run` is looked up when the parser is built: a stand-in put there first is what runs.
STAND_IN = """
import os, signal, sys, time
from petloc_gui.cli import cmd_stats, main

def run(args):
    {body}

cmd_stats.run = run
sys.exit(main.main(["stats", "."]))
"""


def _run(body: str, redirections: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", STAND_IN.format(body=body)]
    return subprocess.run(["sh", "-c", f'exec "$@" {redirections}', "sh", *command], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize(("signal_name", "status", "line"), [("SIGTERM", 143, "petloc: terminated (SIGTERM)"),
                                                             ("SIGINT", 130, "petloc: interrupted")])
def test_a_stop_signal_stops_any_command_with_its_clean_up_and_its_line(signal_name, status, line):
    body = (f"try:\n        os.kill(os.getpid(), signal.{signal_name}); time.sleep(30)\n"
            "    finally:\n        print('cleaned up', flush=True)")
    done = _run(body)
    assert (done.returncode, done.stdout, done.stderr) == (status, "cleaned up\n", line + "\n")


@pytest.mark.parametrize("closed", ["<&- >&- 2>&-", ">&-", "2>&-"])
def test_a_file_a_command_opens_never_takes_a_closed_standard_number(tmp_path, closed):
    record = tmp_path / "fd"
    body = (f"opened = os.open({str(record)!r}, os.O_WRONLY | os.O_CREAT)\n"
            "    os.write(opened, str(opened).encode()); return 0")
    done = _run(body, closed)
    assert done.returncode == 0, done.stderr
    assert int(record.read_text()) > 2
