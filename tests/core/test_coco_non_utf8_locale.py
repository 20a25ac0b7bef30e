"""COCO under a locale whose encoding is not UTF-8 (Latin-1, ASCII with UTF-8 mode off).

Python then holds a file name as its bytes decoded with that encoding: the
UTF-8 bytes of ``חתול🐱.jpg`` read as ``×\\x97×ª…ð\\x9f\\x90±.jpg`` under Latin-1.
The tests make `core.file_name_text` encode and decode as such a locale
would, and name the file on disk by the text that locale's Python would see.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from petloc_gui.core import file_name_text
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import ConversionReport, export_coco, read_coco
from petloc_gui.core.interop.coco import _check_nameable
from tests.cli.helpers import voc_xml, write_image

NAME = "חתול🐱.jpg"


def _as_locale(monkeypatch, encoding: str) -> None:
    """Make file names cross as under a locale of ``encoding`` (Python's surrogateescape included)."""
    monkeypatch.setattr(file_name_text, "fsencode", lambda name: name.encode(encoding, "surrogateescape"))
    monkeypatch.setattr(file_name_text, "fsdecode", lambda data: data.decode(encoding, "surrogateescape"))


def _seen_under(encoding: str, name: str) -> str:
    """``name`` as Python holds it under a locale of ``encoding``."""
    return name.encode("utf-8").decode(encoding, "surrogateescape")


def _latin1_dataset(tmp_path):
    root = tmp_path / "pets"
    root.mkdir()
    image = write_image(root / _seen_under("latin-1", NAME), 40, 30)
    (root / image.with_suffix(".xml").name).write_text(
        voc_xml(NAME, 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    return root


def test_a_coco_export_under_latin1_names_the_image_by_its_utf8_text(tmp_path, monkeypatch):
    _as_locale(monkeypatch, "latin-1")
    report = export_coco(open_dataset(_latin1_dataset(tmp_path)), tmp_path / "coco")
    assert (report.images, report.problems) == (1, [])
    document = json.loads((tmp_path / "coco" / "annotations.json").read_text(encoding="utf-8"))
    assert [image["file_name"] for image in document["images"]] == [NAME]


def test_a_coco_file_read_under_latin1_finds_its_utf8_named_image(tmp_path, monkeypatch):
    _as_locale(monkeypatch, "latin-1")
    export_coco(open_dataset(_latin1_dataset(tmp_path)), tmp_path / "coco")
    report = ConversionReport()
    records = read_coco(tmp_path / "coco", report)
    assert report.problems == []
    assert [(record.image_path.name, len(record.objects)) for record in records] == [
        (_seen_under("latin-1", NAME), 1)]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_utf8_file_name_is_not_refused_under_a_locale_that_is_not_utf8(monkeypatch, encoding):
    _as_locale(monkeypatch, encoding)
    _check_nameable(SimpleNamespace(relative=_seen_under(encoding, NAME), image_path=NAME))


def test_a_file_name_that_is_not_utf8_is_refused_under_latin1(monkeypatch):
    _as_locale(monkeypatch, "latin-1")
    with pytest.raises(SaveError, match="not valid UTF-8"):
        _check_nameable(SimpleNamespace(relative=b"caf\xe9.png".decode("latin-1"), image_path="caf.png"))
