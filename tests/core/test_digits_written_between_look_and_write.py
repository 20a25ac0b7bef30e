"""`petloc digits OUT` (no --replace) into a folder another run of another seed writes: run A found a canvas's XML
missing (or a power cut's empty file), and run B wrote its pair at that name before A came to write it. A's
"a power cut's empty file" branch took any file there then for the empty one it had seen, and wrote over B's XML and
PNG (`write_voc(overwrite_unreadable=True)`, a replace), exiting 0. A file is written over now only when it is still
there and still empty right at the write; one missing then is given its name exclusively, and one holding other
content stops the run (FileExistsError), left as it is. And a run whose PNG finds another's file removes the XML it
wrote only while that is still its own: B's, replaced by A's meanwhile, was deleted as "its" XML."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import petloc_gui.core.digits as digits
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.interop import files

COUNT, AT = 3, 1


def _theirs(tmp_path: Path) -> Path:
    """The canvas (PNG + XML) of another seed at the name this run writes its ``AT``-th one under."""
    return write_digits_dataset(tmp_path / "seed2", "test", count=COUNT, seed=2)[AT]


def _in_pairs() -> tuple[list[None], Callable[[], contextlib.AbstractContextManager[None]]]:
    """A ``pair_guard``, and a list it fills as the run writes its pairs (the looks before them are not the
    write's)."""
    writing: list[None] = []

    @contextlib.contextmanager
    def guard() -> Iterator[None]:
        writing.append(None)
        yield

    return writing, guard


@pytest.mark.parametrize("xml_before", ["missing", "empty"])
def test_a_pair_written_after_the_look_is_never_written_over(tmp_path, monkeypatch, xml_before):
    """The hunt's interleaving: B writes its pair right after A found the XML missing or empty, as A looks at the
    PNG."""
    theirs, out = _theirs(tmp_path), tmp_path / "cc"
    planted = out / theirs.name
    if xml_before == "empty":  # a power cut's, which A is to write over
        out.mkdir()
        planted.with_suffix(".xml").write_bytes(b"")
    writing, guard = _in_pairs()
    real = digits.missing_or_empty

    def look(path):
        found = real(path)
        if writing and Path(path) == planted and not planted.exists():  # B writes its pair now
            for suffix in (".xml", ".png"):
                _put(theirs.with_suffix(suffix), planted.with_suffix(suffix))
        return found

    monkeypatch.setattr(digits, "missing_or_empty", look)
    with pytest.raises(FileExistsError, match="other content") as stopped:
        write_digits_dataset(out, "test", count=COUNT, seed=1, replace=False, pair_guard=guard)
    assert stopped.value.filename == str(planted.with_suffix(".xml"))
    for suffix in (".xml", ".png"):
        assert planted.with_suffix(suffix).read_bytes() == theirs.with_suffix(suffix).read_bytes()


def test_the_xml_a_run_wrote_is_removed_only_while_it_is_its_own(tmp_path, monkeypatch):
    """B wrote its XML; A's pair took the name (A's XML over B's) before B's PNG was linked: B's link fails, and the
    XML there, A's now, stays."""
    a = write_digits_dataset(tmp_path / "a", "test", count=COUNT, seed=1)[AT]  # A's pair, as A wrote it
    out = tmp_path / "cc"
    planted = out / a.name
    real = files.link_exclusive

    def link_exclusive(staging, target):
        if Path(target) == planted:  # B comes to its PNG: A's pair is there now
            for suffix in (".xml", ".png"):
                _put(a.with_suffix(suffix), planted.with_suffix(suffix))
        return real(staging, target)

    monkeypatch.setattr(files, "link_exclusive", link_exclusive)
    with pytest.raises(FileExistsError, match="other content"):
        write_digits_dataset(out, "test", count=COUNT, seed=2, replace=False)
    for suffix in (".xml", ".png"):
        assert planted.with_suffix(suffix).read_bytes() == a.with_suffix(suffix).read_bytes()


def _put(source: Path, target: Path) -> None:
    """Put ``source``'s bytes at ``target`` as another writer does: a new file, renamed there (over what is there)."""
    copy = target.with_name(f".{target.name}.theirs")
    copy.write_bytes(source.read_bytes())
    os.replace(copy, target)
