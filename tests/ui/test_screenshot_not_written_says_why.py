"""`petloc-gui --screenshot shots/nodir/c.png` says why the PNG was not written, and still exits 3.

Before: "petloc-gui: could not write screenshot shots/nodir/c.png" and no reason (QPixmap.save says only that
it failed), where the folder did not exist; exit 4's line says why the model failed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from petloc_gui.ui.screenshot import EXIT_NOT_WRITTEN, EXIT_SAVED, ScreenshotTaker
from tests.ui.test_screenshot_narrow_host import Host


def _taken(qtbot, monkeypatch, out) -> int:
    host = Host()
    qtbot.addWidget(host)
    host.resize(80, 60)
    taker = ScreenshotTaker(host, out, settle_ms=0)
    finished: list[int] = []
    monkeypatch.setattr(taker, "_finish", finished.append)
    taker.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    return finished[0]


def _not_written_line(capsys) -> str:
    return next(line for line in capsys.readouterr().err.splitlines() if "could not write" in line)


def test_a_missing_folder_is_named(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    out = Path("shots", "nodir", "c.png")
    assert _taken(qtbot, monkeypatch, out) == EXIT_NOT_WRITTEN
    assert _not_written_line(capsys) == (f"petloc-gui: could not write screenshot {out}: folder "
                                         f"{Path('shots', 'nodir')} does not exist")
    assert not (tmp_path / "shots").exists()  # nothing made: the name was likely mistyped


def test_a_file_in_the_way_of_the_folder_is_named(qtbot, tmp_path, monkeypatch, capsys):
    (tmp_path / "shots").write_text("a file")
    out = tmp_path / "shots" / "c.png"
    assert _taken(qtbot, monkeypatch, out) == EXIT_NOT_WRITTEN
    assert _not_written_line(capsys) == (f"petloc-gui: could not write screenshot {out}: {tmp_path / 'shots'} "
                                         "is not a folder")


@pytest.mark.skipif(os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="a read-only folder (root writes into any)")
def test_a_folder_that_cannot_be_written_says_the_system_s_reason(qtbot, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "shots"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert _taken(qtbot, monkeypatch, folder / "c.png") == EXIT_NOT_WRITTEN
    finally:
        folder.chmod(0o755)
    assert _not_written_line(capsys).endswith(": Permission denied")


def test_a_folder_where_the_file_would_go_is_said(qtbot, tmp_path, monkeypatch, capsys):
    out = tmp_path / "c.png"
    out.mkdir()
    assert _taken(qtbot, monkeypatch, out) == EXIT_NOT_WRITTEN
    assert _not_written_line(capsys).startswith(f"petloc-gui: could not write screenshot {out}: ")
    assert out.is_dir() and not list(out.iterdir()) and sorted(tmp_path.iterdir()) == [out]  # no temporary left


def test_a_name_qt_has_no_format_for_is_said(qtbot, tmp_path, monkeypatch, capsys):
    out = tmp_path / "c.shot"
    assert _taken(qtbot, monkeypatch, out) == EXIT_NOT_WRITTEN
    line = _not_written_line(capsys)
    assert line.startswith(f"petloc-gui: could not write screenshot {out}: ") and ".shot" in line
    assert ".png" in line and not out.exists()


def test_a_screenshot_is_still_written_as_its_suffix_says(qtbot, tmp_path, monkeypatch):
    for name, head in (("c.png", b"\x89PNG\r\n\x1a\n"), ("c.JPG", b"\xff\xd8\xff")):
        out = tmp_path / name
        assert _taken(qtbot, monkeypatch, out) == EXIT_SAVED
        assert out.read_bytes()[:len(head)] == head and not QImage(str(out)).isNull()
