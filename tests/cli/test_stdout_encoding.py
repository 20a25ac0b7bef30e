"""Windows: a redirected stdout (`> out.txt`, `| findstr`) is written in cp1252, which has no 'Ł' or '猫'.

The first such name ended `petloc predict` with "unexpected error: UnicodeEncodeError", and with
--write-voc the images after it got no pre-label. Now stdout is UTF-8 when redirected on Windows, and a
stdout that still cannot encode a name is a stdout that cannot be written: said once, the work goes on.
Simulated with a cp1252 stream over bytes, as Windows gives Python for a redirected stdout.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from petloc_gui.cli import output
from petloc_gui.cli.main import main
from tests.cli.helpers import RED, write_image

NAMES = [f"Łódź_{n}.png" for n in range(3)] + ["猫.png", "plain.png"]


class RedirectedStdout(io.TextIOWrapper):
    """A redirected stdout as Python opens it on Windows: cp1252, strict, not a console."""

    def __init__(self, console: bool = False) -> None:
        super().__init__(io.BytesIO(), encoding="cp1252", line_buffering=True)
        self.console = console

    def isatty(self) -> bool:
        return self.console

    def written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in NAMES:
        write_image(folder / name, 64, 32, RED)
    return folder


def _windows(monkeypatch, stdout):
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    with monkeypatch.context() as only_here:  # the rest of petloc must not think it runs on Windows
        only_here.setattr(sys, "platform", "win32")
        output.results_in_utf8()


def test_a_redirected_stdout_on_windows_becomes_utf8(monkeypatch):
    stdout = RedirectedStdout()
    _windows(monkeypatch, stdout)
    assert stdout.encoding == "utf-8"
    output.result_line("猫 Łódź")
    assert stdout.written() == "猫 Łódź\n".encode()


@pytest.mark.parametrize("case", ["console", "chosen", "linux"])
def test_the_console_a_chosen_encoding_and_other_systems_are_left_alone(monkeypatch, case):
    stdout = RedirectedStdout(console=case == "console")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    if case == "chosen":
        monkeypatch.setenv("PYTHONIOENCODING", "cp1252")
    monkeypatch.setattr(sys, "platform", "linux" if case == "linux" else "win32")
    output.results_in_utf8()
    monkeypatch.undo()
    assert stdout.encoding == "cp1252"


def test_petloc_makes_stdout_utf8_first(monkeypatch):
    called = []
    monkeypatch.setattr(output, "results_in_utf8", lambda: called.append(True))
    assert main(["--version"]) == 0
    assert called == [True]


@pytest.mark.parametrize("json_out", [False, True], ids=["lines", "json"])
def test_predict_on_windows_shows_every_name(photos, tiny_bundle, capsys, monkeypatch, json_out):
    stdout = RedirectedStdout()
    _windows(monkeypatch, stdout)
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc",
                 *(["--json"] if json_out else [])])
    err = capsys.readouterr().err
    assert code == 0, err
    shown = stdout.written().decode("utf-8")
    if json_out:
        shown = " ".join(json.loads(line)["image"] for line in shown.splitlines())
    assert all(name in shown for name in NAMES), shown
    assert len(list(photos.glob("*.xml"))) == len(NAMES)


def test_a_stdout_that_cannot_encode_a_name_does_not_stop_the_pre_labels(photos, tiny_bundle, capsys,
                                                                         monkeypatch):
    stdout = RedirectedStdout()
    monkeypatch.setattr(sys, "stdout", stdout)  # no UTF-8 here: PYTHONIOENCODING=cp1252, say
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1, lines  # the results were not all shown
    assert sorted(p.stem for p in photos.glob("*.xml")) == sorted(name[:-4] for name in NAMES)
    said = [line for line in lines if "cannot write the results" in line]
    assert said == ["petloc: cannot write the results to standard output: its encoding, cp1252, has no 'Ł' "
                    "(set PYTHONIOENCODING=utf-8); the remaining results are not shown; the pre-labels are "
                    "still written"], lines
    assert "Traceback" not in "\n".join(lines) and "unexpected error" not in "\n".join(lines)
