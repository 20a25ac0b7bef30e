"""Paths petloc keeps in its settings file come back byte for byte, a name that is not UTF-8 included.

A folder ``pets\\xff`` (Python holds the byte as the surrogate escape "\\udcff") was remembered as
"…/pets": the QString that QSettings keeps drops the escape, so File → Open recent, the folder petloc
reopens at start and the last model pointed at another folder or none. Such a path is kept as
``petloc-fs-bytes:`` and the hex of its bytes; every other path as it is, readable in petloc.conf.
"""

from __future__ import annotations

import os

import pytest

from petloc_gui.ui.settings import Settings

BAD = os.fsdecode(b"/photos/pets\xff")
BAD_TOO = os.fsdecode(b"/photos/caf\xe9 \xfe\xfe")
MARK = "petloc-fs-bytes:"


def _reopened(settings: Settings) -> Settings:
    settings._q.sync()
    return Settings(settings._q.fileName())


def test_a_recent_folder_not_utf8_reads_back_byte_for_byte_after_reopening(tmp_path):
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.add_recent_folder("/photos/plain")
    settings.add_recent_folder(BAD)
    assert settings.last_folder == BAD and settings.recent_folders == [BAD, "/photos/plain"]
    again = _reopened(settings)
    assert again.last_folder == BAD
    assert again.recent_folders == [BAD, "/photos/plain"]
    assert os.fsencode(again.recent_folders[0]) == b"/photos/pets\xff"


def test_opening_a_remembered_folder_again_moves_it_up_once(tmp_path):
    settings = Settings(str(tmp_path / "petloc.conf"))
    for folder in (BAD, "/photos/plain", BAD_TOO, BAD):
        settings.add_recent_folder(folder)
    assert _reopened(settings).recent_folders == [BAD, BAD_TOO, "/photos/plain"]


def test_a_single_recent_folder_not_utf8_reads_back(tmp_path):
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.recent_folders = [BAD_TOO]  # QSettings gives a one-item list back as a string
    assert _reopened(settings).recent_folders == [BAD_TOO]


def test_open_recent_opens_the_folder_not_utf8_itself(qapp, tmp_path):
    from petloc_gui.ui.folders import RecentFoldersMenu

    folder = os.fsdecode(os.fsencode(tmp_path) + b"/pets\xff")
    os.mkdir(folder)
    os.mkdir(folder[:-1])  # "…/pets", where the byte dropped used to lead
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.add_recent_folder(folder)
    opened: list[str] = []
    menu = RecentFoldersMenu(_reopened(settings), opened.append)
    entry = menu.actions()[0]
    assert entry.isEnabled()
    entry.trigger()
    assert opened == [folder]


def test_the_last_model_not_utf8_reads_back(tmp_path):
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.last_model = BAD + "/model"
    assert _reopened(settings).last_model == BAD + "/model"


def test_paths_qt_holds_stay_readable_in_the_file_and_only_others_are_marked(tmp_path):
    path = tmp_path / "petloc.conf"
    settings = Settings(str(path))
    settings.add_recent_folder("/photos/Zoë")
    settings.last_model = "pets"
    settings.add_recent_folder(BAD)
    settings._q.sync()
    text = path.read_text("utf-8")
    assert "/photos/Zo" in text and "last_model=pets" in text
    assert MARK + os.fsencode(BAD).hex() in text and "/photos/pets" not in text


def test_a_settings_file_written_before_reads_as_before(tmp_path):
    path = tmp_path / "petloc.conf"
    path.write_text("[General]\nlast_folder=/photos/Zo\u00eb\nlast_model=/models/m\n"
                    "recent_folders=/photos/Zo\u00eb, \"/a,b\"\n", "utf-8")
    settings = Settings(str(path))
    assert settings.damaged_note == ""
    assert (settings.last_folder, settings.last_model) == ("/photos/Zo\u00eb", "/models/m")
    assert settings.recent_folders == ["/photos/Zo\u00eb", "/a,b"]


def test_a_path_that_looks_marked_is_kept_as_it_was_given(tmp_path):
    looks_marked = MARK + "ff"
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.add_recent_folder(looks_marked)
    again = _reopened(settings)
    assert again.recent_folders == [looks_marked] and again.last_folder == looks_marked


@pytest.mark.parametrize("value", [MARK + "zz", MARK + "f"])
def test_a_hand_damaged_marked_value_reads_as_it_is_written(tmp_path, value):
    # No folder has that name (petloc keeps absolute paths): Open recent shows it greyed out, as a
    # folder that is gone, and nothing else in the file is lost.
    path = tmp_path / "petloc.conf"
    path.write_text(f"[General]\nlast_folder={value}\nlast_model={value}\n"
                    f"recent_folders=/photos/a, {value}, {MARK}2f62, /photos/b\n", "utf-8")
    settings = Settings(str(path))
    assert settings.damaged_note == ""
    assert settings.last_folder == settings.last_model == value
    assert settings.recent_folders == ["/photos/a", value, "/b", "/photos/b"]
