"""Hostile XML: no file contents leak, nothing hangs, nothing is modified."""

from __future__ import annotations

import time

import pytest

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
    import petloc_gui.core.voc as voc

    monkeypatch.setattr(voc, "MAX_XML_BYTES", 1000)
    path = tmp_path / "huge.xml"
    path.write_text("<annotation>" + " " * 2000 + "</annotation>")
    assert "larger than" in _refused(path)
