"""An annotation is read by `core.regular_file`'s reader, not a twin of it in `core.voc_tree` that had drifted: a
socket named ``x.xml`` was "cannot read annotation: No such device or address" (read as a missing or broken
file) where every other reader says "not a regular file (a socket)", and an annotation under a kernel lease (a
Samba oplock) was refused where a class file was read. A named pipe or a folder is named as such too (a folder
was "Is a directory"); a missing or unreadable file reads as it did."""

from __future__ import annotations

import os
import socket

import pytest

from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.voc import read_voc
from petloc_gui.core.voc_tree import MAX_XML_BYTES, read_voc_tree

from .test_regular_file_under_lease import _leased

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and Unix sockets are POSIX"),
              pytest.mark.timeout(30)]
XML = b"<annotation><filename>a.jpg</filename></annotation>"


def test_a_socket_named_like_an_annotation_is_no_regular_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a socket's path is at most ~100 bytes
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind("x.xml")
        with pytest.raises(AnnotationError) as refused:
            read_voc(tmp_path / "x.xml")
    assert str(refused.value) == f"{tmp_path / 'x.xml'}: not a regular file (a socket)"


def test_a_pipe_or_a_folder_is_said_to_be_one_as_other_readers_say_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.xml")
    (tmp_path / "folder.xml").mkdir()  # was "cannot read annotation: Is a directory"
    for name, kind in (("pipe.xml", "a named pipe"), ("folder.xml", "a folder")):
        with pytest.raises(AnnotationError) as refused:
            read_voc(tmp_path / name)
        assert str(refused.value) == f"{tmp_path / name}: not a regular file ({kind})"
    with pytest.raises(AnnotationError) as refused:
        read_voc(tmp_path / "gone.xml")
    assert str(refused.value) == f"{tmp_path / 'gone.xml'}: annotation file does not exist"


def test_the_stat_is_of_the_bytes_read_and_a_large_file_is_still_refused(tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(XML)
    tree, state = read_voc_tree(path)
    assert tree.getroot().findtext("filename") == "a.jpg"
    assert state == read_voc_tree(path)[1]
    path.write_bytes(XML + b" " * MAX_XML_BYTES)
    with pytest.raises(AnnotationError, match="larger than 16 MB"):
        read_voc_tree(path)


def test_an_annotation_under_a_lease_is_read_once_its_holder_lets_go(tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(XML)
    holder = _leased(path)
    try:
        tree, _ = read_voc_tree(path)
    finally:
        said, _ = holder.communicate(timeout=25)
    assert tree.getroot().findtext("filename") == "a.jpg" and said.strip() == "asked"
