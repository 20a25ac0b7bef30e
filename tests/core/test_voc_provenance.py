"""Where a box came from, kept in its VOC file (ADR 0013): a model's box accepted unchanged stays marked
as that model's, a box a person moved is theirs, and the file stays what labelImg reads.

Before, a pre-label saved (or marked verified) became plain ground truth: nothing recorded that its
boxes were a model's, and `petloc evaluate` scored the model against its own boxes as if a person
had drawn them.
"""

from __future__ import annotations

import dataclasses

from lxml import etree

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc
from petloc_gui.core.voc_provenance import as_named_now, model_of_prelabel, model_phrase, name_of, version_of

MARK = "petloc pre-label by petloc predict, model pets (pets-20261203T011551Z-c71d1a)"
PETS = "model pets (pets-20261203T011551Z-c71d1a)"


def _prelabel(path):
    """A pre-label as `petloc predict --write-voc` writes it: one box, the file marked as the model's."""
    annotation = new_annotation(path.with_suffix(".png"), 100, 80)
    annotation.objects.append(VocObject(name="cat", box=Box(10, 10, 50, 60)))
    annotation.prelabel = MARK
    write_voc(annotation, path)
    return path


def _saved_by_a_person(path, change=None):
    """What the window's save does: the file mark goes (a person saved it), the objects as edited."""
    annotation = read_voc(path)
    objects = [change(o) if change else o for o in annotation.objects]
    write_voc(dataclasses.replace(annotation, objects=objects, prelabel=None, verified=True), path)
    return read_voc(path)


def _labelimg_read(path):
    """labelImg's reader (pascal_voc_io.PascalVocReader): name and bndbox of each object, nothing else."""
    root = etree.parse(str(path)).getroot()
    return [(o.find("name").text, tuple(int(float(o.find("bndbox").find(t).text))
                                        for t in ("xmin", "ymin", "xmax", "ymax")))
            for o in root.findall("object")]


