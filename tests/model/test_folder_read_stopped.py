"""The window's check of a run's saved labels (`model.run_case_variants`, in a worker) read the folder to its
end once nobody waited for its answer (cancelled, the window closed): 8-13 s on 10,000 images, and the app's
exit waited for it. The read takes a ``stopped`` question now, asked before each file: once it says so, the
read ends with `CancelledError` (one class, the app's folder sample raises it too)."""

from __future__ import annotations

import hashlib
import json

import pytest

from petloc_gui.app import folder_sample
from petloc_gui.core.errors import CancelledError
from petloc_gui.model import data
from petloc_gui.model import run_case_variants as case_variants
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_annotated


def _folder(tmp_path, labels):
    folder = tmp_path / "photos"
    folder.mkdir()
    for n, label in enumerate(labels):
        write_annotated(folder, f"img{n}", 40 + n, 30, [(label, (5, 5, 20, 20))])  # sizes apart: bytes apart
    return folder


def _counting_reads(monkeypatch) -> list[str]:
    """Each annotation `collect_samples` reads, in order."""
    reads: list[str] = []
    read_voc = data.read_voc

    def counted(path, *args, **kwargs):
        reads.append(str(path))
        return read_voc(path, *args, **kwargs)

    monkeypatch.setattr(data, "read_voc", counted)
    return reads


def test_a_stopped_read_ends_at_the_next_file(tmp_path, monkeypatch):
    folder = _folder(tmp_path, ["bengal", "dog"] * 10)
    reads = _counting_reads(monkeypatch)
    with pytest.raises(CancelledError):
        collect_samples(folder, stopped=lambda: len(reads) >= 3)
    assert len(reads) == 3  # not the folder's 20
    reads.clear()
    with pytest.raises(CancelledError):
        collect_folder(folder, labels_only=True, stopped=lambda: len(reads) >= 5)  # passed on
    assert len(reads) == 5
    reads.clear()
    assert len(collect_samples(folder, stopped=lambda: False)[0]) == 20 == len(reads)  # never stopped: all read


def test_the_check_of_a_run_s_classes_stops_while_hashing_images_too(tmp_path, monkeypatch):
    folder = _folder(tmp_path, ["bengal", "Bengal", "bengal", "dog", "dog"])  # refused: its images are hashed
    held = folder / "img1.png"
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({
        "class_names": ["bengal", "dog"], "preset": "pets",
        "splits": {"train": [], "validation": [], "test": ["held.png"]},
        "images": {"held.png": {"sha256": hashlib.sha256(held.read_bytes()).hexdigest()}}}))
    assert case_variants.run_case_variants(folder, base=str(parent)) == ""  # img1's "Bengal": the parent's test photo
    hashed: list[object] = []
    digest = case_variants.sha256_or_none

    def counted(path):
        hashed.append(path)
        return digest(path)

    monkeypatch.setattr(case_variants, "sha256_or_none", counted)
    with pytest.raises(CancelledError):
        case_variants.run_case_variants(folder, base=str(parent), stopped=lambda: len(hashed) >= 2)
    assert len(hashed) == 2  # not the folder's 5


def test_one_cancel_class_for_the_model_and_the_app():
    assert folder_sample.CancelledError is CancelledError
