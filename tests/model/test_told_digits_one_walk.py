"""`canvas_digits` (training, the Retrain preview) and `seen_canvases` (the dialog's and `petloc evaluate`'s
count) walk a folder's canvases by one generator, `told_digits`: each image's digit, None, or why its record
cannot tell, in the order given, each record read once. Before, `seen_canvases` had its own copy of the walk."""

from __future__ import annotations

import hashlib

from PIL import Image

from petloc_gui.core import digits_record
from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME, DigitsRecordError, record_digits
from petloc_gui.model.canvas_digits import canvas_digits, told_digits
from petloc_gui.model.current_model_digits import LEARNED, SeenDigits, seen_canvases


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(tmp_path):
    """A canvas its record names, one under a canvas's name it does not know, and a photo."""
    canvas, replaced, photo = (tmp_path / name for name in ("train_00000_digit5.png", "train_00001_digit3.png",
                                                             "photo.png"))
    Image.new("L", (8, 8)).save(canvas)
    record_digits(tmp_path, {canvas.name: ("train", 7, canvas.read_bytes())})
    Image.new("L", (8, 8), 255).save(replaced)
    Image.new("L", (8, 8), 128).save(photo)
    return canvas, replaced, photo


def test_each_image_is_told_in_order_by_its_key_and_the_record_read_once(tmp_path, monkeypatch):
    canvas, replaced, photo = _folder(tmp_path)
    reads = []
    read = digits_record._record_images
    monkeypatch.setattr(digits_record, "_record_images", lambda path: reads.append(path) or read(path))
    told = list(told_digits((image.name, image, _sha256) for image in (photo, canvas, replaced)))
    assert [key for key, _ in told] == [photo.name, canvas.name, replaced.name]
    assert told[0][1] is None and told[1][1] == ("train", 7)
    assert isinstance(told[2][1], DigitsRecordError)
    assert (told[2][1].path, told[2][1].reason) == (tmp_path / RECORD_NAME, NOT_RECORDED)
    assert reads == [tmp_path / RECORD_NAME]


def test_both_walks_tell_one_folder_alike(tmp_path):
    canvas, replaced, photo = _folder(tmp_path)
    images = [photo, canvas, replaced]
    found = canvas_digits((image.name, image, _sha256(image)) for image in images)
    seen = seen_canvases(images, SeenDigits({"train": None}, {}), {})
    assert found.digits == {canvas.name: ("train", 7)} and seen.seen == {canvas: (LEARNED, "train")}
    assert found.untold == {replaced.name: (RECORD_NAME, NOT_RECORDED)}
    assert seen.untold == [(tmp_path / RECORD_NAME, NOT_RECORDED)]
