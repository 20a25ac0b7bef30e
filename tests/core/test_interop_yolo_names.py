"""YOLO class names with line breaks: refused on export, kept whole on import."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import ConversionReport, export_yolo, read_yolo
from petloc_gui.core.interop.yolo_names import find_class_names
from tests.cli.helpers import run_cli, write_image
from tests.core.interop_helpers import write_voc_image


@pytest.mark.parametrize("xml_name, label", [
    ("ze&#10;ro", "ze\nro"),          # a newline written as a character reference
    ("o\u2028ne", "o\u2028ne"),       # LINE SEPARATOR, a line break to str.splitlines() and YAML
    ("t\u0085wo", "t\u0085wo"),       # NEXT LINE
])
def test_a_label_with_a_line_break_leaves_its_image_out_with_a_problem(tmp_path, xml_name, label):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20)), (xml_name, (20, 10, 39, 29))])
    write_voc_image(folder, "b.png", 40, 30, [("dog", (5, 5, 20, 20))])
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(folder), out)
    assert report.problems == [f"{folder / 'a.xml'}: label {label!r} contains a line break, which "
                               "classes.txt (one name per line) cannot hold; image left out"]
    assert (report.images, report.skipped_images) == (1, 1)
    assert (out / "classes.txt").read_bytes() == b"dog\n"
    assert not (out / "images" / "a.png").exists() and not (out / "labels" / "a.txt").exists()


def test_classes_txt_is_split_on_newlines_only(tmp_path):
    (tmp_path / "classes.txt").write_bytes("o\u2028ne\r\nt\u0085wo\nthr\x0cee\n".encode())
    assert find_class_names(tmp_path)[0] == ["o\u2028ne", "t\u0085wo", "thr\x0cee"]


def test_classes_txt_with_old_mac_line_ends_reads_one_name_a_line(tmp_path):
    (tmp_path / "classes.txt").write_bytes(b"zero\rone\r")
    assert find_class_names(tmp_path)[0] == ["zero", "one"]


def test_class_ids_do_not_shift_past_a_name_with_an_unusual_separator(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write_image(folder / "a.png", 100, 50)
    (folder / "a.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    (folder / "classes.txt").write_bytes("o\u2028ne\ntwo\n".encode())
    report = ConversionReport()
    [record] = read_yolo(folder, report)
    assert report.problems == [] and [obj.label for obj in record.objects] == ["two"]


@pytest.mark.parametrize("file_name, text, message", [
    ("classes.txt", "cat\ncat\ndog\n", "'cat' has ids 0, 1."),
    ("obj.names", "cat\ndog\nbird\ndog\ncat\n", "'cat' has ids 0, 4; 'dog' has ids 1, 3."),
    ("data.yaml", "names:\n  0: cat\n  1: dog\n  2: 'cat'\n", "'cat' has ids 0, 2."),
])
def test_a_class_name_listed_twice_is_refused_naming_it_and_its_ids(tmp_path, capsys, file_name, text, message):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / file_name).write_text(text)
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.path == folder / file_name
    assert caught.value.reason == (f"a class name is listed more than once: {message} Their boxes would become one "
                                   "class; give each id its own name")
    write_image(folder / "a.png", 100, 50)
    (folder / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n")
    code, _, err = run_cli(capsys, "convert", folder, "--from", "yolo", tmp_path / "voc")
    assert code == 1 and message in err and not (tmp_path / "voc" / "a.xml").exists()
