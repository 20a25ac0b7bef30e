"""`rows_using` (Edit → Classes…: which images' boxes a rename or a delete changes) finds every file whose
labels, as the XML parser reads them, name the class.

It looked for the label's UTF-8 bytes, so it passed over a file in another encoding (Latin-1), a name
spelled with character references (caf&#233;, caf&#xE9;) and a label shown shortened: a rename left
their boxes with the old name."""

from __future__ import annotations

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.class_list import rows_using
from petloc_gui.core.dataset import open_dataset

UTF8 = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _xml(name: str, declaration: str = UTF8, extra: str = "") -> str:
    return (f"{declaration}<annotation><filename>x.png</filename>{extra}"
            "<size><width>100</width><height>80</height><depth>3</depth></size>"
            f"<object><name>{name}</name><pose>Unspecified</pose>"
            "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>50</xmax><ymax>50</ymax></bndbox></object>"
            "</annotation>\n")


def _rows(tmp_path, files: dict[str, bytes], label: str) -> list[str]:
    """The images ``rows_using`` finds ``label`` on, in a folder of ``files`` (stem -> annotation bytes)."""
    for stem, data in files.items():
        (tmp_path / f"{stem}.png").write_bytes(b"")
        (tmp_path / f"{stem}.xml").write_bytes(data)
    dataset = open_dataset(tmp_path)
    found = rows_using(AnnotationStore(dataset), label)
    assert all(indices == [0] for indices in found.values())
    return sorted(dataset.items[row].image_path.stem for row in found)


def test_a_label_in_latin1_or_spelled_with_references_is_found(tmp_path):
    files = {
        "utf8": _xml("café").encode("utf-8"),
        "latin1": _xml("café", '<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("latin-1"),
        "decimal": _xml("caf&#233;").encode("ascii"),
        "hex": _xml("caf&#xE9;").encode("ascii"),
        "amp": _xml("caf&#233;").replace("<object>", "<!-- &amp; --><object>").encode("ascii"),
        "other": _xml("cafe").encode("ascii"),
    }
    assert _rows(tmp_path, files, "café") == ["amp", "decimal", "hex", "latin1", "utf8"]


@pytest.mark.parametrize("data", [
    _xml("dog", extra="<!-- café -->").encode("utf-8"),  # in a comment
    _xml("dog", extra="<path>/photos/café/x.png</path>").encode("utf-8"),  # in another tag
    _xml("dog").replace("Unspecified", "caf&#233;").encode("ascii"),  # a reference in the pose
    _xml("dog", '<?xml version="1.0" encoding="windows-1252"?>\n', "<!-- café -->").encode("cp1252"),
], ids=["comment", "path", "pose", "parsed"])
def test_a_label_elsewhere_in_the_file_is_no_box_of_it(tmp_path, data):
    assert _rows(tmp_path, {"x": data}, "café") == []


def test_a_label_in_a_single_byte_encoding_is_found_as_the_parser_reads_it(tmp_path):
    """Byte 0x80 is € in windows-1252, a control character in Latin-1: each file read by its own table."""
    files = {
        "cp1252": _xml("€uro", '<?xml version="1.0" encoding="windows-1252"?>\n').encode("cp1252"),
        "latin1": _xml("\x80uro", '<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("latin-1"),
        "koi8": _xml("кот", '<?xml version="1.0" encoding="KOI8-R"?>\n').encode("koi8-r"),
    }
    assert _rows(tmp_path, files, "€uro") == ["cp1252"]
    assert _rows(tmp_path, {}, "кот") == ["koi8"]


def test_files_python_cannot_read_as_the_parser_does_are_parsed(tmp_path):
    files = {
        "utf16": _xml("猫", '<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16"),  # with its BOM
        "sjis": _xml("猫", '<?xml version="1.0" encoding="Shift_JIS"?>\n').encode("shift_jis"),
        "cdata": _xml("<![CDATA[猫]]>").encode("utf-8"),
        "split": _xml("<![CDATA[ne]]>ko").encode("utf-8"),  # one name, from a CDATA section and text
    }
    assert _rows(tmp_path, files, "猫") == ["cdata", "sjis", "utf16"]
    assert _rows(tmp_path, {}, "neko") == ["split"]
    # without a byte order mark: ASCII text every other byte (valid UTF-8, of NULs and letters)
    owl = {"utf16le": _xml("owl", '<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16-le")}
    assert _rows(tmp_path, owl, "owl") == ["utf16le"]


ONE_BYTE = [f"iso-8859-{n}" for n in (*range(1, 12), *range(13, 17))] + [
    *(f"windows-125{n}" for n in range(9)), "cp1252", "latin1", "l1", "koi8-r", "koi8-u"]


@pytest.mark.parametrize("encoding", ONE_BYTE)
def test_python_reads_the_encodings_it_decodes_itself_as_the_parser_does(tmp_path, encoding):
    """Every pair of a byte over 127 after a letter or another such byte: libiconv joins some pairs
    (a letter and an accent in windows-1258, a Hebrew letter and its point in windows-1255)."""
    from petloc_gui.app.class_list import _parsed_text
    from petloc_gui.core.voc_tree import read_voc_tree

    head = f'<?xml version="1.0" encoding="{encoding}"?>\n'.encode("ascii")
    if _parsed_text(head + "<a>\u00e9</a>".encode("latin-1")) is None:
        return  # parsed: nothing to agree on
    codec = encoding.replace("windows-", "cp")
    high = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            continue  # a file with it is parsed
        high.append(byte)
    pairs = b"|".join(bytes([first, second]) for first in [*b"aeiouyAEIOUYcnsz", *high] for second in high)
    data = head + b"<annotation><object><name>" + pairs + b"</name></object></annotation>"
    path = tmp_path / "x.xml"
    path.write_bytes(data)
    tree, _state = read_voc_tree(path)
    assert tree.getroot().findtext("object/name") == pairs.decode(codec)
    assert f"<name>{pairs.decode(codec)}</name>" in _parsed_text(data)


def test_pure_ascii_in_an_encoding_that_reads_ascii_otherwise_is_parsed(tmp_path):
    """Shift_JIS reads the byte of a backslash as a yen sign: a label "a¥b" is in the file as a\\b."""
    files = {"sjis": _xml("a\\b", '<?xml version="1.0" encoding="Shift_JIS"?>\n').encode("ascii")}
    assert _rows(tmp_path, files, "a¥b") == ["sjis"]
    assert _rows(tmp_path, {}, "a\\b") == []


def test_a_label_shown_shortened_is_found(tmp_path):
    from petloc_gui.core.voc import MAX_LABEL_CHARS

    long_name = "x" * 300
    shown = long_name[:MAX_LABEL_CHARS - 1] + "…"  # as the window lists it (`core.voc`)
    assert _rows(tmp_path, {"long": _xml(long_name).encode("ascii")}, shown) == ["long"]


def test_line_ends_and_named_entities_are_read_as_the_parser_does(tmp_path):
    files = {
        "entities": _xml("cat &amp; dog &lt;3").encode("ascii"),
        "crlf": _xml("two\r\nlines").encode("ascii"),
    }
    assert _rows(tmp_path, files, "cat & dog <3") == ["entities"]
    assert _rows(tmp_path, {}, "two\nlines") == ["crlf"]
