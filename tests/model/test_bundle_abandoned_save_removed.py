"""A bundle save killed mid-write left its temporary folder (a partial model.keras) beside the target until
the day-old sweep. `remove_abandoned_save` removes, once its writer has ended, what a save into that target
left, and nothing of another target's."""

from __future__ import annotations

import os

from petloc_gui.model.bundle_write import remove_abandoned_save

from .bundle_killed_saves import killed_between_the_renames, killed_while_writing


def _hidden(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith(".."))


def test_a_killed_write_and_a_killed_replace_are_removed(tmp_path, monkeypatch):
    ours, theirs = tmp_path / ".staging-0123456789ab", tmp_path / ".staging-ba9876543210"
    ours.mkdir()
    theirs.mkdir()
    killed_while_writing(ours)
    killed_between_the_renames(ours, monkeypatch)  # ours renamed away as .old, its new bundle in a .tmp
    killed_while_writing(theirs)
    left = _hidden(tmp_path)
    assert sum(name.startswith("..staging-0123456789ab.") for name in left) == 3
    assert {name.rsplit(".", 1)[1] for name in left} == {"tmp", "old"}

    removed = remove_abandoned_save(ours)

    assert sorted(path.name for path in removed) == [name for name in left if ".staging-0123456789ab." in name]
    assert [name for name in _hidden(tmp_path)] == [name for name in left if ".staging-ba9876543210." in name]
    assert theirs.is_dir()


def test_only_folders_of_that_exact_name_are_removed(tmp_path):
    ours = tmp_path / ".staging-0123456789ab"
    kept = [tmp_path / "..staging-0123456789ab.abcd1234.tmp.mine",  # not the name a save gives
            tmp_path / "..staging-0123456789abc.abcd1234.tmp",  # another target's
            tmp_path / "..staging-0123456789ab.ABCD1234.tmp"]  # not mkdtemp's characters
    for folder in kept:
        folder.mkdir()
        (folder / "model.keras").write_bytes(b"someone else's")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "model.keras").write_bytes(b"kept")
    link = tmp_path / "..staging-0123456789ab.abcd1234.tmp"
    link.symlink_to(outside, target_is_directory=True)  # a link: not followed, not removed
    (tmp_path / "..staging-0123456789ab.efgh5678.old").write_text("a file, not a save's folder")

    assert remove_abandoned_save(ours) == []
    assert all((folder / "model.keras").is_file() for folder in kept)
    assert link.is_symlink() and (outside / "model.keras").read_bytes() == b"kept"
    assert (tmp_path / "..staging-0123456789ab.efgh5678.old").is_file()


def test_a_missing_folder_is_no_error(tmp_path):
    assert remove_abandoned_save(tmp_path / "gone" / ".staging-0123456789ab") == []
