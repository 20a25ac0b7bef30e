"""`petloc predict DIR --write-voc | head -2`: the reader leaving does not stop the pre-labels."""

from __future__ import annotations

import io
import sys

import pytest

from petloc_gui.cli.main import main
from tests.cli.helpers import RED, write_image


class _HeadTwo(io.StringIO):
    """stdout read by `head -2`: after two lines, every write raises BrokenPipeError."""

    def write(self, text: str) -> int:
        if self.getvalue().count("\n") >= 2:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(7):
        write_image(folder / f"img{n}.png", 64, 32, RED)
    return folder


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_with_write_voc_a_closed_stdout_does_not_stop_the_pre_labels(photos, tiny_bundle, capsys, monkeypatch,
                                                                    json):
    head = _HeadTwo()
    monkeypatch.setattr(sys, "stdout", head)
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc", "--batch-size", "2", *json])
    err = capsys.readouterr().err
    assert code == 0, err  # every pre-label due was written
    assert sorted(p.name for p in photos.glob("*.xml")) == [f"img{n}.xml" for n in range(7)]
    assert "Traceback" not in err
    lines = err.splitlines()
    assert "wrote 7 pre-label annotations; left 0 existing annotations untouched" in lines
    assert sum("stdout was closed" in line for line in lines) == 1
    assert head.getvalue().count("\n") == 2


def test_without_write_voc_a_closed_stdout_ends_the_command_quietly(photos, tiny_bundle, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _HeadTwo())
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--batch-size", "2"])
    assert code == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "stdout was closed" not in err
    assert not list(photos.glob("*.xml"))
