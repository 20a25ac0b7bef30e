"""Two `petloc digits cc --split test`, of seeds 1 and 2, run at once: both exited 0 and left 195-247 XML boxes that
did not hold their PNG's digit, and PNGs whose bytes petloc-digits.json did not record. The docs promise that a file
it would write that exists with other content stops it (exit 1) and is never overwritten; the run checked once, before
writing, then wrote each PNG by a replace. Each file is now given its name only where none is there (written under a
temporary name, then linked): one there with other content (another run's, another tool's) stops the run and is left
as it is, and the record names, at the end, the canvases the run wrote, whatever another run recorded meanwhile."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME, record_digits
from petloc_gui.core.voc import read_voc

COUNT, PLANT_AT = 6, 3


def _other_seed(tmp_path: Path) -> list[Path]:
    """The canvases (PNG + XML) of another seed, under the names the run writes."""
    return write_digits_dataset(tmp_path / "seed2", "test", count=COUNT, seed=2)


def _before_pair(n: int, plant) -> contextlib.AbstractContextManager:
    """A ``pair_guard`` that calls ``plant`` before the ``n``-th pair (0 first) is written."""
    calls = []

    @contextlib.contextmanager
    def guard():
        if len(calls) == n:
            plant()
        calls.append(None)
        yield

    return guard


def _recorded(folder: Path) -> dict:
    return json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["images"]


@pytest.mark.parametrize("which", [".png", ".xml"])
def test_a_file_another_run_writes_meanwhile_stops_the_run_and_stays(tmp_path, which):
    theirs = _other_seed(tmp_path)[PLANT_AT].with_suffix(which)
    out = tmp_path / "cc"
    planted = out / theirs.name
    with pytest.raises(FileExistsError, match="other content"):
        write_digits_dataset(out, "test", count=COUNT, seed=1, replace=False,
                             pair_guard=_before_pair(PLANT_AT, lambda: planted.write_bytes(theirs.read_bytes())))
    assert planted.read_bytes() == theirs.read_bytes()  # never replaced
    other = planted.with_suffix(".xml" if which == ".png" else ".png")
    assert not other.exists()  # no half pair of this run's beside it
    _pairs_before_are_whole_and_recorded(out, planted)


def test_a_pair_another_run_writes_meanwhile_stops_the_run(tmp_path):
    """Both halves there, another seed's: not taken for a pair the run looked at before it began (left as it is,
    the run going on to say it wrote them all)."""
    theirs = _other_seed(tmp_path)[PLANT_AT]
    out = tmp_path / "cc"
    planted = out / theirs.name

    def plant():
        for suffix in (".xml", ".png"):
            planted.with_suffix(suffix).write_bytes(theirs.with_suffix(suffix).read_bytes())

    with pytest.raises(FileExistsError, match="other content"):
        write_digits_dataset(out, "test", count=COUNT, seed=1, replace=False, pair_guard=_before_pair(PLANT_AT, plant))
    for suffix in (".xml", ".png"):
        assert planted.with_suffix(suffix).read_bytes() == theirs.with_suffix(suffix).read_bytes()
    _pairs_before_are_whole_and_recorded(out, planted)


def _pairs_before_are_whole_and_recorded(out: Path, planted: Path) -> None:
    pngs = [png for png in sorted(out.glob("*.png")) if png != planted.with_suffix(".png")]
    assert len(pngs) == PLANT_AT  # the pairs before it, whole
    recorded = _recorded(out)
    for png in pngs:
        assert recorded[png.name]["sha256"] == hashlib.sha256(png.read_bytes()).hexdigest()
        assert png.with_suffix(".xml").exists()


def test_the_same_canvas_written_meanwhile_is_left_and_the_run_goes_on(tmp_path):
    """A run of the same arguments wrote it (the same bytes): nothing to stop for."""
    mine = write_digits_dataset(tmp_path / "same", "test", count=COUNT, seed=1)[PLANT_AT]
    out = tmp_path / "cc"

    def plant():
        for suffix in (".xml", ".png"):
            (out / mine.name).with_suffix(suffix).write_bytes(mine.with_suffix(suffix).read_bytes())

    images = write_digits_dataset(out, "test", count=COUNT, seed=1, replace=False,
                                  pair_guard=_before_pair(PLANT_AT, plant))
    assert len(images) == COUNT and len(list(out.glob("*.xml"))) == COUNT


def test_the_record_names_the_runs_canvases_whatever_another_run_recorded_meanwhile(tmp_path):
    """Another run recorded its canvases under the same names (its record written after this one's): at the
    end the record says what each canvas this run wrote holds."""
    theirs = _other_seed(tmp_path)
    out = tmp_path / "cc"

    def another_runs_record():
        record_digits(out, {png.name: ("test", 0, png.read_bytes()) for png in theirs})

    images = write_digits_dataset(out, "test", count=COUNT, seed=1, replace=False,
                                  pair_guard=_before_pair(1, another_runs_record))
    recorded = _recorded(out)
    for image in images:
        assert recorded[image.name]["sha256"] == hashlib.sha256(image.read_bytes()).hexdigest(), image.name
        assert recorded[image.name]["mnist_index"] != 0  # not the other run's entry
        [box] = [o.box for o in read_voc(image.with_suffix(".xml")).objects]
        assert box.width == box.height == 28
