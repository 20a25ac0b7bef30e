"""A `petloc convert --from` stopped in an OUT it made (or an empty one given), all there its own, removed it with
`shutil.rmtree` (the given empty one: each entry in turn): its mark `.petloc-export-unfinished` went in directory
order, 11th of 52 unlinks on ext4, and a run B started in that moment was let in (`begin_conversion`) and wrote into
the folders A was still deleting: 20 of 20 trials lost B's files with A's, B saying it had converted them. All but
the mark goes first now, then the mark, then the folders the run made (once empty): B, let in when the mark goes,
finds nothing of A's left to delete its files with."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import files, unfinished
from petloc_gui.core.interop.output_before import OutputBefore
from petloc_gui.core.interop.unfinished_conversion import begin_conversion
from petloc_gui.core.interop.written import Written

_FOLDERS = 12


def _new_file(written: Written, path: Path, data: bytes) -> None:
    written.folders_for(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written.wrote(path, lambda: files.write_derived(path, data), tells_identity=True)


def _run_a(tmp_path: Path, given_empty: bool, fmt: str | None) -> tuple[OutputBefore, Path, Path]:
    """Run A, stopped after writing a file in each of `_FOLDERS` folders of OUT: its `OutputBefore`, OUT, and the
    folder its take-back empties (the outermost it made, or OUT given empty)."""
    if given_empty:
        out = tmp_path / "out"
        out.mkdir()
        top = out
    else:
        out, top = tmp_path / "new" / "out", tmp_path / "new"
    a = OutputBefore(out, fmt)
    a.written.make_output(out)
    if fmt is None:
        begin_conversion(out, [out], a.written)
    else:
        unfinished.begin(out, ["data.yaml", "classes.txt"], [out], fmt=fmt)
    for index in range(_FOLDERS):
        _new_file(a.written, out / f"d{index}" / f"a{index}.png", b"A's")
    _new_file(a.written, out / "a.xml", b"A's")
    return a, out, top


def _files_in(folder: Path) -> list[str]:
    return sorted(os.path.join(top, name) for top, _folders, names in os.walk(folder) for name in names)


def _all_in(folder: Path) -> list[str]:
    """The files and folders in ``folder``, as paths relative to it."""
    return sorted(os.path.relpath(os.path.join(top, name), folder)
                  for top, folders, names in os.walk(folder) for name in folders + names)


@pytest.mark.parametrize("fmt", [None, "yolo"])
@pytest.mark.parametrize("given_empty", [False, True])
def test_the_mark_goes_last_and_a_run_let_in_then_keeps_its_files(tmp_path, monkeypatch, given_empty, fmt):
    a, out, top = _run_a(tmp_path, given_empty, fmt)
    unlinked: list[str] = []
    left_when_the_mark_went: list[list[str]] = []
    b_wrote: list[Path] = []
    real_unlink = os.unlink

    def unlink(name, *args, **kwargs):
        real_unlink(name, *args, **kwargs)
        if left_when_the_mark_went:  # B's own (its mark's staging file), or A's after its mark
            unlinked.append(f"after the mark: {os.fsdecode(name)}")
            return
        unlinked.append(os.path.basename(os.fsdecode(name)))
        if unlinked[-1] == unfinished.MARK:
            left_when_the_mark_went.append(_all_in(top))
            # run B starts now: no mark refuses it
            b = Written()
            b.make_output(out)
            begin_conversion(out, [out], b)
            for index in range(_FOLDERS):
                path = out / f"d{index}" / "b.xml"
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(b"B's")
                except OSError:  # its folder going as it wrote: lost too
                    continue
                b_wrote.append(path)

    monkeypatch.setattr(os, "unlink", unlink)
    taken = a.take_back()
    monkeypatch.setattr(os, "unlink", real_unlink)
    # the mark, last of A's (B's mark's staging file goes after it, as B begins)
    assert unfinished.MARK in unlinked
    assert [name for name in unlinked[unlinked.index(unfinished.MARK) + 1:] if ".petloc-new" not in name] == []
    # nothing of A's left as the mark went but OUT, when A made it: B's files have nothing of A's to go with
    assert left_when_the_mark_went == [[] if given_empty else ["out"]]
    assert len(b_wrote) == _FOLDERS and all(path.read_bytes() == b"B's" for path in b_wrote)
    assert (out / unfinished.MARK).is_file()  # B's, as it runs
    assert not any(name.startswith("a") for name in map(os.path.basename, _files_in(top)))
    assert taken.removed and not taken.left_behind and not taken.folder_removed


@pytest.mark.parametrize("fmt", [None, "yolo"])
@pytest.mark.parametrize("given_empty", [False, True])
def test_with_no_run_started_meanwhile_all_goes_the_mark_last(tmp_path, monkeypatch, given_empty, fmt):
    a, out, top = _run_a(tmp_path, given_empty, fmt)
    unlinked: list[str] = []
    real_unlink = os.unlink

    def unlink(name, *args, **kwargs):
        real_unlink(name, *args, **kwargs)
        unlinked.append(os.path.basename(os.fsdecode(name)))

    monkeypatch.setattr(os, "unlink", unlink)
    taken = a.take_back()
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert unlinked[-1] == unfinished.MARK and len(unlinked) == _FOLDERS + 2
    assert taken.removed and not taken.left_behind
    if given_empty:  # emptied, and it stays
        assert out.is_dir() and os.listdir(out) == [] and not taken.folder_removed
    else:
        assert taken.folder_removed and not top.exists()
