"""A data.yaml whose bytes that are not UTF-8 are only where petloc reads nothing (a cp1252 comment, "# Jeu de
donn\\xe9es", another key's value) converts as before, as Ultralytics (which reads it with errors="ignore")
takes it: it was refused whole, "is not UTF-8 text (line 1)", and `petloc convert --from yolo` failed. One in a
name, or in the ``names:`` or ``kpt_shape:`` lines outside a comment, is still refused naming its line."""

from __future__ import annotations

import codecs

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop.yolo_names import find_class_names, find_keypoint_shape
from tests.cli.helpers import run_cli, write_image


def _yolo_folder(root, data: bytes):
    folder = root / "src"
    (folder / "images").mkdir(parents=True)
    (folder / "labels").mkdir()
    write_image(folder / "images" / "a.png", 100, 50)
    (folder / "labels" / "a.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    (folder / "data.yaml").write_bytes(data)
    return folder


def test_convert_from_yolo_reads_a_data_yaml_with_a_cp1252_comment(tmp_path, capsys):
    data = b"# Jeu de donn\xe9es des animaux (cr\xe9\xe9 le 3 mai)\ntrain: images\nnames:\n  0: chien\n  1: chat\n"
    folder = _yolo_folder(tmp_path, data)
    out = tmp_path / "voc"
    code, _, err = run_cli(capsys, "convert", folder, "--from", "yolo", out)
    assert code == 0, err
    assert "0 problems" in err and "petloc:" not in err
    written = [path.read_text() for path in out.rglob("a.xml")]
    assert len(written) == 1 and "<name>chat</name>" in written[0]


@pytest.mark.parametrize("data, names", [
    (b"# donn\xe9es\nnames:\n  0: chien\n  1: chat\n", ["chien", "chat"]),
    (codecs.BOM_UTF8 + b"# donn\xe9es\nnames:\n  - chien\n  - chat\n", ["chien", "chat"]),
    (b"path: C:\\donn\xe9es\nnames:  # cr\xe9\xe9\n  0: chien  # le chien\n  1: chat # \xe9t\xe9\n", ["chien", "chat"]),
    (b"names:\n  - 'chat #1'  # \xe9t\xe9\n  - \"chien\"# \xe9\n  - cat's toy # \xe9\n",
     ["chat #1", "chien", "cat's toy"]),
    (b"names: [chien, 'chat'] # \xe9t\xe9\ntrain: donn\xe9es\n", ["chien", "chat"]),
    (b"names: [chien,  # \xe9t\xe9\n  chat]\nval: donn\xe9es\n", ["chien", "chat"]),
    (b"names:\n  0: chien\n# \xe9t\xe9\n  1: chat\nval: donn\xe9es  # \xe9\n", ["chien", "chat"]),
])
def test_bytes_not_utf8_where_petloc_reads_nothing_are_left_as_ultralytics_leaves_them(tmp_path, data, names):
    assert find_class_names(_yolo_folder(tmp_path, data))[0] == names


@pytest.mark.parametrize("data, line", [
    (b"# donn\xe9es\nnames:\n  - chien\n  - chat_\xe9t\xe9  # \xe9\n", 4),
    (b"names:\n  0: chien\n  1: 'chat_\xe9t\xe9'\n", 3),
    (b"names:\n  0: chien\n  1\xe9: chat\n", 3),
    (b"# \xe9\nnames: [chien, \"chat_\xe9t\xe9\"]\n", 2),
    (b"names: [chien,  # \xe9\n  'chat #1',\nchat_\xe9t\xe9]\ntrain: donn\xe9es\n", 3),
    (b"names: {0: chien,\n  1: chat_\xe9t\xe9}\n", 2),
])
def test_a_byte_not_utf8_in_what_is_read_of_names_is_refused_naming_its_line(tmp_path, data, line):
    with pytest.raises(DatasetError) as caught:
        find_class_names(_yolo_folder(tmp_path, data))
    assert caught.value.reason == f"is not UTF-8 text (line {line}): save it as UTF-8"


def test_a_byte_not_utf8_in_kpt_shape_is_refused_naming_its_line_and_one_in_its_comment_is_not(tmp_path):
    folder = _yolo_folder(tmp_path, b"names: [chien, chat]\nkpt_shape: [17, 3]  # \xe9\n")
    assert find_keypoint_shape(folder)[0] == (17, 3)
    (folder / "data.yaml").write_bytes(b"names: [chien, chat]\nkpt_shape:\n  - 17\n  - 3\xe9\n")
    with pytest.raises(DatasetError) as caught:
        find_keypoint_shape(folder)
    assert caught.value.reason == "is not UTF-8 text (line 4): save it as UTF-8"
