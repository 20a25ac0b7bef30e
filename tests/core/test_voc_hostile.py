"""Hostile XML: no file contents leak, nothing hangs, nothing is modified."""

from __future__ import annotations

import time

import pytest
from PIL import Image

from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.voc import read_voc

from .helpers import snapshot

XXE = """<?xml version="1.0"?>
<!DOCTYPE annotation [<!ENTITY xxe SYSTEM "file://{secret}">]>
<annotation><filename>&xxe;</filename><object><name>&xxe;</name>
<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>
"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
""" + "".join(
    f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
) + """]>
<annotation><filename>&lol9;</filename></annotation>
"""


def _refused(path):
    before = snapshot(path)
    start = time.perf_counter()
    with pytest.raises(AnnotationError) as info:
        read_voc(path)
    assert time.perf_counter() - start < 2.0
    assert snapshot(path) == before
    return str(info.value)


def test_xxe_does_not_leak_file_contents(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "xxe.xml"
    path.write_text(XXE.format(secret=secret))
    message = _refused(path)
    assert "TOP-SECRET" not in message and "entity" in message.lower()


def test_xxe_in_utf16_file_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "xxe16.xml"
    path.write_bytes(XXE.format(secret=secret).replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
                     .encode("utf-16"))
    assert "TOP-SECRET" not in _refused(path)


def test_billion_laughs_finishes_fast(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(LAUGHS)
    assert "lol" not in _refused(path).replace("laughs.xml", "")


def test_external_dtd_is_not_fetched(tmp_path):
    # A DOCTYPE without entities is harmless; the DTD must not be loaded.
    path = tmp_path / "dtd.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE annotation SYSTEM "http://127.0.0.1:9/x.dtd">'
                    "<annotation><filename>a.jpg</filename></annotation>")
    start = time.perf_counter()
    assert read_voc(path).filename == "a.jpg"
    assert time.perf_counter() - start < 2.0


def test_huge_file_is_refused_without_parsing(tmp_path, monkeypatch):
    import petloc_gui.core.voc_tree as voc

    monkeypatch.setattr(voc, "MAX_XML_BYTES", 1000)
    path = tmp_path / "huge.xml"
    path.write_text("<annotation>" + " " * 2000 + "</annotation>")
    assert "larger than" in _refused(path)


def _utf16(text: str) -> bytes:
    # UTF-16 hides "<!ENTITY" from a byte scan: the parsed DTD must be checked too.
    return text.replace('version="1.0"', 'version="1.0" encoding="UTF-16"', 1).encode("utf-16")


@pytest.mark.parametrize("encode", [str.encode, _utf16], ids=["utf8", "utf16"])
def test_parameter_entity_xxe(tmp_path, encode):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "pe.xml"
    path.write_bytes(encode(f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "file://{secret}">'
                            " %p;]><annotation><filename>x.jpg</filename></annotation>"))
    message = _refused(path)
    assert "TOP-SECRET" not in message and "entity declarations" in message


def test_quadratic_blowup_in_utf16_is_refused_fast(tmp_path):
    path = tmp_path / "quadratic.xml"
    path.write_bytes(_utf16('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY big "' + "A" * 100_000
                            + '">]><annotation><filename>' + "&big;" * 20_000
                            + "</filename></annotation>"))
    _refused(path)


def test_billion_laughs_in_utf16_is_refused_fast(tmp_path):
    path = tmp_path / "laughs16.xml"
    path.write_bytes(_utf16(LAUGHS))
    _refused(path)


def test_external_dtd_declaring_an_entity_is_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY leak SYSTEM "file://{secret}">')
    path = tmp_path / "extdtd.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE annotation SYSTEM "file://{tmp_path}/evil.dtd">'
                    "<annotation><filename>&leak;</filename></annotation>")
    try:
        annotation = read_voc(path)
    except AnnotationError as exc:
        assert "TOP-SECRET" not in str(exc)
    else:
        assert "TOP-SECRET" not in annotation.filename


def test_xinclude_is_not_processed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "xi.xml"
    path.write_text('<annotation xmlns:xi="http://www.w3.org/2001/XInclude"><filename>'
                    f'<xi:include href="file://{secret}" parse="text"/></filename></annotation>')
    annotation = read_voc(path)
    assert "TOP-SECRET" not in repr(annotation)


def test_deep_nesting_is_refused_fast(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text("<annotation>" + "<a>" * 100_000 + "</a>" * 100_000 + "</annotation>")
    assert "depth" in _refused(path).lower()


def test_too_many_objects_are_refused_fast(tmp_path):
    from petloc_gui.core.voc import MAX_OBJECTS

    obj = ("<object><name>c</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax>"
           "<ymax>2</ymax></bndbox></object>")
    path = tmp_path / "many.xml"
    path.write_text("<annotation>" + obj * (MAX_OBJECTS + 1) + "</annotation>")
    assert "objects" in _refused(path)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_named_xml_does_not_block(tmp_path):
    import os

    path = tmp_path / "pipe.xml"
    os.mkfifo(path)
    start = time.perf_counter()
    with pytest.raises(AnnotationError, match="not a regular file"):
        read_voc(path)
    assert time.perf_counter() - start < 2.0


def test_folder_named_xml(tmp_path):
    path = tmp_path / "a.xml"
    path.mkdir()
    with pytest.raises(AnnotationError) as info:
        read_voc(path)
    assert info.value.path == path


def test_size_lookup_ignores_hostile_paths(tmp_path, monkeypatch):
    # <path> and directory parts of <filename> are never touched (UNC paths on
    # Windows would leak credentials); only the base name, next to the file.
    import petloc_gui.core.voc as voc

    touched = []
    real = voc._image_size
    monkeypatch.setattr(voc, "_image_size", lambda p: touched.append(p) or real(p))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    Image.new("RGB", (7, 5)).save(elsewhere / "pic.png")
    folder = tmp_path / "ann"
    folder.mkdir()
    path = folder / "a.xml"
    path.write_text(f"<annotation><filename>{elsewhere / 'pic.png'}</filename>"
                    f"<path>{elsewhere / 'pic.png'}</path></annotation>")
    annotation = read_voc(path)
    assert touched == [] and annotation.size == (0, 0)
    Image.new("RGB", (9, 3)).save(folder / "pic.png")
    assert read_voc(path).size == (9, 3) and touched == [folder / "pic.png"]


def test_too_many_objects_with_attributes_are_refused_after_parsing(tmp_path):
    from petloc_gui.core.voc import MAX_OBJECTS

    obj = ('<object id="1"><name>c</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax>'
           "<ymax>2</ymax></bndbox></object>")
    path = tmp_path / "many_attr.xml"
    path.write_text("<annotation>" + obj * (MAX_OBJECTS + 1) + "</annotation>")
    assert f"{MAX_OBJECTS + 1} objects" in _refused(path)
