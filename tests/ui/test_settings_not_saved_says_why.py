"""A settings file that could not be written on a full disk was said as "cannot be written (no permission, a
read-only folder, or a file where a folder should be)": QSettings gives the same AccessError for all of them.
The note now names the cause a write beside the file meets; where none is met (the file itself is in the
way), the guesses include the full disk."""

from __future__ import annotations

import errno

from petloc_gui.ui.settings import Settings
from tests.core.test_write_probe import refuse_writes


def _note(path) -> str:
    settings = Settings(str(path))
    settings.add_recent_folder("/data/pets")
    return settings.take_unsaved_note()


def _blocked(tmp_path):
    """A settings path Qt cannot write, in a folder that can be written: a link to a file in a folder that
    is not there (Qt writes where it points; a folder or a read-only file in its place would be kept aside as
    damaged, or ignored by root)."""
    path = tmp_path / "petloc.conf"
    path.symlink_to(tmp_path / "missing" / "petloc.conf")
    return path


def test_a_full_disk_is_named(qapp, tmp_path, monkeypatch):
    path = _blocked(tmp_path)
    refuse_writes(monkeypatch, errno.ENOSPC)  # what a write there meets on a full disk
    assert _note(path) == (f"Settings cannot be saved: {path} cannot be written (the disk it is on is full: free "
                           "some space); the last folder, window layout and export options will not be kept.")


def test_a_file_where_its_folder_should_be_is_named(qapp, tmp_path):
    (tmp_path / "not_a_folder").write_text("x")
    path = tmp_path / "not_a_folder" / "petloc.conf"
    assert f"{path} cannot be written (a file is where a folder of its path should be);" in _note(path)


def test_no_cause_found_beside_it_lists_the_full_disk_too(qapp, tmp_path):
    path = _blocked(tmp_path)
    assert (f"{path} cannot be written (no permission, a read-only folder, a full disk, or a file where a folder "
            "should be);") in _note(path)
