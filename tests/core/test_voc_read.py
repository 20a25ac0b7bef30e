"""Tolerant VOC reading: what real tools write, and documented repairs."""

from __future__ import annotations

import pytest
from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.voc import read_voc


def _write(tmp_path, text, name="a.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_any_order_floats_empty_flags_several_objects(tmp_path):
    path = _write(tmp_path, """<annotation verified="yes">
      <object><bndbox><ymax>60.5</ymax><xmin>10</xmin><xmax>48.7</xmax><ymin>20.25</ymin></bndbox>
        <difficult></difficult><name> cat </name></object>
      <size><depth>3</depth><height>100</height><width>200</width></size>
      <filename>x.jpg</filename>
      <object><name>dog</name><truncated>1</truncated><difficult>1</difficult><occluded/>
        <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object>
    </annotation>""")
    annotation = read_voc(path)
    assert annotation.verified is True
    assert (annotation.filename, annotation.width, annotation.height) == ("x.jpg", 200, 100)
    first, second = annotation.objects
    assert first.name == "cat" and first.box == Box(10, 20.25, 48.7, 60.5)
    assert (first.difficult, first.truncated, first.occluded) == (False, False, None)
    assert second.name == "dog" and second.truncated and second.difficult
    assert second.occluded is False
    assert annotation.problems == []


def test_unverified_and_labelimg_path(tmp_path):
    path = _write(tmp_path, "<annotation><folder>f</folder><filename>ñandú_猫.jpg</filename>"
                            "<path>/data/ñandú_猫.jpg</path><size><width>5</width>"
                            "<height>5</height></size></annotation>", "ñandú_猫.xml")
    annotation = read_voc(path)
    assert annotation.verified is False and annotation.objects == []
    assert annotation.filename == "ñandú_猫.jpg" and annotation.path == "/data/ñandú_猫.jpg"


@pytest.mark.parametrize("size_xml", ["", "<size><width>0</width><height>0</height></size>"])
def test_missing_size_taken_from_image_next_to_it(tmp_path, size_xml):
    Image.new("RGB", (64, 48)).save(tmp_path / "pic.png")
    path = _write(tmp_path, f"<annotation><filename>pic.png</filename>{size_xml}<object>"
                            "<name>a</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>70</xmax>"
                            "<ymax>9</ymax></bndbox></object></annotation>")
    annotation = read_voc(path)
    assert annotation.size == (64, 48)
    assert any("size missing" in p for p in annotation.problems)
    # The size is then used to clamp: xmax 70 > 64.
    assert annotation.objects[0].box == Box(1, 1, 64, 9)
    assert any("outside" in p for p in annotation.problems)


def test_missing_size_given_explicitly_or_unknown(tmp_path):
    path = _write(tmp_path, "<annotation><filename>absent.jpg</filename></annotation>")
    given = read_voc(path, image_size=(30, 20))
    assert given.size == (30, 20) and any("size missing" in p for p in given.problems)
    unknown = read_voc(path)
    assert unknown.size == (0, 0) and any("not found" in p for p in unknown.problems)


def test_size_mismatch_with_real_image_is_reported(tmp_path):
    path = _write(tmp_path, "<annotation><filename>x.jpg</filename><size><width>600</width>"
                            "<height>400</height></size></annotation>")
    annotation = read_voc(path, image_size=(400, 600))
    assert annotation.size == (400, 600)
    assert any("differs from the image" in p for p in annotation.problems)


def test_inverted_box_is_swapped_and_reported(tmp_path):
    path = _write(tmp_path, "<annotation><size><width>100</width><height>100</height></size>"
                            "<object><name>cat</name><bndbox><xmin>80</xmin><ymin>10</ymin>"
                            "<xmax>20</xmax><ymax>50</ymax></bndbox></object></annotation>")
    annotation = read_voc(path)
    assert annotation.objects[0].box == Box(20, 10, 80, 50)
    assert len(annotation.problems) == 1 and "inverted" in annotation.problems[0]


def test_out_of_image_box_is_clamped_and_reported(tmp_path):
    path = _write(tmp_path, "<annotation><size><width>100</width><height>50</height></size>"
                            "<object><name>cat</name><bndbox><xmin>-4</xmin><ymin>10</ymin>"
                            "<xmax>120</xmax><ymax>50</ymax></bndbox></object></annotation>")
    annotation = read_voc(path)
    assert annotation.objects[0].box == Box(0, 10, 100, 50)
    assert len(annotation.problems) == 1 and "outside" in annotation.problems[0]


def test_missing_name_is_reported(tmp_path):
    path = _write(tmp_path, "<annotation><size><width>9</width><height>9</height></size><object>"
                            "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>3</xmax><ymax>3</ymax>"
                            "</bndbox></object></annotation>")
    annotation = read_voc(path)
    assert annotation.objects[0].name == "" and any("no <name>" in p for p in annotation.problems)


@pytest.mark.parametrize(("text", "fragment"), [
    ("<annotation><object><name>a</name><bndbox><xmin>1", "not well-formed"),
    ("<notvoc><object/></notvoc>", "expected <annotation>"),
    ("<annotation><object><name>a</name><bndbox><xmin>one</xmin><ymin>1</ymin><xmax>3</xmax>"
     "<ymax>3</ymax></bndbox></object></annotation>", "not a number"),
    ("<annotation><object><name>a</name><bndbox><xmin>nan</xmin><ymin>1</ymin><xmax>3</xmax>"
     "<ymax>3</ymax></bndbox></object></annotation>", "not finite"),
    ("<annotation><object><name>a</name><bndbox><xmin>1</xmin></bndbox></object></annotation>",
     "no <ymin>"),
    ("", "empty"),
])
def test_malformed_files_raise_annotation_error_naming_the_file(tmp_path, text, fragment):
    path = _write(tmp_path, text, "bad file.xml")
    before = path.read_bytes()
    with pytest.raises(AnnotationError) as info:
        read_voc(path)
    assert fragment in str(info.value) and "bad file.xml" in str(info.value)
    assert info.value.path == path
    assert path.read_bytes() == before


def test_missing_file(tmp_path):
    with pytest.raises(AnnotationError, match="does not exist"):
        read_voc(tmp_path / "none.xml")


def test_image_path_gives_the_real_size(tmp_path):
    Image.new("RGB", (40, 30)).save(tmp_path / "real.png")
    path = _write(tmp_path, "<annotation><filename>real.png</filename><size><width>30</width>"
                            "<height>40</height></size><object><name>a</name><bndbox><xmin>1"
                            "</xmin><ymin>1</ymin><xmax>20</xmax><ymax>35</ymax></bndbox>"
                            "</object></annotation>")
    assert read_voc(path).size == (30, 40)  # without the image: the file is believed
    annotation = read_voc(path, image_path=tmp_path / "real.png")
    assert annotation.size == (40, 30)
    problems = " | ".join(annotation.problems)
    assert "differs from the image" in problems and "EXIF rotation" in problems
    assert "outside" in problems and annotation.objects[0].box == Box(1, 1, 20, 30)


def test_unreadable_image_path_falls_back_to_the_file(tmp_path):
    (tmp_path / "broken.jpg").write_bytes(b"not an image")
    path = _write(tmp_path, "<annotation><size><width>30</width><height>20</height></size>"
                            "</annotation>")
    annotation = read_voc(path, image_path=tmp_path / "broken.jpg")
    assert annotation.size == (30, 20) and annotation.problems == []


def _one_object(tmp_path, box, flags="", size="<size><width>100</width><height>80</height></size>", name="a.xml"):
    xmin, ymin, xmax, ymax = box
    return read_voc(_write(tmp_path, f"""<annotation><filename>x.jpg</filename>{size}
      <object><name>cat</name>{flags}<bndbox><xmin>{xmin}</xmin><ymin>{ymin}</ymin><xmax>{xmax}</xmax>
      <ymax>{ymax}</ymax></bndbox></object></annotation>""", name), find_image=False)


@pytest.mark.parametrize(("text", "value"), [("true", True), ("Yes", True), ("y", True), ("1", True), ("2.0", True),
                                             ("0", False), ("no", False), ("false", False), ("", False)])
def test_flag_words(tmp_path, text, value):
    annotation = _one_object(tmp_path, (1, 2, 30, 40), f"<difficult>{text}</difficult>")
    assert annotation.objects[0].difficult is value


def test_inverted_in_y_only_is_repaired_and_said(tmp_path):
    annotation = _one_object(tmp_path, (10, 50, 30, 20))
    assert annotation.objects[0].box == Box(10, 20, 30, 50)
    assert any("inverted" in note for note in annotation.problems)


def test_zero_area_box_is_said(tmp_path):
    annotation = _one_object(tmp_path, (10, 20, 10, 40))
    assert annotation.objects[0].box == Box(10, 20, 10, 40)
    assert any("zero area" in note for note in annotation.problems)


def test_a_box_is_clamped_only_to_a_known_size(tmp_path):
    clamped = _one_object(tmp_path, (10, 20, 130, 40))
    assert clamped.objects[0].box == Box(10, 20, 100, 40)
    for size in ("<size><width>0</width><height>80</height></size>",
                 "<size><width>100</width><height>0</height></size>"):
        kept = _one_object(tmp_path, (10, 20, 130, 90), size=size, name="b.xml")
        assert kept.objects[0].box == Box(10, 20, 130, 90)  # no size to clamp to: nothing invented
        assert not any("outside" in note for note in kept.problems)
        assert any("size missing" in note for note in kept.problems)
