"""`petloc predict --write-voc` paid two fsyncs per pre-label it wrote (the file, then its folder, each time),
where `petloc convert --from` pays one per file and one per folder at the end of the run
(`core.atomic.folders_synced_once`). Each pre-label is still synced before it takes its name (a power cut
leaves it whole or absent, never empty: a rerun would keep an empty one as "exists"), and its folder is
synced before the summary says what was written, also of a run stopped part way."""

from __future__ import annotations

import os
import signal
import stat

import pytest

from petloc_gui.cli import cmd_predict
from petloc_gui.core import atomic
from tests.cli.helpers import RED, run_cli, write_image

IMAGES = 5


@pytest.fixture
def events(monkeypatch):
    """Every fsync as ("file" or "dir", device, inode), and the summary line as ("said", text), in order."""
    seen: list[tuple] = []
    real_fsync, real_info = os.fsync, cmd_predict.info

    def fsync(fd):
        info = os.fstat(fd)
        seen.append(("dir" if stat.S_ISDIR(info.st_mode) else "file", info.st_dev, info.st_ino))
        real_fsync(fd)

    def info(text, *args, **kwargs):
        seen.append(("said", text))
        real_info(text, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(cmd_predict, "info", info)
    return seen


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(IMAGES):
        write_image(folder / f"img{n}.png", 64, 32, RED)
    return folder


def _check_synced(events, folder, written):
    """Each pre-label on disk holds synced content; the folder is synced once, after the last file and
    before the summary; nothing else is synced."""
    xml_files = sorted(folder.glob("*.xml"))
    assert len(xml_files) == written
    synced_files = {(dev, ino) for kind, dev, ino in (e for e in events if e[0] == "file")}
    assert {(info.st_dev, info.st_ino) for info in map(os.stat, xml_files)} <= synced_files
    fsyncs = [event for event in events if event[0] != "said"]
    assert len(fsyncs) == written + 1, f"{len(fsyncs)} fsyncs for {written} pre-labels"
    said = [index for index, event in enumerate(events) if event[0] == "said"]
    assert len(said) == 1 and events[said[0]][1].startswith(f"wrote {written} pre-label")
    directory = os.stat(folder)
    assert events[said[0] - 1] == ("dir", directory.st_dev, directory.st_ino)  # synced, then said


def test_each_pre_label_is_synced_and_its_folder_once_before_the_summary(photos, tiny_bundle, capsys, events):
    code, _, err = run_cli(capsys, "predict", photos, "--model", tiny_bundle, "--write-voc", "--batch-size", "2")
    assert code == 0, err
    _check_synced(events, photos, IMAGES)


def test_a_stopped_run_syncs_the_folder_before_saying_what_it_wrote(photos, tiny_bundle, capsys, events,
                                                                    monkeypatch):
    real, calls = cmd_predict.write_prelabel, []

    def write(*args, **kwargs):  # Ctrl+C once the third pre-label is written
        calls.append(args[0])
        written = real(*args, **kwargs)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)
        return written

    monkeypatch.setattr(cmd_predict, "write_prelabel", write)
    code, _, err = run_cli(capsys, "predict", photos, "--model", tiny_bundle, "--write-voc", "--batch-size", "2")
    assert code == 130, err
    _check_synced(events, photos, 3)


def test_a_stop_during_the_folders_fsync_waits_for_it(photos, tiny_bundle, capsys, events, monkeypatch):
    real = atomic.os.fsync  # the counting one

    def fsync(fd):  # Ctrl+C as the folder's fsync starts: it is done, then the stop
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            os.kill(os.getpid(), signal.SIGINT)
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    code, _, err = run_cli(capsys, "predict", photos, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err  # the fsyncs done, the run is complete: a stop held during them is too late
    assert "interrupted" not in err
    _check_synced(events, photos, IMAGES)
