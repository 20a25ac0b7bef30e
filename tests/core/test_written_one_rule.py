"""`written.run_placed` is the one rule for which placed images are the run's: `Written.placing` (YOLO and COCO
exports), the conversion to VOC and `files.unplace_image` all follow it, so none can take back an image that
another keeps, or keep one that another takes back."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop import ImageRecord, LabelledBox, write_voc_records
from petloc_gui.core.interop import written as written_module
from petloc_gui.core.interop.files import unplace_image
from petloc_gui.core.interop.written import Written
from tests.cli.helpers import write_image


def _record(image) -> ImageRecord:
    return ImageRecord(image, image.name, 40, 30, annotated=True, objects=[LabelledBox("cat", Box(1, 1, 20, 20))])


def test_the_conversion_to_voc_and_unplace_follow_the_one_rule(tmp_path, monkeypatch):
    # The rule narrowed to "copied": a linked image is then no longer the run's, for every one of them alike.
    monkeypatch.setattr(written_module, "RUN_PLACINGS", ("copied",))
    image = write_image(tmp_path / "t.png", 40, 30)
    written = Written()
    write_voc_records([_record(image)], tmp_path / "out", written=written)
    assert (tmp_path / "out" / "t.png").samefile(image)  # hard-linked
    assert written.files == [tmp_path / "out" / "t.xml"]
    unplace_image(tmp_path / "out" / "t.png", "linked")
    assert (tmp_path / "out" / "t.png").is_file()
    unplace_image(tmp_path / "out" / "t.png", "copied")
    assert not (tmp_path / "out" / "t.png").exists()
