"""Workers whose lists of images differ refuse naming the first image one has and the other lacks.

Worker 1's folder held one image more: both said "worker 1 differs from worker 0 in training images, image
contents" and named no file, though the README promised the first file that differs (the files were looked
up only when the lists agreed). The exchange runs here as two workers in threads, each with its own parts,
through a stand-in for the collective that hands every worker every worker's numbers."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from petloc_gui.model import worker_agreement
from petloc_gui.model.worker_agreement import WorkersDisagreeError, check_workers_agree

IMAGES = ["a.png", "b.png", "c.png", "d.png"]


def _parts(train: list[str], validation: list[str] | None = None, test: list[str] | None = None) -> dict:
    validation = ["v.png"] if validation is None else validation
    test = test or []
    every = [*train, *validation, *test]
    return {"training images": train, "validation images": validation, "test images": test,
            "image contents": {name: {"sha256": name, "annotation_sha256": name + ".xml"} for name in every},
            "seed": 0}


class _Cluster:
    """Two workers' collectives, one replica each: each call waits for the other worker's numbers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._numbers: dict[int, list[int]] = {}
        self._met = threading.Barrier(2, timeout=30)
        monkeypatch.setattr(worker_agreement, "_gathered", self._gathered)

    def _gathered(self, strategy, numbers, stop, worker_timeout=None):
        self._numbers[strategy.index] = list(numbers)
        self._met.wait()
        rows = [self._numbers[0], self._numbers[1]]
        assert len(rows[0]) == len(rows[1]), "a collective of another size on each worker"
        self._met.wait()  # both read the rows before either gives its next numbers
        return rows

    def refusals(self, parts: list[dict]) -> list[str]:
        spec = SimpleNamespace(as_dict=lambda: {"worker": ["a:1", "b:2"]})
        said: list[str] = ["", ""]

        def worker(index: int) -> None:
            strategy = SimpleNamespace(index=index, num_replicas_in_sync=2,
                                       cluster_resolver=SimpleNamespace(cluster_spec=lambda: spec))
            try:
                check_workers_agree(strategy, parts[index])
            except WorkersDisagreeError as exc:
                said[index] = str(exc)

        threads = [threading.Thread(target=worker, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        return said


def test_one_image_more_on_worker_1_is_named_by_both(monkeypatch):
    said = _Cluster(monkeypatch).refusals([_parts(IMAGES), _parts([*IMAGES, "zz_extra.png"])])
    for line in said:
        assert "worker 1 differs from worker 0 in training images (first: zz_extra.png, worker 1's only)" in line, line


def test_one_image_fewer_on_worker_1_is_named_as_worker_0_s(monkeypatch):
    said = _Cluster(monkeypatch).refusals([_parts(IMAGES), _parts(IMAGES[1:])])
    for line in said:
        assert "worker 1 differs from worker 0 in training images (first: a.png, worker 0's only)" in line, line


def test_an_image_on_another_side_of_the_split_is_named_in_each_list(monkeypatch):
    """An --exclude-list on one worker only: its test image is the other's training image."""
    said = _Cluster(monkeypatch).refusals([_parts(IMAGES), _parts(IMAGES[:-1], test=["d.png"])])
    for line in said:
        assert ("training images (first: d.png, worker 0's only), test images (first: d.png, worker 1's only)"
                in line), line


def test_lists_alike_still_name_the_first_file_of_other_bytes(monkeypatch):
    other = _parts(IMAGES)
    other["image contents"]["c.png"] = {"sha256": "other bytes", "annotation_sha256": "c.png.xml"}
    said = _Cluster(monkeypatch).refusals([_parts(IMAGES), other])
    for line in said:
        assert "worker 1 differs from worker 0 in image contents (first: c.png)" in line, line
