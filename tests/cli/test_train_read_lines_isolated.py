"""`petloc train`'s lines from its read of the folder (`cli.train_checks.read_folder`) named files and folders
`visible` only: the byte copy of a test image held out (`model.collected_folder.held_out_copies_line`) and each
folder the index could not list or follow (`core.index_problems`). A Hebrew or Arabic name took the line's
direction and moved the words and punctuation around it in a terminal that lays out bidi text. Each name is set
apart now (`core.text.isolated`), the isolates kept on stderr (`error(..., names_isolated=True)`); an isolate a
name holds itself is still an escape, and an English name is as it was. The window's training log, which escapes
what it shows, gets the names `visible` as before (`model.window_holdout`)."""

from __future__ import annotations

import shutil

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.train_checks import read_folder
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.model.collected_folder import held_out_copies_line
from tests.cli.helpers import voc_xml, write_image

PHOTO, COPY = "תמונה", "עותק"  # "photo", "copy"
MODEL_HAD_SEEN = "a copy trained or validated on would make the test figures those of photos the model had seen"


def _folder_with_copy(tmp_path, original: str, copy: str):
    """A folder of six boxed photos, ``original`` among them, a byte copy of it as ``copy``, and a test list
    naming ``original``: the copy is held out by its bytes."""
    data = tmp_path / "data"
    data.mkdir()
    for i, stem in enumerate([original, "b", "c", "d", "e", "f"]):
        write_image(data / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (data / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 40, 30, [("cat" if i % 2 else "dog", (1, 1, 20, 20))]),
                                          encoding="utf-8")
    shutil.copyfile(data / f"{original}.jpg", data / f"{copy}.jpg")
    (data / f"{copy}.xml").write_text(voc_xml(f"{copy}.jpg", 40, 30, [("dog", (1, 1, 20, 20))]), encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text(f"{original}.jpg\n", encoding="utf-8")
    return data, resolve_exclude_list(data, listing)


def _read_lines(capsys, data, exclude) -> list[str]:
    capsys.readouterr()
    read_folder(data, "default", exclude)
    return capsys.readouterr().err.splitlines()


def test_the_held_out_copy_and_its_original_are_set_apart(tmp_path, capsys):
    data, exclude = _folder_with_copy(tmp_path, PHOTO, COPY)
    assert _read_lines(capsys, data, exclude) == [
        f"petloc: 1 byte copy of test images held out too, as test images ({FSI}{COPY}.jpg{PDI} has the bytes of "
        f"{FSI}{PHOTO}.jpg{PDI}): {MODEL_HAD_SEEN}"]


def test_a_copy_names_own_isolate_stays_an_escape_and_english_names_are_as_they_were(tmp_path, capsys):
    data, exclude = _folder_with_copy(tmp_path, "photo", f"{COPY}\u2069")
    assert _read_lines(capsys, data, exclude) == [
        f"petloc: 1 byte copy of test images held out too, as test images ({FSI}{COPY}\\u2069.jpg{PDI} has the bytes "
        f"of photo.jpg): {MODEL_HAD_SEEN}"]


def test_the_window_log_s_line_names_them_visible_only():
    # its log escapes what it shows (`ui.training.retrain_progress.append_log`): isolates would read "\u2068"
    assert held_out_copies_line([(f"{COPY}.jpg", f"{PHOTO}.jpg")]) == (
        f"1 byte copy of test images held out too, as test images ({COPY}.jpg has the bytes of {PHOTO}.jpg): "
        f"{MODEL_HAD_SEEN}")


NOT_FOLLOWED = "symbolic link to a folder not followed; open the folder it points to directly"


def _folder_with_link(tmp_path, link: str):
    """A folder of two boxed photos and ``link``, a symbolic link to a folder the index does not follow."""
    data = tmp_path / "data"
    data.mkdir()
    for i, stem in enumerate(["a", "b"]):
        write_image(data / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (data / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 40, 30, [("dog", (1, 1, 20, 20))]), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (data / link).symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return data


def test_a_folder_the_index_did_not_follow_is_set_apart(tmp_path, capsys):
    folder = "תיקייה"  # "folder"
    data = _folder_with_link(tmp_path, folder)
    assert _read_lines(capsys, data, []) == [f"petloc: {FSI}{data / folder}{PDI}: {NOT_FOLLOWED}"]


def test_a_folder_names_own_isolate_stays_an_escape_and_english_names_are_as_they_were(tmp_path, capsys):
    data = _folder_with_link(tmp_path, "linked")
    assert _read_lines(capsys, data, []) == [f"petloc: {data / 'linked'}: {NOT_FOLLOWED}"]
    (tmp_path / "stray").mkdir()
    stray = _folder_with_link(tmp_path / "stray", "תיקייה\u2069")
    assert _read_lines(capsys, stray, []) == [f"petloc: {FSI}{stray}/תיקייה\\u2069{PDI}: {NOT_FOLLOWED}"]
