"""The guards asking "is this the same file?" find it under another spelling where `os.path.samefile` numbers
each spelling apart: a FAT disk mounted by FUSE (fusefat without use_ino), emulated (`tests.core.fusefat_spellings`).

Before: `os.path.samefile` alone said two files, so `petloc stats DATA --plot OUTSIDE/PHOTO.PNG --overwrite`
wrote its plot over the dataset's linked image photo.png; a save to ``A.XML`` of what was read from ``a.xml``
skipped the check of what the file held and replaced another program's edit unsaid; `convert p/images --to yolo
P --overwrite` refused the dataset's own rotated PNG in P/images as "a different file"; and the case-insensitive
tests skipped on such a mount."""

from __future__ import annotations

import uuid

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import ExternalChangeError
from petloc_gui.core.interop import export_yolo
from petloc_gui.core.same_file import same_file
from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import run_cli, voc_xml, write_image
from tests.core import caseless
from tests.core.fusefat_spellings import fusefat  # noqa: F401 - a fixture


def test_a_file_under_another_spelling_is_the_same_file_and_a_listed_one_is_not(tmp_path, fusefat):  # noqa: F811
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"png")
    spelled = fusefat.spell(photo, "PHOTO.PNG")
    assert same_file(spelled, photo) and same_file(photo, photo)
    (tmp_path / "Photo.png").write_bytes(b"png")  # listed: another file, as on a case-sensitive disk
    assert not same_file(tmp_path / "Photo.png", photo)
    assert not same_file(tmp_path / "absent.png", photo)


def test_a_plot_over_a_linked_image_under_another_spelling_is_refused(tmp_path, capsys, fusefat):  # noqa: F811
    outside = tmp_path / "outside"
    outside.mkdir()
    photo = write_image(outside / "photo.png", 40, 30)
    before = photo.read_bytes()
    side = tmp_path / "side"
    side.mkdir()
    (side / "a.png").symlink_to(photo)  # the dataset's image is a link to it (DVC's cache)
    plot = fusefat.spell(photo, "PHOTO.PNG")
    code, _, err = run_cli(capsys, "stats", side, "--plot", plot, "--overwrite")
    assert code == 1 and "is a file of the dataset; the plot never replaces it" in err, err
    assert photo.read_bytes() == before and plot.samefile(outside / "PHOTO.PNG")


def test_a_save_under_another_spelling_checks_what_the_file_held(tmp_path, fusefat):  # noqa: F811
    xml = tmp_path / "a.xml"
    xml.write_text(voc_xml("a.jpg", 40, 30, [("dog", (1, 1, 20, 20))]), encoding="utf-8")
    annotation = read_voc(xml, (40, 30), find_image=False)
    spelled = fusefat.spell(xml, "A.XML")
    xml.write_text(voc_xml("a.jpg", 40, 30, [("cat", (2, 2, 30, 20))]), encoding="utf-8")  # another program's
    with pytest.raises(ExternalChangeError, match="changed by another program"):
        write_voc(annotation, spelled)
    assert "cat" in xml.read_text(encoding="utf-8")


def test_the_datasets_own_rotated_image_in_an_export_folder_typed_in_another_case_stays(tmp_path, fusefat):  # noqa: F811
    folder = tmp_path / "p" / "images"
    folder.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    image = folder / "r.png"
    Image.fromarray(np.zeros((20, 40, 3), np.uint8)).save(image, exif=exif.tobytes())
    (folder / "r.xml").write_text(voc_xml("r.png", 20, 40, [("mark", (1, 1, 6, 6))]), encoding="utf-8")
    before = image.read_bytes()
    out = fusefat.spell(tmp_path / "p", "P", folder=True)
    report = export_yolo(open_dataset(folder), out, overwrite=True)
    assert report.problems == [] and image.read_bytes() == before
    assert any("could not be written upright here and keep it (r.png)" in w for w in report.warnings)


def test_the_caseless_probe_finds_a_disk_that_numbers_each_spelling_apart(tmp_path, monkeypatch, fusefat):  # noqa: F811
    assert not caseless.ignores_case(tmp_path)  # no spelling of the probe here: a case-sensitive disk
    probe = uuid.UUID("0123abcd-0000-4000-8000-000000000000")
    monkeypatch.setattr(caseless.uuid, "uuid4", lambda: probe)
    fusefat.spell(tmp_path / "Probe-0123abcd", "pROBE-0123ABCD", folder=True)
    assert caseless.ignores_case(tmp_path)
