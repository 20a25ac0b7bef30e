"""app.annotation_store without a window: a document whose image file another program replaced since it
was measured is measured again by the save, which refuses once (the boxes were drawn on another picture),
then writes the new size; a box outside the image is never written."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.app.file_key import file_key
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc


def _image(path, size) -> None:
    Image.fromarray(np.zeros((size[1], size[0], 3), dtype=np.uint8)).save(path)


def _opened(tmp_path):
    image, xml = tmp_path / "b.png", tmp_path / "b.xml"
    _image(image, (120, 90))
    annotation = new_annotation(image, 120, 90)
    annotation.objects.append(VocObject(name="dog", box=Box(10, 10, 40, 40)))
    write_voc(annotation, xml)
    doc = read_document(image, xml, (120, 90))
    doc.image_measured((120, 90), file_key(image))  # decoded for the window
    return doc, image, xml


def test_the_save_measures_a_replaced_image_again_and_then_writes_its_size(tmp_path):
    doc, image, xml = _opened(tmp_path)
    doc.set_box(0, Box(60, 50, 110, 85))
    _image(image, (150, 100))
    with pytest.raises(SaveError, match=r"replaced on disk by another program since its boxes were drawn: it is "
                                        r"150x100 now, not 120x90\. Nothing saved"):
        save_document(doc)
    assert read_voc(xml, find_image=False).width == 120 and doc.dirty and doc.image_change
    save_document(doc)
    saved = read_voc(xml, find_image=False)
    assert (saved.width, saved.height) == (150, 100) and saved.objects[0].box == Box(60, 50, 110, 85)
    assert not doc.dirty and doc.image_change is None and not doc.problems


def test_a_box_outside_the_image_measured_is_not_written(tmp_path):
    doc, image, xml = _opened(tmp_path)
    doc.set_box(0, Box(60, 50, 110, 85))
    _image(image, (100, 90))
    doc.image_measured((100, 90), file_key(image))  # decoded again: another, narrower file
    assert doc.image_change and doc.problems[0] == doc.image_change
    with pytest.raises(SaveError, match=r"box 1 \(dog\) reaches outside the image, which is 100x90"):
        save_document(doc)
    assert read_voc(xml, find_image=False).objects[0].box == Box(10, 10, 40, 40)
