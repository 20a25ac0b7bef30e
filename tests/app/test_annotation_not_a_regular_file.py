"""An annotation file that is there but no regular file (a named pipe, a folder) is unreadable, not absent.

It was looked at with ``Path.is_file``, False for a named pipe: the document read as having no file, the
header said "GT: none" and invited a box drawn, while `petloc stats` said "not a regular file (a named
pipe)". The pipe is never opened for reading (that would wait for a writer, for ever).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from petloc_gui.app.annotation_look import unread_reason, unreadable_now
from petloc_gui.app.annotation_store import read_document, read_primary, save_document
from petloc_gui.core.boxes import Box
from petloc_gui.core.disk_state import MISSING
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc_types import VocObject

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _in_time(work, fifo: Path):
    """``work()`` run where a read of ``fifo`` waiting for a writer fails the test instead of hanging it."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the waiting reader gets its end of file
        thread.join(10)
        pytest.fail(f"{fifo.name} was opened for reading: it waited for a writer")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.fixture
def fifo_pair(tmp_path):
    image = tmp_path / "cat.jpg"
    image.write_bytes(b"not decoded here")
    xml = tmp_path / "cat.xml"
    os.mkfifo(xml)
    return image, xml


def test_a_named_pipe_is_an_unreadable_annotation_not_none(fifo_pair):
    image, xml = fifo_pair
    doc = _in_time(lambda: read_document(image, xml, image_size=(64, 48)), xml)
    assert doc.load_error is not None and "not a regular file (a named pipe)" in doc.load_error
    assert doc.disk_state is not None and doc.disk_state != MISSING  # there: a file made later is no surprise
    assert unread_reason(doc) == "not a regular file (a named pipe)"  # "GT: unreadable", not "GT: none"
    assert "not a regular file (a named pipe)" in _in_time(lambda: unreadable_now(doc), xml)
    # the file list's column says the same of it (it said "annotated", then nothing when shown)
    assert "not a regular file (a named pipe)" in str(_in_time(lambda: read_primary(xml, image), xml))


def test_saving_over_a_named_pipe_refuses_and_leaves_it(fifo_pair):
    image, xml = fifo_pair
    doc = read_document(image, xml, image_size=(64, 48))
    doc.image_size = (64, 48)  # as the decoded image gives it
    doc.objects.append(VocObject(name="cat", box=Box(1, 2, 30, 40)))
    with pytest.raises(SaveError, match="not a regular file"):
        _in_time(lambda: save_document(doc), xml)
    assert stat.S_ISFIFO(os.lstat(xml).st_mode)  # neither written through nor replaced without a yes
    assert unreadable_now(doc) is not None  # so the window asks "Overwrite unreadable annotation?"
    _in_time(lambda: save_document(doc, overwrite_unreadable=True), xml)  # the user's yes: renamed over it
    assert stat.S_ISREG(os.lstat(xml).st_mode) and b"<name>cat</name>" in xml.read_bytes()


def test_a_folder_named_like_the_annotation_is_unreadable_and_never_saved_over(tmp_path):
    image = tmp_path / "cat.jpg"
    image.write_bytes(b"not decoded here")
    xml = tmp_path / "cat.xml"
    xml.mkdir()
    doc = read_document(image, xml, image_size=(64, 48))
    assert doc.load_error is not None and "not a regular file (a folder)" in doc.load_error
    doc.image_size = (64, 48)  # as the decoded image gives it
    doc.objects.append(VocObject(name="cat", box=Box(1, 2, 30, 40)))
    with pytest.raises(SaveError, match="a folder"):
        save_document(doc, overwrite_unreadable=True)
    assert xml.is_dir()


def test_a_dangling_link_is_no_annotation(tmp_path):
    """A link to nothing holds no boxes: "GT: none" is true of it, as of a file not there."""
    image = tmp_path / "cat.jpg"
    image.write_bytes(b"not decoded here")
    xml = tmp_path / "cat.xml"
    xml.symlink_to(tmp_path / "gone.xml")
    doc = read_document(image, xml, image_size=(64, 48))
    assert doc.load_error is None and doc.disk_state == MISSING
