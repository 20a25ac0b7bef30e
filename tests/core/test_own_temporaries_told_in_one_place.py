"""A stopped run's take-back (`interop.output_before`) tells its own temporaries from another's by
`core.atomic.own_temporary`, one rule for both forms petloc names them in: `atomic_write_bytes`'
``.NAME.XXXXXXXX.tmp`` and a run's ``.NAME[.XXXXXXXX].PID.petloc-new`` (`interop.files`). Both are made
by one helper (`atomic.new_temporary`): named before they are made, gone once their write is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.atomic import atomic_write_bytes, new_temporary, own_temporary, run_temporary_suffix
from petloc_gui.core.interop import files
from petloc_gui.core.stale import is_our_temporary_file


def test_a_copys_temporary_is_own_while_written_and_not_once_gone(tmp_path, monkeypatch):
    target = tmp_path / "a.jpg"
    seen: list[tuple[Path, bool]] = []
    real_naming = files.naming

    def naming(named: Path, made):
        seen.append((Path(made), own_temporary(made)))
        real_naming(named, made)

    monkeypatch.setattr(files, "naming", naming)
    assert files.place_data(b"jpeg", target, lambda path: False) == "copied"
    [(temporary, own)] = seen
    assert temporary.name.endswith(f".{os.getpid()}.petloc-new") and is_our_temporary_file(temporary.name)
    assert own, temporary
    assert not temporary.exists()  # still of this run's form: what a folder holds of it is the run's
    assert target.read_bytes() == b"jpeg"


def test_an_atomic_writes_temporary_is_own_while_written_and_not_once_gone(tmp_path, monkeypatch):
    target = tmp_path / "a.xml"
    seen: list[tuple[Path, bool]] = []
    real_replace = os.replace

    def replace(source, destination):
        seen.append((Path(source), own_temporary(source)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write_bytes(target, b"<annotation/>")
    [(temporary, own)] = seen
    assert temporary.name.endswith(".tmp") and is_our_temporary_file(temporary.name)
    assert own and not own_temporary(temporary)


def test_a_staging_name_of_this_run_is_own_and_another_runs_is_not(tmp_path):
    staging = files.temporary_beside(tmp_path / "a.xml")
    assert staging.name == f".a.xml{run_temporary_suffix()}"
    assert own_temporary(staging)
    assert not own_temporary(tmp_path / f".a.xml.{os.getpid() + 1}.petloc-new")
    assert not own_temporary(tmp_path / "a.xml") and not own_temporary(tmp_path / ".a.xml.k2j3h4g5.tmp")


@pytest.mark.parametrize("suffix", [".tmp", "run"])
def test_the_helper_removes_its_temporary_however_the_block_is_left(tmp_path, suffix):
    suffix = run_temporary_suffix() if suffix == "run" else suffix
    made: list[Path] = []
    with pytest.raises(KeyboardInterrupt), new_temporary(tmp_path / "a.xml", suffix) as (temporary, handle):
        made.append(temporary)
        handle.write(b"half")
        raise KeyboardInterrupt
    [temporary] = made
    assert temporary.parent == tmp_path and temporary.name.startswith(".a.xml.")
    assert temporary.name.endswith(suffix) and is_our_temporary_file(temporary.name)
    assert not temporary.exists() and os.listdir(tmp_path) == []
    assert own_temporary(temporary) == (suffix != ".tmp")  # a run's is its by its form, made or not
