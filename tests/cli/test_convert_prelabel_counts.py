"""`convert --to`: `prelabels` counts the unreviewed pre-labels of the images written, not of those left out.

It was counted as each annotation was read, so an image left out afterwards
(a name COCO cannot hold, a different file in the way in OUT/images) still
counted: "1 image ... 2 unreviewed pre-labels among the annotations".
"""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco
from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import last_json, run_cli, voc_xml, write_image
from tests.core.interop_helpers import non_utf8_name


def _prelabel(xml):
    annotation = read_voc(xml)
    annotation.prelabel = "petloc pre-label by petloc predict, model pets"
    write_voc(annotation, xml)


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_a_pre_labelled_image_left_out_is_not_counted(small_voc, tmp_path, capsys, fmt):
    _prelabel(small_voc / "a.xml")
    _prelabel(small_voc / "r.xml")
    out = tmp_path / fmt
    (out / "images").mkdir(parents=True)
    write_image(out / "images" / "a.png", 5, 5, color=(200, 0, 0))  # a different file: a.png cannot go there
    code, stdout, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--overwrite", "--json")
    summary = last_json(stdout)
    assert code == 0 and any("a.png" in p and "different file" in p for p in summary["problems"])
    assert summary["prelabels"] == 1  # r.jpg's; a.png's is not in the output
    assert "1 unreviewed pre-label among the annotations" in err


def test_a_pre_labelled_image_coco_cannot_name_is_not_counted(tmp_path):
    # In-process: pytest's captured stderr refuses the lone surrogate a real one shows escaped.
    folder = tmp_path / "voc"
    folder.mkdir()
    bad = non_utf8_name(folder, b"bad\xff")
    for stem in (bad, "ok"):
        write_image(folder / f"{stem}.png", 40, 30)
        # <filename> in UTF-8 text: the file's own name cannot be written in it
        (folder / f"{stem}.xml").write_text(voc_xml("x.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
        _prelabel(folder / f"{stem}.xml")
    report = export_coco(open_dataset(folder), tmp_path / "coco")
    assert (report.images, report.skipped_images, report.prelabels) == (1, 1, 1)
    assert "1 unreviewed pre-label among" in report.summary()


def test_an_import_counts_the_pre_labels_it_writes(tmp_path, capsys):
    src = tmp_path / "yolo"
    src.mkdir()
    for stem, line in (("pred", "0 0.5 0.5 0.2 0.3 0.87\n"), ("label", "0 0.5 0.5 0.2 0.3\n")):
        write_image(src / f"{stem}.png", 40, 30)
        (src / f"{stem}.txt").write_text(line)
    (src / "classes.txt").write_text("cat\n")
    code, stdout, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "voc", "--json")
    summary = last_json(stdout)
    assert code == 0 and (summary["annotated"], summary["prelabels"]) == (2, 1)
    assert read_voc(tmp_path / "voc" / "pred.xml").unreviewed
    assert ("1 unreviewed pre-label among the annotations (a model's boxes), marked as such in their VOC files"
            in err.splitlines()[-1])
    assert "exported like the others" not in err
    # Left untouched the second time (no --overwrite): nothing written, nothing counted.
    code, stdout, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "voc", "--json")
    assert (last_json(stdout)["kept_existing"], last_json(stdout)["prelabels"]) == (2, 0)
