"""Issue 12 point 6: petloc's own stale temporaries go at start-up, nothing else does."""

from __future__ import annotations

import os
import time

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.stale import is_our_temporary_file, remove_stale

DAY = 24 * 3600


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_stale_temporaries_of_our_naming_are_removed_and_nothing_else(tmp_path):
    ours = [".a.xml.k2j3h4g5.tmp", ".photo_0001.xml.abc_1234.tmp", ".a.xml.123.petloc-new",
            "." + "x" * 32 + ".q1w2e3r4.tmp"]
    theirs = [".a.xml.tmp", ".notes.txt.k2j3h4g5.tmp", "a.xml.k2j3h4g5.tmp", ".hidden",
              "a.xml", ".a.xml.K2J3H4G5.tmp", "photo.jpg"]
    for name in ours + theirs:
        (tmp_path / name).write_bytes(b"" if "0001" in name else b"<annotation/>")
        _age(tmp_path / name, 2 * DAY)
    fresh = tmp_path / ".b.xml.zzzzzzzz.tmp"
    fresh.write_bytes(b"")  # a save in progress right now
    link = tmp_path / ".c.xml.abcdefgh.tmp"
    link.symlink_to(tmp_path / "a.xml")
    removed = remove_stale(tmp_path)
    assert sorted(p.name for p in removed) == sorted(ours)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == set(theirs) | {fresh.name, link.name}


def test_the_pattern_matches_what_atomic_write_really_creates(tmp_path, monkeypatch):
    from petloc_gui.core import atomic

    made = []
    real = atomic._make_new

    def spy(name):
        made.append(os.path.basename(name))
        return real(name)

    monkeypatch.setattr(atomic, "_make_new", spy)
    atomic_write_bytes(tmp_path / ("long_" * 20 + ".xml"), b"x")
    atomic_write_bytes(tmp_path / "a.xml", b"x")
    assert len(made) == 2 and all(is_our_temporary_file(name) for name in made)


def test_version_store_sweeps_bundle_temporaries_at_start_up(tmp_path):
    from petloc_gui.model.versions import VersionStore

    preset = tmp_path / "models" / "pets"
    stale = [preset / ".pets-20261201T000000Z-abc123.k2j3h4g5.tmp",
             preset / "..staging-0123456789ab.q1w2e3r4.tmp",
             preset / ".staging-0123456789ab", preset / ".pets-x.abcdefgh.old"]
    for folder in stale:
        folder.mkdir(parents=True)
        (folder / "meta.json").write_text("{}")
        _age(folder, 2 * DAY)
    foreign = preset / ".mine.abcdefgh.tmp"  # our name pattern, not our content
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("x")
    _age(foreign, 2 * DAY)
    young = preset / "..staging-young.zzzzzzzz.tmp"
    young.mkdir()
    removed = VersionStore(tmp_path / "models").sweep_stale()
    assert sorted(removed) == sorted(stale)
    assert foreign.is_dir() and young.is_dir()
