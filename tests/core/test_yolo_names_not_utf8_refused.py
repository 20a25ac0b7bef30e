"""A YOLO folder's class names in another encoding than UTF-8 (labelImg on a French Windows machine writes
classes.txt in cp1252): refused naming the file and the line, as the folder's predefined_classes.txt is, not
read with U+FFFD in place of the bytes (every VOC file got ``<name>chat_\\ufffdt\\ufffd</name>``, "0 problems").
UTF-8 with a byte-order mark and UTF-16 with one still read."""

from __future__ import annotations

import codecs

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop.yolo_names import find_class_names
from tests.cli.helpers import run_cli, write_image


def _yolo_folder(root, file_name: str, data: bytes):
    folder = root / "src"
    (folder / "images").mkdir(parents=True)
    (folder / "labels").mkdir()
    write_image(folder / "images" / "a.png", 100, 50)
    (folder / "labels" / "a.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    (folder / file_name).write_bytes(data)
    return folder


@pytest.mark.parametrize("file_name, data, line", [
    ("classes.txt", b"chien\nchat_\xe9t\xe9\n", 2),
    ("classes.txt", b"chien\r\nchat_\xe9t\xe9\r\n", 2),
    ("data.yaml", b"train: images\nnames:\n  0: chien\n  1: chat_\xe9t\xe9\n", 4),
])
def test_convert_from_yolo_refuses_names_that_are_not_utf8_naming_the_file_and_line(
        tmp_path, capsys, file_name, data, line):
    folder = _yolo_folder(tmp_path, file_name, data)
    out = tmp_path / "voc"
    code, _, err = run_cli(capsys, "convert", folder, "--from", "yolo", out)
    assert code == 1
    assert f"{folder / file_name}: is not UTF-8 text (line {line}): save it as UTF-8" in err
    assert not (out / "images" / "a.xml").exists() and not (out / "a.xml").exists()


def test_utf16_without_its_byte_order_mark_is_refused_for_its_nul_bytes(tmp_path):
    folder = _yolo_folder(tmp_path, "classes.txt", "chien\nchat\n".encode("utf-16-le"))
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.reason.startswith("is not UTF-8 text (line 1: NUL bytes")


def test_utf16_with_a_lone_surrogate_is_refused_naming_its_line(tmp_path):
    data = codecs.BOM_UTF16_LE + "chien\n".encode("utf-16-le") + b"\x00\xd8\n\x00"
    folder = _yolo_folder(tmp_path, "classes.txt", data)
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.reason == "is not UTF-16 text (line 2): save it as UTF-8"


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + "chien\nchat_été\n".encode(),
    "chien\nchat_été\n".encode("utf-16"),  # with its byte-order mark (Notepad's "Unicode")
    codecs.BOM_UTF16_BE + "chien\nchat_été\n".encode("utf-16-be"),
])
def test_utf8_with_a_byte_order_mark_and_utf16_with_one_still_read(tmp_path, data):
    folder = _yolo_folder(tmp_path, "classes.txt", data)
    assert find_class_names(folder)[0] == ["chien", "chat_été"]


@pytest.mark.parametrize("file_name, data, line", [
    ("classes.txt", codecs.BOM_UTF8 + b"cat\n\xe9t\n", 2),
    ("classes.txt", codecs.BOM_UTF8 + b"cat\nab\xe9t\n", 2),
    ("classes.txt", codecs.BOM_UTF8 + b"cat\r\ndog\r\n\xe9t\r\n", 3),
    ("data.yaml", codecs.BOM_UTF8 + b"names: [chien,\n  \xe9t\xe9]\n", 2),
])
def test_a_byte_order_mark_leaves_the_line_named_the_editors(tmp_path, file_name, data, line):
    # (the mark was left out of the count of bytes before the bad one, and the line said was one too early)
    folder = _yolo_folder(tmp_path, file_name, data)
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.reason == f"is not UTF-8 text (line {line}): save it as UTF-8"


@pytest.mark.parametrize("file_name, text", [
    ("classes.txt", "cat\nété\n"),
    ("classes.txt", "été\ncat\n"),
    ("data.yaml", "names:\n  - chat\n  - été\n"),
])
def test_utf16_without_its_mark_holding_a_name_not_ascii_is_said_for_its_nul_bytes(tmp_path, file_name, text):
    # (its bytes that are not UTF-8 were found before its NULs: a plain "is not UTF-8 text (line 2)")
    folder = _yolo_folder(tmp_path, file_name, text.encode("utf-16-le"))
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.reason == ("is not UTF-8 text (line 1: NUL bytes, as UTF-16 without its byte-order mark "
                                   "has): save it as UTF-8")


@pytest.mark.parametrize("file_name", ["classes.txt", "data.yaml"])
@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_is_refused_in_its_own_name(tmp_path, file_name, encoding):
    # (its mark, FF FE 00 00, starts with UTF-16's: it was "not UTF-16 text (line 1: NUL bytes...)")
    text = "cat\ndog\n" if file_name == "classes.txt" else "names:\n  - cat\n"
    data = text.encode(encoding) if encoding == "utf-32" else codecs.BOM_UTF32_BE + text.encode(encoding)
    folder = _yolo_folder(tmp_path, file_name, data)
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.reason == "is UTF-32 text, which petloc does not read: save it as UTF-8"
