"""File > Export into a folder that held the user's own files (no earlier export of that format), failing part way
(a full disk) or cancelled: the images, label files and folders it had written stayed beside the user's, and its
box said the folder "now holds an export that did not finish". It takes back exactly what it created there, as
`petloc convert` does (`unfinished.OutputBefore`, one way for both): the user's files stay byte for byte."""

from __future__ import annotations

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import disk_full_after_copies
from tests.ui.test_export_failed_takes_back import (  # noqa: F401 - failing_window: a fixture
    MANIFEST,
    _failed_export,
    failing_window,
)


def _contents(folder):
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _held(tmp_path):
    out = tmp_path / "mine"
    (out / "images").mkdir(parents=True)
    (out / "readme.txt").write_bytes(b"my own\r\n")
    (out / "images" / "own.bin").write_bytes(bytes(range(256)))
    return out


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_takes_back_only_what_it_wrote(qtbot, failing_window, folder, tmp_path, monkeypatch, fmt):  # noqa: F811
    assert failing_window.open_folder(folder, model="fake")
    out = _held(tmp_path)
    before = _contents(out)
    calls = disk_full_after_copies(monkeypatch, 2)
    title, text = _failed_export(qtbot, failing_window, fmt, out)
    assert len(calls) == 3  # two images written before the disk filled
    assert title == "Export failed" and "No space left on device" in text
    assert "did not finish" not in text and "could not be removed" not in text
    assert _contents(out) == before
    assert not unfinished.interrupted(out)


def test_a_cancel_part_way_takes_back_only_what_it_wrote(qtbot, failing_window, folder, tmp_path,  # noqa: F811
                                                         monkeypatch):
    from petloc_gui.ui.review import export_action

    assert failing_window.open_folder(folder, model="fake")
    real_step = export_action.ExportJob._step
    out = _held(tmp_path)
    before = _contents(out)
    written: list[set[str]] = []

    def cancel_after_two(self, done, total):
        added = set(_contents(out)) - set(before) - {unfinished.MARK}
        if len(added) >= 2 and not written:
            written.append(added)
            self.cancel()  # as if Cancel were pressed with two of its files written
        real_step(self, done, total)

    monkeypatch.setattr(export_action.ExportJob, "_step", cancel_after_two)
    title, text = _failed_export(qtbot, failing_window, "yolo", out)
    assert written and any(name.startswith("images/") for name in written[0])
    assert title == "Export cancelled" and "did not finish" not in text
    assert _contents(out) == before
