"""`petloc convert --from yolo|coco` paid two fsyncs per VOC file it wrote (the file, then its folder): 5,000
images took 34-55 s for about 9.5 s of work. Each VOC file is still synced before it takes its name (an
annotation: a power cut leaves it whole or absent, never empty), and each folder once, at the end of the run
(`core.atomic.folders_synced_once`): N + a few fsyncs, not 2N. A lone save (the window's) still syncs both."""

from __future__ import annotations

import os
import stat

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.voc import new_annotation, write_voc
from tests.cli.helpers import run_cli, write_image

IMAGES = 20


@pytest.fixture
def fsyncs(monkeypatch):
    """Every fsync as ("file" or "dir", device, inode), in order."""
    seen: list[tuple[str, int, int]] = []
    real = os.fsync

    def fsync(fd):
        info = os.fstat(fd)
        seen.append(("dir" if stat.S_ISDIR(info.st_mode) else "file", info.st_dev, info.st_ino))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return seen


def _yolo_folder(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    for number in range(IMAGES):
        write_image(folder / f"pet{number:02}.png", 40, 30)
        (folder / f"pet{number:02}.txt").write_text("0 0.5 0.5 0.5 0.5\n")
    (folder / "classes.txt").write_text("cat\n")
    return folder


@pytest.mark.parametrize("overwrite", [(), ("--overwrite",)])
def test_each_voc_file_is_synced_once_and_its_folder_once_at_the_end(tmp_path, capsys, fsyncs, overwrite):
    src, out = _yolo_folder(tmp_path), tmp_path / "voc"
    if overwrite:  # the VOC files there already: each is replaced (`write_voc`), not made (`write_new_voc`)
        assert run_cli(capsys, "convert", src, "--from", "yolo", out)[0] == 0
        fsyncs.clear()
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, *overwrite)
    assert code == 0, err
    xml_files = sorted(out.glob("*.xml"))
    assert len(xml_files) == IMAGES
    synced_files = {(dev, ino) for kind, dev, ino in fsyncs if kind == "file"}
    # each VOC file under its final name holds content that was synced: no power cut leaves it empty
    assert {(info.st_dev, info.st_ino) for info in map(os.stat, xml_files)} <= synced_files
    assert len(fsyncs) <= IMAGES + 2, f"{len(fsyncs)} fsyncs for {IMAGES} VOC files"
    folder = os.stat(out)
    assert fsyncs[-1] == ("dir", folder.st_dev, folder.st_ino)  # its folder, once, after the last file
    assert [entry[0] for entry in fsyncs].count("dir") == 1


def test_a_lone_save_after_a_conversion_still_syncs_its_file_then_its_folder(tmp_path, capsys, fsyncs):
    assert run_cli(capsys, "convert", _yolo_folder(tmp_path), "--from", "yolo", tmp_path / "voc")[0] == 0
    image = tmp_path / "alone.png"
    write_image(image, 40, 30)
    fsyncs.clear()
    write_voc(new_annotation(image, 40, 30), tmp_path / "alone.xml")
    assert [kind for kind, _, _ in fsyncs] == ["file", "dir"]
