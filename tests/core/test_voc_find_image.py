"""read_voc(find_image=False) reads the XML only: the GUI's UI thread never opens an image."""

from __future__ import annotations

import numpy as np
from PIL import Image

SIZELESS = """<annotation><filename>a.png</filename>
<object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object>
</annotation>"""


def test_a_size_missing_from_the_file_is_not_looked_up_in_the_image(tmp_path, monkeypatch):
    from petloc_gui.core import voc

    Image.fromarray(np.zeros((50, 60, 3), dtype=np.uint8)).save(tmp_path / "a.png")
    xml = tmp_path / "a.xml"
    xml.write_text(SIZELESS)
    assert (voc.read_voc(xml).width, voc.read_voc(xml).height) == (60, 50)  # found next to it

    def no_image(path):
        raise AssertionError(f"image read: {path}")

    monkeypatch.setattr(voc, "_image_size", no_image)
    annotation = voc.read_voc(xml, find_image=False)
    assert (annotation.width, annotation.height) == (0, 0)
    assert any("image size missing from the file" in p for p in annotation.problems)
    assert annotation.objects[0].name == "cat"
    sized = voc.read_voc(xml, image_size=(60, 50), find_image=False)  # the decoded size is used
    assert (sized.width, sized.height) == (60, 50)
