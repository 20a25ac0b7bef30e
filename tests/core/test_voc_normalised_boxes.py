"""A VOC file whose box is in fractions of the image (0-1, as a script converting YOLO writes it) where VOC
wants pixels: read as fractions and said, where every other repair of a box is said (`core.voc`), so
`petloc stats` lists it, the window shows it, training and evaluation use the box the file meant."""

from __future__ import annotations

from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import NORMALISED_BOX, compute_stats
from petloc_gui.core.voc import read_voc, write_voc

XML = """<annotation><filename>{name}</filename>
  <size><width>{width}</width><height>{height}</height><depth>3</depth></size>
  <object><name>cat</name><bndbox>{box}</bndbox></object>
</annotation>"""


def _pair(folder, name, width, height, coordinates):
    Image.new("RGB", (width, height), (90, 40, 20)).save(folder / f"{name}.png")
    tags = ("xmin", "ymin", "xmax", "ymax")
    box = "".join(f"<{tag}>{value}</{tag}>" for tag, value in zip(tags, coordinates, strict=True))
    xml = folder / f"{name}.xml"
    xml.write_text(XML.format(name=f"{name}.png", width=width, height=height, box=box), encoding="utf-8")
    return xml


def test_a_box_in_fractions_is_read_as_fractions_of_the_image_and_said(tmp_path):
    xml = _pair(tmp_path, "a", 300, 297, (0.2, 0.3, 0.6, 0.7))
    annotation = read_voc(xml, image_path=tmp_path / "a.png")
    box = annotation.objects[0].box
    assert [round(v, 6) for v in box.as_tuple()] == [60.0, 89.1, 180.0, 207.9]
    assert annotation.problems == [
        "object 1 (cat): coordinates (0.2, 0.3, 0.6, 0.7) look normalised (all within 0-1, under one pixel) on "
        "the 300x297 image, while VOC wants pixels: read as fractions of it, (60.0, 89.1, 180.0, 207.9); "
        "check the box (a save writes it in pixels)"]


def test_stats_lists_it_and_measures_the_box_in_pixels(tmp_path):
    _pair(tmp_path, "a", 300, 297, (0.2, 0.3, 0.6, 0.7))
    _pair(tmp_path, "b", 300, 297, (30, 40, 200, 250))
    stats = compute_stats(open_dataset(tmp_path))
    assert [(p.kind, p.path.endswith("a.xml")) for p in stats.problems] == [(NORMALISED_BOX, True)]
    assert stats.problem_counts == {"normalised_box": 1}
    assert min(stats.values["box_width"]) == 120.0  # not 0.4 px


def test_a_save_writes_the_box_in_pixels(tmp_path):
    xml = _pair(tmp_path, "a", 300, 297, (0.2, 0.3, 0.6, 0.7))
    write_voc(read_voc(xml, image_path=tmp_path / "a.png"), xml)
    again = read_voc(xml, image_path=tmp_path / "a.png")
    assert again.objects[0].box == Box(60, 89, 180, 208)
    assert again.problems == []


def test_pixel_boxes_are_read_as_written(tmp_path):
    # a real one-pixel box on a tiny image; a zero-area box at the corner (a placeholder some tools write);
    # a box of a pixel and more
    tiny = _pair(tmp_path, "tiny", 8, 8, (0, 0, 1, 1))
    assert read_voc(tiny).objects[0].box == Box(0, 0, 1, 1)
    assert read_voc(tiny).problems == []
    empty = _pair(tmp_path, "empty", 300, 297, (0, 0, 0, 0))
    assert read_voc(empty).objects[0].box == Box(0, 0, 0, 0)
    assert [problem.split(": ", 1)[1] for problem in read_voc(empty).problems] == [
        "box (0.0, 0.0, 0.0, 0.0) has zero area"]
    small = _pair(tmp_path, "small", 300, 297, (0.5, 0.5, 1.5, 1))
    assert read_voc(small).objects[0].box == Box(0.5, 0.5, 1.5, 1)
    assert read_voc(small).problems == []


def test_training_and_evaluation_use_the_box_the_file_meant(tmp_path):
    from petloc_gui.cli.cmd_evaluate import collect_ground_truth
    from petloc_gui.model.data import collect_samples

    _pair(tmp_path, "a", 300, 297, (0.2, 0.3, 0.6, 0.7))
    samples, skipped, _root = collect_samples(tmp_path)
    assert skipped == []
    assert [round(v, 6) for v in samples[0].box] == [60.0, 89.1, 180.0, 207.9]
    cases, skipped = collect_ground_truth(open_dataset(tmp_path).items)
    assert skipped == []
    assert [round(v, 6) for v in cases[0][1][0][1].as_tuple()] == [60.0, 89.1, 180.0, 207.9]
