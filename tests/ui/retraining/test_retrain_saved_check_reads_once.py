"""With "Save my unsaved edits first" the window checks the saved labels before a run starts
(`retrain_saved_check.refusal_after_saving`, `model.run_case_variants`): it read the folder, and for a
refused fine-tune read it again hashing every image, 8-11 s on 10,000 images. It needs the labels only:
the folder is read once, and images are hashed only to find the parent's test photos under another name,
when the one read finds a class typed two ways and the parent recorded them."""

from __future__ import annotations

import hashlib
import json

from petloc_gui.model import bundle, collected_folder
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_saved_check import refusal_after_saving
from tests.cli.helpers import write_annotated


def _counting(monkeypatch) -> dict[str, int]:
    """How often the folder is read (`collect_samples`) and an image hashed (`bundle.sha256_or_none`'s reads)."""
    counts = {"reads": 0, "hashed": 0}
    read, digest = collected_folder.collect_samples, bundle.file_sha256

    def counted_read(*args, **kwargs):
        counts["reads"] += 1
        return read(*args, **kwargs)

    def counted_digest(path):
        counts["hashed"] += 1
        return digest(path)

    monkeypatch.setattr(collected_folder, "collect_samples", counted_read)
    monkeypatch.setattr(bundle, "file_sha256", counted_digest)
    return counts


def _fine_tune(tmp_path, folder, labels, meta_extra=None) -> str:
    for n, label in enumerate(labels):
        write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
    parent = tmp_path / "parent"
    parent.mkdir()
    meta = {"class_names": ["bengal", "dog"], "preset": "pets", "splits": {"train": [], "validation": [], "test": []}}
    (parent / "meta.json").write_text(json.dumps({**meta, **(meta_extra or {})}))
    return str(parent)


def test_a_refused_fine_tune_is_read_once_and_no_image_hashed(tmp_path, monkeypatch):
    folder = tmp_path / "photos"
    folder.mkdir()
    # a parent that recorded its validation photos' bytes: training hashes every image to find them
    parent = _fine_tune(tmp_path, folder, ["bengal", "Bengal", "bengal", "dog", "dog"],
                        {"splits": {"train": [], "validation": ["v.png"], "test": []},
                         "images": {"v.png": {"sha256": "0" * 64}}})
    counts = _counting(monkeypatch)
    refusal = refusal_after_saving(folder, "pets", parent, RetrainOptions(from_current=True))
    assert refusal.startswith("Your edits are saved. This run cannot start: labels that differ only in case")
    assert counts == {"reads": 1, "hashed": 0}  # read twice, every image hashed the second time


def test_the_parent_s_test_photo_renamed_is_found_by_its_bytes_from_the_one_read(tmp_path, monkeypatch):
    folder = tmp_path / "photos"
    folder.mkdir()
    held = write_annotated(folder, "renamed", 41, 30, [("Bengal", (5, 5, 20, 20))])  # its bytes: no other's
    digest = hashlib.sha256(held.read_bytes()).hexdigest()
    parent = _fine_tune(tmp_path, folder, ["bengal", "bengal", "dog", "dog"],
                        {"splits": {"train": [], "validation": [], "test": ["held.png"]},
                         "images": {"held.png": {"sha256": digest}}})
    counts = _counting(monkeypatch)
    assert refusal_after_saving(folder, "pets", parent, RetrainOptions(from_current=True)) == ""  # never trained on
    assert counts == {"reads": 1, "hashed": 5}
