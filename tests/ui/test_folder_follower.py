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


def test_paths_given_as_text_are_followed_as_they_are(qtbot, tmp_path):
    """A window opening 20,000 images made a Path of each annotation path here (~0.15 s on its UI thread)."""
    (tmp_path / "a.xml").write_text("<annotation/>")
    given = [str(tmp_path / "a.xml"), str(tmp_path / "b.xml")]
    follower = FolderFollower(given)
    assert follower._paths == given and all(type(path) is str for path in follower._paths)
    assert follower.looks.watcher.directories() == [str(tmp_path)]
    noted = []
    follower.start(then=lambda: noted.append(follower._known))
    qtbot.waitUntil(lambda: bool(noted), timeout=3000)
    changes = []
    follower.changed.connect(lambda rows, results: changes.append((rows, results)))
    (tmp_path / "b.xml").write_text("<annotation><object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin>"
                                    "<xmax>3</xmax><ymax>4</ymax></bndbox></object></annotation>")
    follower.look()
    qtbot.waitUntil(lambda: bool(changes), timeout=3000)
    [(rows, [result])] = changes
    assert rows == [1] and result[0] == "cat"
    follower.stop()
