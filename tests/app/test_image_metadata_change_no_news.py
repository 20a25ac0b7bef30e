"""A chmod, chown, touch-less xattr change (anything that moves only the image file's ctime) under unsaved
edits is no news: the picture is the one the boxes were drawn on. It was reported as "changed on disk by
another program since your edits" (the file key holds the ctime). A rewrite, even of the same size, still
is news: its mtime moves."""

from __future__ import annotations

import os

from petloc_gui.app.annotation_store import save_document
from petloc_gui.app.file_key import file_key
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .test_image_replaced_save import _image, _opened

CHANGED = "b.png was changed on disk by another program since your edits"


def _ctime_moved(path) -> None:
    before = os.stat(path)
    os.chmod(path, 0o600)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a chmod alone leaves it
    after = os.stat(path)
    assert after.st_mtime_ns == before.st_mtime_ns and after.st_size == before.st_size


def test_a_chmod_under_edits_says_nothing_and_the_save_writes(tmp_path):
    doc, image, xml = _opened(tmp_path)
    doc.set_box(0, Box(60, 50, 110, 85))
    _ctime_moved(image)
    doc.image_measured((120, 90), file_key(image))  # decoded again for the window
    assert doc.image_change is None and not doc.problems
    save_document(doc)  # the save's own look at the file says nothing either
    assert not doc.dirty and not doc.problems
    assert read_voc(xml, find_image=False).objects[0].box == Box(60, 50, 110, 85)


def test_a_rewrite_of_the_same_size_under_edits_is_still_said(tmp_path):
    doc, image, _xml = _opened(tmp_path)
    doc.set_box(0, Box(60, 50, 110, 85))
    before = os.stat(image).st_mtime_ns
    _image(image, (120, 90))
    os.utime(image, ns=(before + 10**9, before + 10**9))  # a later write, whatever the clock's grain
    doc.image_measured((120, 90), file_key(image))
    assert doc.image_change is not None and doc.image_change.startswith(CHANGED)
    assert doc.problems[0] == doc.image_change
