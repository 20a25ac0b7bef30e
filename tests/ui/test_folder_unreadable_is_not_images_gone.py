"""A folder turned unreadable while it is open (chmod 000 on it or on its images' folder, a network share's
hiccup). The image-set watch read it as "every image gone": the list marked its rows gone, the status line
said the image shown "was deleted from the folder; F5 reloads the list" (and F5 would have listed none).
Now a folder that cannot be looked at or listed is said as such, with the OS's reason; the list and the
image shown stay as they are, and once the folder can be read again the watch finds the real changes."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.review.image_set_watch import Seen, look_again

from .conftest import folder_notice, look_now, open_and_wait, write_image


def _not_searchable(monkeypatch, folder: Path, *, itself: bool) -> None:
    """As ``chmod 000`` does to a folder (tests may run as root, whom modes do not stop): nothing inside it can
    be looked at (stat, open) and it cannot be listed; ``itself``: nor can the folder be looked at (its
    parent turned unreadable)."""
    top = os.fspath(folder)
    stat, scandir, open_ = os.stat, os.scandir, os.open

    def inside(path) -> bool:
        text = os.fspath(path)
        return text.startswith(top + os.sep) or (itself and text == top)

    def refused(real, also_top: bool):
        def call(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and (inside(path) or (also_top and os.fspath(path) == top)):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "stat", refused(stat, False))
    monkeypatch.setattr(os, "open", refused(open_, False))
    monkeypatch.setattr(os, "scandir", refused(scandir, True))


def _devkit(tmp_path: Path) -> Path:
    root = tmp_path / "voc"
    (root / "JPEGImages" / "day").mkdir(parents=True)
    (root / "Annotations").mkdir()
    for relative in ("a.jpg", "b.jpg", "day/c.jpg"):
        write_image(root / "JPEGImages" / relative)
    return root


def _said_lately(window, start: str) -> bool:
    # among the last messages: the shown image's annotation, read again at once, may say so right after it
    return any(message.text.startswith(start) for message in window.statusBar().message_log.said()[:3])


def test_a_devkit_whose_folder_turned_unreadable_keeps_every_image_and_finds_changes_after(tmp_path, monkeypatch):
    root = _devkit(tmp_path)
    images = root / "JPEGImages"
    seen = Seen(dict(open_dataset(root).folders))
    with monkeypatch.context() as outage:
        _not_searchable(outage, root, itself=False)  # chmod 000 voc: JPEGImages cannot even be looked at
        during = look_again(root, seen)
        assert during.images is None  # not indexed again: no image "gone" (all three were, every one)
        assert dict(during.unreadable) == {images: "Permission denied", images / "day": "Permission denied"}
        assert during.folders == seen.folders  # each as last listed
        assert look_again(root, during).unreadable == during.unreadable  # asked again at each look
    after = look_again(root, during)
    assert after.unreadable == () and after.images is None  # readable again, nothing changed
    (images / "day" / "c.jpg").unlink()
    assert look_again(root, after).images == {str(images / "a.jpg"), str(images / "b.jpg")}  # a real change


def test_a_folder_that_cannot_be_listed_after_a_chmod_is_said_though_its_time_did_not_move(tmp_path, monkeypatch):
    write_image(tmp_path / "a.png")
    seen = look_again(tmp_path, Seen(dict(open_dataset(tmp_path).folders)))  # its change time noted
    assert seen.unreadable == () and seen.images is None
    os.chmod(tmp_path, 0o700)  # moves the folder's change time, not its modification time
    with monkeypatch.context() as outage:
        _not_searchable(outage, tmp_path, itself=False)  # the folder itself can be looked at, not listed
        during = look_again(tmp_path, seen)
    assert during.unreadable == ((tmp_path, "Permission denied"),) and during.images is None
    assert during.folders == seen.folders
    back = look_again(tmp_path, during)
    assert back.unreadable == () and back.images is None  # listed again: the same images


def test_the_window_says_the_folder_cannot_be_read_and_keeps_the_list_and_the_image(qtbot, window, folder,
                                                                                monkeypatch):
    (folder / "day").mkdir()
    write_image(folder / "day" / "g.png", seed=7)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png
    session, model = window.session, window.session.model
    names = list(model.names)
    with monkeypatch.context() as outage:
        _not_searchable(outage, folder, itself=False)
        look_now(qtbot, window)
        status = window.statusBar().currentMessage()
        assert status.startswith(f"Cannot read the folder {folder / 'day'}: Permission denied. The list and any "
                                 "unsaved edits are kept as they are")
        assert "deleted" not in status and folder_notice(window) == "" and model.gone == frozenset()
        assert model.names == names and session.current == 2 and window.edits.doc is session.store.loaded(2)
    look_now(qtbot, window)
    assert _said_lately(window, "The folder can be read again")
    write_image(folder / "day" / "h.png", seed=8)  # the watch follows the folder again
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder" and model.gone == frozenset()
