"""`petloc convert flat --from yolo flat` on a labelImg flat folder where Abyssinian_1.xml was VOC and Bengal_10.xml
an SVG (`petloc stats`: "broken_xml: not a Pascal VOC file") said "exists, like 1 more VOC file ... 2 existing VOC
files left untouched"; with --overwrite it rightly left the SVG alone but told the user to "overwrite it explicitly",
though --overwrite was given. A file at a VOC file's name that is not VOC is counted apart now (`kept_not_voc`), and
the refusal under --overwrite says that --overwrite replaces only VOC files: delete or move it by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop import ImageRecord, LabelledBox, write_voc_records
from petloc_gui.core.interop.unfinished import MARK
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import last_json, run_cli, voc_xml, write_image

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'


def _flat_folder(folder: Path) -> tuple[str, str]:
    """labelImg's flat folder: each image with its YOLO txt, classes.txt, one VOC and one SVG at the XML names."""
    folder.mkdir()
    for stem in ("Abyssinian_1", "Bengal_10"):
        write_image(folder / f"{stem}.jpg", 40, 30)
        (folder / f"{stem}.txt").write_text("0 0.5 0.5 0.4 0.4\n")
    (folder / "classes.txt").write_text("cat\n")
    voc = voc_xml("Abyssinian_1.jpg", 40, 30, [("dog", (2, 2, 10, 10))])
    (folder / "Abyssinian_1.xml").write_text(voc)
    (folder / "Bengal_10.xml").write_text(SVG)
    return voc, SVG


def _warnings_and_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("petloc: ")]


def test_without_overwrite_the_svg_is_counted_apart_from_the_voc_file_kept(tmp_path, capsys):
    flat = tmp_path / "flat"
    voc, svg = _flat_folder(flat)
    code, out, err = run_cli(capsys, "convert", flat, "--from", "yolo", flat, "--json")
    assert code == 0 and "Traceback" not in err
    summary = last_json(out)
    assert (summary["kept_existing"], summary["kept_not_voc"]) == (1, 1)
    assert (flat / "Abyssinian_1.xml").read_text() == voc and (flat / "Bengal_10.xml").read_text() == svg
    messages = _warnings_and_problems(err)
    assert messages == [
        f"petloc: warning: {flat / 'Abyssinian_1.xml'}: exists; left untouched (pass --overwrite to replace it)",
        f"petloc: warning: {flat / 'Bengal_10.xml'}: root element is "
        "<{http://www.w3.org/2000/svg}svg>, expected <annotation>: not a Pascal VOC file; left untouched, so its "
        "image's annotation was not written: delete or move it by hand (--overwrite replaces only VOC files)"]
    line = err.splitlines()[-1]
    assert "1 existing VOC file left untouched, 1 file that is not Pascal VOC left untouched" in line, line
    assert not (flat / MARK).exists()  # the run's mark is gone once it finished (`unfinished_conversion`)


def test_with_overwrite_the_voc_file_is_replaced_and_the_svg_refusal_says_why_truly(tmp_path, capsys):
    flat = tmp_path / "flat"
    _, svg = _flat_folder(flat)
    code, out, err = run_cli(capsys, "convert", flat, "--from", "yolo", flat, "--overwrite", "--json")
    assert code == 0 and "Traceback" not in err
    summary = last_json(out)
    assert (summary["kept_existing"], summary["kept_not_voc"], summary["skipped_images"]) == (0, 1, 1)
    assert [obj.name for obj in read_voc(flat / "Abyssinian_1.xml").objects] == ["cat"]  # replaced
    assert (flat / "Bengal_10.xml").read_text() == svg
    [problem] = _warnings_and_problems(err)
    assert "overwrite it explicitly" not in problem
    assert problem == (
        f"petloc: {flat / 'Bengal_10.xml'}: root element is "
        "<{http://www.w3.org/2000/svg}svg>, expected <annotation>: not a Pascal VOC file; --overwrite replaces "
        "only VOC files, so it is left untouched: delete or move it by hand; image not converted")
    line = err.splitlines()[-1]
    assert "existing VOC file" not in line and "1 file that is not Pascal VOC left untouched" in line, line
    assert not (flat / MARK).exists()


@pytest.mark.parametrize("not_voc", [1, 2, 3])
def test_the_warning_and_the_summary_about_files_that_are_not_voc_agree_with_their_count(tmp_path, not_voc):
    source, out = tmp_path / "src", tmp_path / "voc"
    source.mkdir()
    out.mkdir()
    records = []
    for index in range(not_voc + 1):
        image = write_image(source / f"i{index}.png", 20, 20)
        records.append(ImageRecord(image_path=image, relative=image.name, width=20, height=20, annotated=True,
                                   objects=[LabelledBox("cat", Box(2, 2, 10, 10))]))
    for index in range(not_voc):
        (out / f"i{index}.xml").write_text("" if index else SVG)  # the second an empty file: not VOC either
    report = write_voc_records(records, out)
    assert (report.kept_existing, report.kept_not_voc, report.annotated) == (0, not_voc, 1)
    [warning] = report.warnings
    if not_voc == 1:
        assert warning.endswith(": not a Pascal VOC file; left untouched, so its image's annotation was not "
                                "written: delete or move it by hand (--overwrite replaces only VOC files)"), warning
    else:
        more = "1 more file" if not_voc == 2 else f"{not_voc - 1} more files"
        assert f": not a Pascal VOC file, like {more} in {out}; {not_voc} files that are not Pascal VOC left " \
               "untouched, so their images' annotations were not written: delete or move them by hand (--overwrite " \
               "replaces only VOC files)" in warning, warning
    noun = "file that is not Pascal VOC" if not_voc == 1 else "files that are not Pascal VOC"
    assert f"{not_voc} {noun} left untouched" in report.summary()
    assert (out / "i0.xml").read_text() == SVG


def test_an_empty_file_and_a_folder_at_a_voc_name_are_not_voc_either(tmp_path):
    source, out = tmp_path / "src", tmp_path / "voc"
    source.mkdir()
    out.mkdir()
    records = []
    for index in range(2):
        image = write_image(source / f"i{index}.png", 20, 20)
        records.append(ImageRecord(image_path=image, relative=image.name, width=20, height=20, annotated=True,
                                   objects=[LabelledBox("cat", Box(2, 2, 10, 10))]))
    (out / "i0.xml").write_text("")
    (out / "i1.xml").mkdir()
    report = write_voc_records(records, out)
    assert (report.kept_existing, report.kept_not_voc) == (0, 2)
    [warning] = report.warnings
    assert warning.startswith(f"{out / 'i0.xml'}: not a Pascal VOC file (annotation file is empty), like 1 more "
                              "file in"), warning