def test_a_prelabel_saved_unchanged_keeps_its_model_and_labelimg_still_reads_it(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    before = read_voc(xml)
    assert before.unreviewed and before.objects[0].accepted_from == PETS  # the file's model, read per box
    assert b"petloc_box_source" not in xml.read_bytes()  # an unreviewed pre-label: its file mark says it all

    after = _saved_by_a_person(xml)

    assert not after.unreviewed and after.prelabel is None
    assert after.objects[0].accepted_from == PETS
    text = xml.read_text()
    assert "<value>accepted unchanged from model pets (pets-20261203T011551Z-c71d1a)</value>" in text
    assert "<value>10 10 50 60</value>" in text
    assert _labelimg_read(xml) == [("cat", (10, 10, 50, 60))]


def test_an_unreviewed_prelabel_written_again_is_left_as_it_was(tmp_path):
    """Its file mark says every box is the model's: rewritten while still unreviewed, no object gets one."""
    xml = _prelabel(tmp_path / "a.xml")
    before = xml.read_bytes()
    annotation = read_voc(xml)
    write_voc(annotation, xml)
    assert xml.read_bytes() == before


def test_a_box_moved_before_the_save_is_the_persons(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    after = _saved_by_a_person(xml, lambda o: dataclasses.replace(o, box=Box(14, 10, 50, 60)))
    assert after.objects[0].accepted_from is None
    assert b"petloc_box_source" not in xml.read_bytes()


def test_a_move_within_rounding_keeps_the_mark_and_a_relabel_keeps_it_too(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    after = _saved_by_a_person(xml, lambda o: dataclasses.replace(o, box=Box(10.3, 9.8, 50, 60), name="dog"))
    assert after.objects[0].name == "dog" and after.objects[0].accepted_from == PETS  # the box is still the model's


def test_an_accepted_box_moved_later_loses_the_mark_on_the_next_save(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    accepted = _saved_by_a_person(xml)
    accepted.objects[0] = dataclasses.replace(accepted.objects[0], box=Box(10, 10, 40, 60))
    write_voc(accepted, xml)
    assert read_voc(xml).objects[0].accepted_from is None
    assert b"petloc_model_box" not in xml.read_bytes() and b"<attributes" not in xml.read_bytes()


def test_a_box_another_program_changed_is_no_longer_the_models(tmp_path):
    """A text editor (or a tool keeping unknown elements) moved the box: the mark no longer fits it."""
    xml = _prelabel(tmp_path / "a.xml")
    _saved_by_a_person(xml)
    xml.write_text(xml.read_text().replace("<xmin>10</xmin>", "<xmin>20</xmin>"))
    annotation = read_voc(xml)
    assert annotation.objects[0].accepted_from is None
    write_voc(annotation, xml)  # the void mark goes with the next save
    assert b"petloc_box_source" not in xml.read_bytes()


def test_other_attributes_of_the_object_are_kept(tmp_path):
    """CVAT's attributes live in the same <attributes>: only petloc's own are touched."""
    xml = _prelabel(tmp_path / "a.xml")
    _saved_by_a_person(xml)
    xml.write_text(xml.read_text().replace(
        "<attributes>", "<attributes><attribute><name>occluded</name><value>false</value></attribute>"))
    annotation = read_voc(xml)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], box=Box(0, 0, 30, 30))
    write_voc(annotation, xml)
    root = etree.parse(str(xml)).getroot()
    names = [a.findtext("name") for a in root.iter("attribute")]
    assert names == ["occluded"]


def test_a_person_drawn_box_has_no_mark_and_an_accepted_one_written_new_has_one(tmp_path):
    annotation = new_annotation(tmp_path / "b.png", 100, 80)
    drawn = VocObject(name="cat", box=Box(1, 2, 30, 40))
    accepted = VocObject(name="dog", box=Box(40, 10, 90, 70), proposed_by=model_phrase("digits"),
                         proposed_box=Box(40, 10, 90, 70))
    annotation.objects += [drawn, accepted]
    write_voc(annotation, tmp_path / "b.xml")
    objects = read_voc(tmp_path / "b.xml").objects
    assert [o.accepted_from for o in objects] == [None, "model digits"]
    assert _labelimg_read(tmp_path / "b.xml") == [("cat", (1, 2, 30, 40)), ("dog", (40, 10, 90, 70))]


def test_model_phrases():
    assert model_phrase("pets", "pets-1") == "model pets (pets-1)"
    # the window's name of a stored version, "<preset> <id>": named by its folder, as petloc predict names it
    assert model_phrase("pets pets-1", "pets-1") == model_phrase("pets-1", "pets-1") == "model pets-1"
    assert model_phrase("pets pets-1", "pets-2") == "model pets pets-1 (pets-2)"  # (another version: kept)
    # marks on disk: the window's old form of a stored version is that version; every other mark is as written
    assert as_named_now("model pets pets-1 (pets-1)") == "model pets-1"
    for mark in ("model pets-1", "model pets (pets-1)", "model mine (digits-1)", "model digits", "an unnamed model"):
        assert as_named_now(mark) == mark
    assert model_phrase(None) == model_phrase("") == "an unnamed model"
    assert model_of_prelabel(MARK) == PETS
    assert model_of_prelabel("petloc pre-label imported by petloc convert from a model's predictions") == \
        "an unnamed model"
    assert version_of(PETS) == "pets-20261203T011551Z-c71d1a" and name_of(PETS) == "pets"
    assert version_of("model digits") is None and name_of("model digits") == "digits"


def _attributes(path):
    """The object's attributes, by name (CVAT's form)."""
    return {a.findtext("name"): a.findtext("value") for a in etree.parse(str(path)).getroot().iter("attribute")}


def _accepted(tmp_path, label="cat", proposed="cat"):
    """An image whose box was accepted from the model with the label ``proposed``, now labelled ``label``."""
    annotation = new_annotation(tmp_path / "c.png", 100, 80)
    annotation.objects.append(VocObject(name=label, box=Box(40, 10, 90, 70), proposed_by=PETS,
                                        proposed_box=Box(40, 10, 90, 70), proposed_label=proposed))
    write_voc(annotation, tmp_path / "c.xml")
    return tmp_path / "c.xml"


def test_the_mark_records_the_label_the_model_proposed_and_labelimg_still_reads_the_file(tmp_path):
    xml = _accepted(tmp_path)
    assert _attributes(xml) == {"petloc_box_source": "accepted unchanged from " + PETS,
                                "petloc_model_box": "40 10 90 70", "petloc_model_label": "cat"}
    assert _labelimg_read(xml) == [("cat", (40, 10, 90, 70))]
    obj = read_voc(xml).objects[0]
    assert obj.model_label == "cat" and obj.label_accepted_from == obj.accepted_from == PETS


def test_a_relabelled_box_is_still_the_models_box_but_its_label_is_a_persons(tmp_path):
    # review 1's finding 2: the mark did not say which label the model proposed, so a corrected class
    # counted as the model's own in accuracy
    xml = _accepted(tmp_path)
    annotation = read_voc(xml)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], name="dog")  # as the window relabels
    write_voc(annotation, xml)
    obj = read_voc(xml).objects[0]
    assert obj.name == "dog" and obj.accepted_from == PETS  # IoU: still the model's box
    assert obj.model_label == "cat" and obj.label_accepted_from is None  # accuracy: a person's label
    assert _attributes(xml)["petloc_model_label"] == "cat"  # the proposal is kept across saves
    # relabelled back: the model's label again
    annotation = read_voc(xml)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], name="cat")
    write_voc(annotation, xml)
    assert read_voc(xml).objects[0].label_accepted_from == PETS


def test_a_mark_written_before_labels_were_recorded_counts_the_label_as_the_models(tmp_path):
    xml = _accepted(tmp_path, label="dog")
    tree = etree.parse(str(xml))
    for attribute in tree.iter("attribute"):
        if attribute.findtext("name") == "petloc_model_label":
            attribute.getparent().remove(attribute)
    tree.write(str(xml))
    obj = read_voc(xml).objects[0]
    assert obj.accepted_from == PETS and obj.model_label is None
    assert obj.label_accepted_from == PETS  # nothing says a person changed it: as the mark said of both before


def test_a_box_moved_loses_the_recorded_label_with_the_rest_of_the_mark(tmp_path):
    xml = _accepted(tmp_path)
    annotation = read_voc(xml)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], box=Box(30, 10, 90, 70))
    write_voc(annotation, xml)
    assert b"petloc_" not in xml.read_bytes() and b"<attributes" not in xml.read_bytes()


def test_a_box_accepted_again_from_another_model_keeps_no_label_of_the_first(tmp_path):
    # the label the first model proposed says nothing of the second's proposal: not known, so not written
    xml = _accepted(tmp_path)
    annotation = read_voc(xml)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], name="dog", proposed_by="model digits",
                                                proposed_label=None)  # the label it proposed not given
    write_voc(annotation, xml)
    obj = read_voc(xml).objects[0]
    assert obj.accepted_from == "model digits" and obj.model_label is None
    assert "petloc_model_label" not in _attributes(xml)
