"""The window's retrain and its comparison read a folder's boxes as `petloc train` does, each on its
image's own size: they read the annotations without their images, and `core.voc` looked for the image of
``Annotations/day/x.xml`` one level up only, so an XML with no ``<size>`` and a box in fractions trained
on ``(0.25, 0.25, 0.75, 0.75)`` (under a pixel) in the window and ``(75, 50, 225, 150)`` in `petloc train`;
an XML whose ``<size>`` is not its image's had its box clamped to the file's size there (h12 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.voc import read_voc
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_image

W, H = 300, 200
FRACTIONS = "<object><name>cat</name><bndbox><xmin>0.25</xmin><ymin>0.25</ymin><xmax>0.75</xmax><ymax>0.75</ymax>" \
            "</bndbox></object>"
PIXELS = "<object><name>dog</name><bndbox><xmin>150</xmin><ymin>100</ymin><xmax>250</xmax><ymax>180</ymax>" \
         "</bndbox></object>"
IN_PIXELS = (75.0, 50.0, 225.0, 150.0)


def _folder(root: Path, images: str) -> Path:
    """``day/a``: no <size>, a box in fractions; ``day/b``: a <size> of 100x100 on a 300x200 image, its box
    outside that size; ``c``: at the top, as written."""
    for relative, xml in (("day/a", f"<annotation><filename>a.jpg</filename>{FRACTIONS}</annotation>"),
                          ("day/b", "<annotation><filename>b.jpg</filename><size><width>100</width><height>100"
                                    f"</height><depth>3</depth></size>{PIXELS}</annotation>"),
                          ("c", f"<annotation><filename>c.jpg</filename><size><width>{W}</width><height>{H}"
                                f"</height><depth>3</depth></size>{PIXELS}</annotation>")):
        for folder in (root / images / relative).parent, (root / "Annotations" / relative).parent:
            folder.mkdir(parents=True, exist_ok=True)
        write_image(root / images / f"{relative}.jpg", W, H)
        (root / "Annotations" / f"{relative}.xml").write_text(xml, encoding="utf-8")
    return root


def _boxes(samples) -> dict[str, tuple]:
    return {sample.relpath: sample.box for sample in samples}


@pytest.mark.parametrize("images", ["JPEGImages", "images"])  # a VOC devkit, Label Studio's export
def test_a_missing_size_is_taken_from_the_image_in_the_matching_subfolder(tmp_path, images):
    root = _folder(tmp_path / "export", images)
    annotation = read_voc(root / "Annotations" / "day" / "a.xml")
    assert annotation.objects[0].box.as_tuple() == IN_PIXELS
    assert f"image size missing from the file; taken from a.jpg: {W}x{H}" in annotation.problems
    without_images = _boxes(collect_samples(root, image_sizes=False)[0])  # the written sizes read
    assert without_images[f"{images}/day/a.jpg"] == IN_PIXELS == _boxes(collect_samples(root, image_sizes=True)[0])[
        f"{images}/day/a.jpg"]


def test_the_retrain_reads_the_boxes_petloc_train_reads(tmp_path, monkeypatch):
    from petloc_gui.cli.train_checks import read_folder
    from petloc_gui.model import training
    from petloc_gui.model.training_data import TrainingData

    root = _folder(tmp_path / "voc", "JPEGImages")
    read: list = []

    class ReadError(Exception):
        pass

    def from_folder(folder, *args, **kwargs):  # what the run trains on, before any TensorFlow work on it
        read.append(folder)
        raise ReadError

    monkeypatch.setattr(TrainingData, "from_folder", from_folder)
    with pytest.raises(ReadError):
        training.train_run(root, training.TrainConfig(preset="digits", epochs=1))  # as the window's worker calls it
    cli_read, _ = read_folder(root, "default", [])
    assert _boxes(read[0].samples) == _boxes(cli_read.samples) == {
        "JPEGImages/c.jpg": (150.0, 100.0, 250.0, 180.0), "JPEGImages/day/a.jpg": IN_PIXELS,
        "JPEGImages/day/b.jpg": (150.0, 100.0, 250.0, 180.0)}


def test_the_comparison_scores_the_boxes_petloc_train_reads(tmp_path, monkeypatch):
    import json

    from petloc_gui.model import comparison

    root = _folder(tmp_path / "voc", "JPEGImages")
    bundle = tmp_path / "new"
    bundle.mkdir()
    (bundle / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"]}), encoding="utf-8")
    scored: dict[str, tuple] = {}

    def score(spec, chosen, subset=None, renamed=None):
        scored.update({sample.relpath: sample.box for sample in chosen})
        return {"n_images": len(chosen), "accuracy": 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5}

    monkeypatch.setattr(comparison, "score_model", score)
    relpaths = ["JPEGImages/c.jpg", "JPEGImages/day/a.jpg", "JPEGImages/day/b.jpg"]
    comparison.compare_models(root, "default", bundle, relpaths, old_model=None, fine_tuned=False)
    assert scored == _boxes(collect_samples(root, image_sizes=True)[0])  # `petloc train`'s read
    assert scored["JPEGImages/day/b.jpg"] == (150.0, 100.0, 250.0, 180.0)
