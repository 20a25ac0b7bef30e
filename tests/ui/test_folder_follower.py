"""The folder follower notes every annotation file before the opening scan reads them."""

from __future__ import annotations

from petloc_gui.ui.review.folder_follower import FolderFollower


def test_the_scan_starts_once_every_files_state_is_noted(qtbot, tmp_path):
    (tmp_path / "a.xml").write_text("<annotation/>")
    follower = FolderFollower([tmp_path / "a.xml", tmp_path / "b.xml"])
    noted = []
    follower.start(then=lambda: noted.append(follower._known))  # `ReviewSession` starts the scan here
    qtbot.waitUntil(lambda: bool(noted), timeout=3000)
    [[a, b]] = noted
    assert a is not None and b is None  # a.xml's size and time; no b.xml
    follower.stop()
