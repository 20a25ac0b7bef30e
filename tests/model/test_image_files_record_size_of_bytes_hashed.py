"""meta.json ``images`` records each image's size with its sha256 (`model.image_files_record.files_record`): the
window's trained-here check reads only the images of a training image's size. The size was stat'ed when meta.json
was written, the hash taken earlier (``known``, minutes before on a big folder) or just after the stat: a photo
rewritten in between was recorded with its new size and its old bytes' hash, and the check never read a byte copy
of the photo trained on. The size recorded is now that of the bytes hashed."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from petloc_gui.core import file_memo
from petloc_gui.model import image_files_record
from petloc_gui.model.image_files_record import files_record, sized_sha256

PHOTO = b"\xff\xd8 the photo as trained on " * 40
EDITED = b"\xff\xd8 the photo edited since, longer " * 60


def _described(entry: dict, data: bytes) -> bool:
    return (entry["sha256"], entry["size"]) == (hashlib.sha256(data).hexdigest(), len(data))


def test_a_photo_rewritten_between_its_stat_and_its_read_is_recorded_as_one_file(tmp_path, monkeypatch):
    image = tmp_path / "a.jpg"
    image.write_bytes(PHOTO)
    real = image_files_record.sha256_or_none

    def rewritten_first(path):  # an editor saves the photo while the run writes its record
        if path is not None and Path(path) == image:
            image.write_bytes(EDITED)
        return real(path)

    monkeypatch.setattr(image_files_record, "sha256_or_none", rewritten_first)
    (entry,) = files_record([("a.jpg", image, None)], {}).values()
    assert _described(entry, image.read_bytes())


def test_a_known_hash_of_a_photo_changed_since_is_read_again(tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(PHOTO)
    began = file_memo.now_ns()
    known = {"a.jpg": hashlib.sha256(image.read_bytes()).hexdigest()}  # the run's read, minutes ago
    image.write_bytes(EDITED)
    (entry,) = files_record([("a.jpg", image, None)], known, hashed_since_ns=began).values()
    assert _described(entry, EDITED)


def test_a_known_hash_of_a_photo_unchanged_since_is_not_read_again(tmp_path, monkeypatch, settled_clock):
    image = tmp_path / "a.jpg"
    image.write_bytes(PHOTO)
    time.sleep(0.01)
    reads: list[Path] = []
    monkeypatch.setattr(image_files_record, "sized_sha256", lambda path: reads.append(path) or sized_sha256(path))
    known = {"a.jpg": hashlib.sha256(PHOTO).hexdigest()}
    (entry,) = files_record([("a.jpg", image, None)], known, hashed_since_ns=settled_clock).values()
    assert reads == [] and _described(entry, PHOTO)


def test_the_size_is_that_of_the_bytes_hashed(tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(PHOTO * 30_000)  # over one read's chunk
    assert sized_sha256(image) == (hashlib.sha256(PHOTO * 30_000).hexdigest(), len(PHOTO) * 30_000)
    assert sized_sha256(tmp_path / "gone.jpg") == (None, None)
