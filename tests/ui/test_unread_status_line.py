"""The window's status line after a folder is opened names the files it will not read (HEIC, ...),
as `petloc stats` and `petloc predict` do, instead of skipping them silently."""

from __future__ import annotations

from tests.ui.conftest import open_and_wait

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def _message(window) -> str:
    return window.statusBar().currentMessage()


def test_opening_a_folder_says_which_files_it_will_not_read(qtbot, window, folder):
    (folder / "IMG_0001.HEIC").write_bytes(HEIC)
    (folder / "IMG_0002.heic").write_bytes(HEIC)
    (folder / "scan.psd").write_bytes(b"8BPS" + b"\x00" * 60)
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: _message(window).startswith("3 files not read"), timeout=10_000)
    assert _message(window) == ("3 files not read (IMG_0001.HEIC, IMG_0002.heic, scan.psd): HEIC and "
                                "Photoshop (PSD) are not supported; convert them to JPEG or PNG")
    assert window.session.model.rowCount() == 5  # the images are listed as before


def test_the_note_comes_with_the_indexing_problems(qtbot, window, folder, tmp_path):
    (folder / "IMG_0001.HEIC").write_bytes(HEIC)
    (tmp_path / "elsewhere").mkdir()
    (folder / "link").symlink_to(tmp_path / "elsewhere")  # not followed: an indexing problem
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: _message(window).startswith("1 file not read"), timeout=10_000)
    assert _message(window) == ("1 file not read (IMG_0001.HEIC): HEIC is not supported; convert it to JPEG or "
                                f"PNG; 1 problem while indexing: {folder / 'link'}: symbolic link to a folder "
                                "not followed; open the folder it points to directly")


def test_a_note_for_a_folder_left_meanwhile_is_not_shown(qtbot, window, folder, tmp_path):
    (folder / "IMG_0001.HEIC").write_bytes(HEIC)
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: "not read" in _message(window), timeout=10_000)
    first = window.dataset
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.png").write_bytes((folder / "a.png").read_bytes())
    open_and_wait(qtbot, window, other)
    window.statusBar().clearMessage()
    window._say_unread((first, "", "1 file not read (IMG_0001.HEIC): ..."))  # arrives after the other opened
    assert _message(window) == ""


def test_a_folder_without_such_files_says_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    qtbot.wait(200)
    assert "not read" not in _message(window)
