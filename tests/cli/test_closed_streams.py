"""`petloc ... >&-` and `2>&-` (daemons, some schedulers): the work is done all the same, what cannot be
shown is dropped, and the exit status is the work's. Every --json command failed with AttributeError
('NoneType' object has no attribute 'write': Python's sys.stdout is None then), `predict --write-voc`
wrote no pre-label, and with stderr closed predict stopped at its first progress line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import RED, write_annotated, write_image

ROOT = Path(__file__).resolve().parents[2]
CLOSED = {"stdout": ">&-", "stderr": "2>&-"}


def _petloc(closed: str, *argv) -> subprocess.CompletedProcess:
    """`petloc ARGV` run with one standard stream closed (not redirected: closed)."""
    command = [sys.executable, "-m", "petloc_gui.cli", *map(str, argv)]
    return subprocess.run(["sh", "-c", f'exec "$@" {CLOSED[closed]}', "sh", *command], capture_output=True,
                          text=True, timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_annotated(data, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    for n in range(3):
        write_image(data / f"new{n}.png", 40, 30, RED)
    return data


def test_stats_json_with_stdout_closed_exits_0_and_says_nothing(folder):
    done = _petloc("stdout", "stats", folder, "--json")
    assert (done.returncode, done.stderr) == (0, "")


def test_stats_json_with_stderr_closed_gives_its_results(folder):
    done = _petloc("stderr", "stats", folder, "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["n_images"] == 4


def test_models_json_with_stdout_closed_exits_0(folder):
    done = _petloc("stdout", "models", "--json")
    assert (done.returncode, done.stderr) == (0, "")


def test_predict_write_voc_with_stdout_closed_writes_every_pre_label(folder):
    done = _petloc("stdout", "predict", folder, "--model", "digits", "--json", "--write-voc")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.glob("new*.xml")) == ["new0.xml", "new1.xml", "new2.xml"]
    lines = done.stderr.splitlines()
    assert lines[0] == "wrote 3 pre-label annotations; left 1 existing annotation untouched"
    # the folder's cat is no class of the digits model: its pre-labels cannot be cat (cli/prelabel_unknown.py)
    assert len(lines) == 2 and lines[1].startswith("petloc: the model does not know the class cat, boxed in ")


def test_predict_with_stderr_closed_gives_every_record(folder):
    # batch size 1: a progress line after each image (the first of them stopped the command)
    done = _petloc("stderr", "predict", folder, "--model", "digits", "--json", "--batch-size", "1")
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["image"]).name for r in records] == ["a.png", "new0.png", "new1.png", "new2.png"]
    assert all("label" in r for r in records)


CLAIM = """
import os, sys
from petloc_gui.cli.closed_stdout import claim_closed_streams
claim_closed_streams()
opened = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT)
os.write(opened, str(opened).encode())
print("shown nowhere"); print("nor this", file=sys.stderr)
"""


@pytest.mark.parametrize("closed", ["<&- >&- 2>&-", ">&-", "2>&-"])
def test_claimed_streams_keep_their_numbers_from_files_opened_later(tmp_path, closed):
    record = tmp_path / "fd"
    command = [sys.executable, "-c", CLAIM, str(record)]
    done = subprocess.run(["sh", "-c", f'exec "$@" {closed}', "sh", *command], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert int(record.read_text()) > 2  # not 0, 1 or 2: a write "to stderr" would have gone into it
    # print(file=None) writes on stdout: a stderr left None would put messages among the results
    assert "nor this" not in done.stdout
