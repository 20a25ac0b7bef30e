"""café.png (NFC) and café.png (NFD) beside each other with no XML: stats, predict --write-voc and
convert said "tw/café.png shares its annotation file café.xml with café.png", two names a terminal draws
alike, so no one could tell which to rename. Each message now says they are the same name in another
Unicode form and which form each is in (the words `--exclude-list` uses: `core.name_forms`)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.interop.voc_out import write_voc_records
from petloc_gui.core.name_forms import form_difference
from petloc_gui.core.shared_annotations import shared_reason
from petloc_gui.core.sidecar_index import report_shared

NFC = unicodedata.normalize("NFC", "caf\u00e9.png")
NFD = unicodedata.normalize("NFD", "caf\u00e9.png")


def test_the_index_problem_says_which_form_each_name_is_in():
    problems: list = []
    report_shared("tw/", "tw/", [NFC, NFD], ["caf\u00e9.xml", "caf\u00e9.xml"], problems)
    [problem] = [str(p) for p in problems]
    image = problem.split(": ", 1)[0].removeprefix("tw/")  # the one that is not the file's owner
    other = NFD if image == NFC else NFC
    assert "Unicode form" in problem
    assert problem.endswith(form_difference(image, other, "in this image's name", "in the other's"))


def test_names_that_differ_otherwise_get_no_unicode_note():
    problems: list = []
    report_shared("d/", "d/", ["photo.jpg", "photo.png"], ["photo.xml", "photo.xml"], problems)
    assert "Unicode" not in str(problems[0])


def test_the_left_out_reason_says_it():
    reason = shared_reason(Path("/tw/caf\u00e9.xml"), NFC, image=f"/tw/{NFD}")
    assert "Unicode form" in reason and "NFD" in reason
    assert "Unicode" not in shared_reason(Path("/d/photo.xml"), "photo.jpg", image="/d/photo.png")


def test_a_voc_export_says_it(tmp_path):
    records = [ImageRecord(tmp_path / "src" / name, name, 8, 8, annotated=False) for name in (NFC, NFD)]
    for record in records:
        record.image_path.parent.mkdir(exist_ok=True)
        record.image_path.write_bytes(b"")
    report = ConversionReport()
    write_voc_records(records, tmp_path / "voc", report=report, images="copy")
    [problem] = report.problems
    assert "would share the VOC file" in problem and "Unicode form" in problem
