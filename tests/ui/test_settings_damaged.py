"""A damaged settings file is kept aside and said, not read as a bogus key and written over.

hunt9: petloc.conf replaced by 400 random bytes gave no error; the window opened the demo instead of
the last folder, the recent folders were gone, and the file was rewritten with the garbage under a
bogus key, with no word of it.
"""

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from petloc_gui.ui.settings import Settings


def _aside(folder, name):
    return [p for p in folder.iterdir() if p.name.startswith(f"{name}.damaged-")]


def test_a_garbage_settings_file_is_kept_aside_said_once_and_defaults_used(tmp_path):
    path = tmp_path / "petloc.conf"
    garbage = random.Random(9).randbytes(400)
    path.write_bytes(garbage)
    settings = Settings(str(path))
    aside = _aside(tmp_path, "petloc.conf")
    assert len(aside) == 1 and aside[0].read_bytes() == garbage  # kept, byte for byte
    assert str(path) in settings.damaged_note and aside[0].name in settings.damaged_note
    assert settings._q.allKeys() == []  # defaults: no bogus key read from the garbage
    settings.add_recent_folder("/photos")
    settings._q.sync()
    again = Settings(str(path))
    assert again.damaged_note == ""  # said once
    assert again.recent_folders == ["/photos"] and len(_aside(tmp_path, "petloc.conf")) == 1


@pytest.mark.parametrize("text", [b"[General\nlast_folder=/x\n", b"[General]\nlast_folder=/x\nrecent_fol",
                                  b"[General]\nlast_folder=/x\x00\x00\x00\x00\n"])
def test_half_a_file_or_nul_bytes_are_damage_too(tmp_path, text):
    path = tmp_path / "petloc.conf"
    path.write_bytes(text)
    assert "damaged" in Settings(str(path)).damaged_note
    assert [p.read_bytes() for p in _aside(tmp_path, "petloc.conf")] == [text]


def test_a_file_qt_wrote_is_never_taken_for_damage(tmp_path):
    path = tmp_path / "petloc.conf"
    settings = Settings(str(path))
    folders = ["/a,b", "/tab\there\nnew\x01line\x7f", "/u\u2028x\u00e9\x85y", "/back\\slash\\", "  spaced ", "[x]",
               "=eq;", "#hash"]
    settings.recent_folders = folders
    settings.last_model = "m" * 3000
    settings.save_window(QByteArray(bytes(range(256))), QByteArray(b"\x00\n\r=[]"))
    again = Settings(str(path))
    assert again.damaged_note == "" and not _aside(tmp_path, "petloc.conf")
    assert again.recent_folders == folders
    assert again.geometry() == QByteArray(bytes(range(256)))


def test_a_file_with_crlf_line_ends_is_not_damage(tmp_path):
    # QSettings writes "\r\n" on Windows, and so may an editor there; Qt reads such a file as it is.
    # Its "\r" used to count as a control character: the file was moved aside, the folders forgotten.
    path = tmp_path / "petloc.conf"
    settings = Settings(str(path))
    settings.recent_folders = ["/photos", "/a,b"]
    settings._q.sync()
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    again = Settings(str(path))
    assert again.damaged_note == "" and not _aside(tmp_path, "petloc.conf")
    assert again.recent_folders == ["/photos", "/a,b"]


def test_a_carriage_return_inside_a_line_is_still_damage(tmp_path):
    path = tmp_path / "petloc.conf"
    path.write_bytes(b"[General]\r\nlast_folder=/x\ry\r\n")
    assert "control character 0x0d on line 2" in Settings(str(path)).damaged_note


def test_the_users_own_settings_file_is_checked_too(tmp_path_factory):
    file = Settings()._q.fileName()
    if not file.startswith(str(tmp_path_factory.getbasetemp())):  # never the real user's settings
        pytest.skip(f"Qt's settings folder is not the test's: {file}")
    Path(file).parent.mkdir(parents=True, exist_ok=True)
    Path(file).write_bytes(b"\x89PNG\r\n\x1a\n")
    settings = Settings()
    assert file in settings.damaged_note and settings.last_folder == ""
    assert _aside(Path(file).parent, Path(file).name)
