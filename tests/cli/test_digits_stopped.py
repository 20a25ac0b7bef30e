"""`petloc digits` stopped part way (Ctrl+C, SIGTERM) leaves a usable folder: no image without its
annotation and no canvas that petloc-digits.json does not name. It left a PNG without its XML (a canvas
that trains as unannotated) and no record at all (written last), with only "petloc: interrupted"."""

from __future__ import annotations

import hashlib
import json
import os
import signal

import pytest

from petloc_gui.core.digits_record import RECORD_NAME
from tests.cli.helpers import run_cli

ARGS = ("--split", "test", "--count", "12", "--seed", "3")
STOP_AT = 5  # the pair during which the stop comes


def _stop_after_the_fifth(monkeypatch, which: str) -> None:
    """A Ctrl+C right after the fifth image (``which`` "image") or annotation ("annotation") is written."""
    calls = []

    def written(path) -> None:
        if str(path).endswith(".png" if which == "image" else ".xml"):
            calls.append(path)
            if len(calls) == STOP_AT:
                os.kill(os.getpid(), signal.SIGINT)

    real_link = os.link

    def link(source, target, *args, **kwargs):
        # each new file takes its name by a link, written under a temporary one first (never replacing one)
        real_link(source, target, *args, **kwargs)
        written(target)

    monkeypatch.setattr(os, "link", link)


def _pairs(folder):
    pngs = {path.stem for path in folder.glob("*.png")}
    xmls = {path.stem for path in folder.glob("*.xml")}
    return pngs, xmls


@pytest.mark.parametrize("which", ["image", "annotation"])
def test_a_stopped_digits_leaves_whole_recorded_pairs_and_says_to_run_it_again(which, monkeypatch, tmp_path, capsys):
    out_dir = tmp_path / "digits"
    _stop_after_the_fifth(monkeypatch, which)
    code, out, err = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 130 and out == ""
    assert err.splitlines() == [
        f"petloc: {out_dir}: stopped part way; each digit image written there has its annotation and is recorded in "
        f"{RECORD_NAME}: run the same command again to write the rest",
        "petloc: interrupted"]
    pngs, xmls = _pairs(out_dir)
    assert len(pngs) == STOP_AT and pngs == xmls  # the pair at hand finished, no half of one
    recorded = json.loads((out_dir / RECORD_NAME).read_text(encoding="utf-8"))["images"]
    for stem in pngs:
        png = (out_dir / f"{stem}.png").read_bytes()
        assert recorded[f"{stem}.png"]["sha256"] == hashlib.sha256(png).hexdigest()

    monkeypatch.undo()
    code, out, _ = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0 and out.endswith(f"({STOP_AT} already there, left as they were)\n")
    pngs, xmls = _pairs(out_dir)
    assert len(pngs) == 12 and pngs == xmls
