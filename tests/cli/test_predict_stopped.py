"""`petloc predict --write-voc` stopped by Ctrl+C or SIGTERM: stdout and disk agree, and a run that is
complete says so. A record was printed before its pre-label was written (stopped between the two, the
record named a file not on disk); Ctrl+C after the summary still exited 130; SIGTERM was not handled at
all (no summary, no word, exit 143 from the system, a pre-label's temporary file left behind)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_predict
from tests.cli.helpers import RED, json_lines, run_cli, write_image

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(6):
        write_image(folder / f"img{n}.png", 64, 32, RED)
    return folder


def _signal_at_third_write(monkeypatch, signum: int, after: bool) -> None:
    """Send ``signum`` to this process as the third pre-label is about to be written, or once it is."""
    real, calls = cmd_predict.write_prelabel, []

    def write(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 3 and not after:
            os.kill(os.getpid(), signum)
        written = real(*args, **kwargs)
        if len(calls) == 3 and after:
            os.kill(os.getpid(), signum)
        return written

    monkeypatch.setattr(cmd_predict, "write_prelabel", write)


@pytest.mark.parametrize("after", [False, True], ids=["before-its-write", "after-its-write"])
def test_ctrl_c_during_a_pre_label_leaves_records_and_files_agreeing(photos, tiny_bundle, capsys, monkeypatch,
                                                                    after):
    _signal_at_third_write(monkeypatch, signal.SIGINT, after)
    code, out, err = run_cli(capsys, "predict", photos, "--model", tiny_bundle, "--write-voc", "--json",
                             "--batch-size", "2")
    assert code == 130
    recorded = [Path(record["image"]).with_suffix(".xml").name for record in json_lines(out)]
    assert recorded == ["img0.xml", "img1.xml", "img2.xml"]
    assert sorted(path.name for path in photos.iterdir() if path.suffix != ".png") == recorded  # no temporary file
    assert err.splitlines()[-2:] == ["wrote 3 pre-label annotations; left 0 existing annotations untouched",
                                     "petloc: interrupted"]


def test_ctrl_c_once_the_summary_is_due_is_too_late(photos, tiny_bundle, capsys, monkeypatch):
    real = cmd_predict._Tally.summary

    def summary(self):
        os.kill(os.getpid(), signal.SIGINT)
        real(self)

    monkeypatch.setattr(cmd_predict._Tally, "summary", summary)
    code, out, err = run_cli(capsys, "predict", photos, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert len(json_lines(out)) == 6 and len(list(photos.glob("*.xml"))) == 6
    assert err.splitlines()[-1] == "wrote 6 pre-label annotations; left 0 existing annotations untouched"


SIGTERM_RUN = """
import os, signal, sys
from petloc_gui.cli import cmd_predict
from petloc_gui.cli.main import main

real, calls = cmd_predict.write_prelabel, []
def write(*args, **kwargs):
    calls.append(args[0])
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGTERM)
    return real(*args, **kwargs)
cmd_predict.write_prelabel = write
sys.exit(main(sys.argv[1:]))
"""


def test_sigterm_stops_it_as_ctrl_c_does(photos, tiny_bundle):
    # in a process of its own: unhandled, SIGTERM would end the test run
    done = subprocess.run([sys.executable, "-c", SIGTERM_RUN, "predict", str(photos), "--model", str(tiny_bundle),
                           "--write-voc", "--json", "--batch-size", "2"], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 143, done.stderr
    assert done.stderr.splitlines()[-2:] == ["wrote 3 pre-label annotations; left 0 existing annotations untouched",
                                             "petloc: terminated (SIGTERM)"]
    recorded = [Path(json.loads(line)["image"]).with_suffix(".xml").name for line in done.stdout.splitlines()]
    assert sorted(path.name for path in photos.iterdir() if path.suffix != ".png") == recorded == [
        "img0.xml", "img1.xml", "img2.xml"]


def test_its_caller_can_still_be_stopped_once_it_returns(photos, tiny_bundle):
    # run in-process (a test elsewhere, a REPL), main() left Ctrl+C and SIGTERM ignored for good
    from petloc_gui.cli.main import main

    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    assert main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc"]) == 0
    assert {signum: signal.getsignal(signum) for signum in before} == before
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
