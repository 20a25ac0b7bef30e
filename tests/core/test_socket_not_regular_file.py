"""A Unix socket where a YOLO label file would be: its open fails (ENXIO) before `fstat` can say what it is, so
`read_regular_head` raised a plain OSError, and `petloc convert --from yolo` counted a socket named ``b.txt``
as a label file without its image ("no image b.* found", a problem) where a named pipe of that name was
passed over in silence. Every entry that is no regular file is now NotRegularFileError, whatever failed."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

from petloc_gui.core.interop import ConversionReport, read_yolo
from petloc_gui.core.regular_file import NotRegularFileError, read_regular_head
from tests.cli.helpers import write_image

pytestmark = [pytest.mark.skipif(not hasattr(socket, "AF_UNIX") or not hasattr(os, "mkfifo"),
                                 reason="Unix sockets and named pipes are POSIX"),
              pytest.mark.timeout(20)]
LINE = "0 0.5 0.5 0.2 0.2\n"


@pytest.fixture
def bind(tmp_path, monkeypatch):
    """Binds a Unix socket at a name under ``tmp_path``; relative to it, as a socket's path is at most ~100 bytes."""
    monkeypatch.chdir(tmp_path)
    sockets: list[socket.socket] = []

    def bound(relative: str) -> Path:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sockets.append(sock)
        sock.bind(relative)
        return tmp_path / relative

    yield bound
    for sock in sockets:
        sock.close()


def _yolo_folder(folder: Path) -> Path:
    folder.mkdir()
    write_image(folder / "a.jpg", 40, 30)
    (folder / "a.txt").write_text(LINE, encoding="utf-8")
    (folder / "classes.txt").write_text("cat\n", encoding="utf-8")
    return folder


def test_a_socket_is_not_a_regular_file(bind):
    path = bind("s.txt")
    with pytest.raises(NotRegularFileError, match=r"not a regular file \(a socket\)") as raised:
        read_regular_head(path, 10)
    assert raised.value.kind == "a socket"


def test_a_socket_no_image_has_is_passed_over_as_a_pipe_is(tmp_path, bind):
    folder = _yolo_folder(tmp_path / "y2")
    bind("y2/b.txt")
    os.mkfifo(folder / "c.txt")
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert [(record.relative, record.annotated) for record in records] == [("a.jpg", True)]
    assert report.problems == []
    assert report.skipped_images == 0


def test_a_socket_as_an_images_label_is_named_as_no_label_file(tmp_path, bind):
    folder = _yolo_folder(tmp_path / "y2")
    write_image(folder / "b.jpg", 40, 30)
    label = bind("y2/b.txt")
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert [record.relative for record in records] == ["a.jpg"]
    assert report.problems == [f"{label}: not a regular file (a socket): not a label file; image not converted"]


def test_a_regular_file_that_cannot_be_opened_keeps_its_own_error(tmp_path, monkeypatch):
    path = tmp_path / "x.txt"
    path.write_text(LINE, encoding="utf-8")

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(PermissionError) as raised:
        read_regular_head(path, 10)
    assert not isinstance(raised.value, NotRegularFileError)
