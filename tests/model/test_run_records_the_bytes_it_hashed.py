"""A run's meta.json records each image's size with its sha256, the size of the bytes hashed: the hashes are
taken as the folder is collected (`model.collected_folder.collect_folder`), the record written after, and a photo
an editor saved in between was recorded with its new size beside its old bytes' hash, so the window's trained-here
check (which reads only files of a recorded size) never found a byte copy of it. `TrainingData.from_folder` tells
`files_record` when the folder's read began (`CollectedFolder.read_began_ns`): a file changed since is read again."""

from __future__ import annotations

import hashlib

from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.training_data import TrainingData
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def test_a_photo_saved_after_the_folder_was_read_is_recorded_as_the_bytes_hashed(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, [])
    # a parent whose validation photos are recorded by bytes: every image is hashed as the folder is read
    parent = {"splits": {"validation": ["elsewhere.jpg"], "test": []},
              "images": {"elsewhere.jpg": {"sha256": "0" * 64}}}
    folder = collect_folder(root, "default", parent_meta=parent)
    assert folder.read_began_ns > 0
    photo = root / "JPEGImages" / "a.jpg"
    photo.write_bytes(photo.read_bytes() + b"\0" * 100)  # an editor's save, after its hash was taken
    data = TrainingData.from_folder(folder, 0.25, 0)
    entry = data.images_record()["JPEGImages/a.jpg"]
    now = photo.read_bytes()
    assert (entry["sha256"], entry["size"]) == (hashlib.sha256(now).hexdigest(), len(now))
