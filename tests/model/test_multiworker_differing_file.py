"""Workers whose data folders hold the same names with other bytes refuse naming the first file that
differs: "worker 1 differs from worker 0 in image contents" alone left the user to compare every file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from petloc_gui.model.worker_agreement import first_differences, refusal, run_fingerprint
from tests.model.test_multiworker import _finish, _free_ports


def _parts(contents: dict) -> dict:
    return {"training images": ["b.png", "a.png"], "validation images": ["c.png"], "test images": [],
            "image contents": contents, "seed": 0}


def _hashes(contents: dict) -> list[int]:
    from petloc_gui.model.worker_agreement import file_hashes

    return file_hashes(_parts(contents))[1]


SAME = {name: {"sha256": name * 2, "annotation_sha256": name * 3} for name in ("a.png", "b.png", "c.png")}


def test_the_first_differing_image_or_annotation_is_named_per_worker():
    from petloc_gui.model.worker_agreement import file_hashes

    paths, mine = file_hashes(_parts(SAME))
    assert paths == ["a.png", "b.png", "c.png"] and len(mine) == 6
    image_b = {**SAME, "b.png": {**SAME["b.png"], "sha256": "other"}, "c.png": {**SAME["c.png"], "sha256": None}}
    annotation_a = {**image_b, "a.png": {**SAME["a.png"], "annotation_sha256": "other"}}
    rows = [mine, mine, _hashes(image_b), _hashes(image_b), _hashes(annotation_a), _hashes(annotation_a)]
    assert first_differences(rows, paths, [1, 2], replicas_per_worker=2) == {1: "b.png", 2: "a.png's annotation"}
    assert first_differences([mine, mine], paths, [1], replicas_per_worker=1) == {}


def test_the_refusal_names_the_file_after_image_contents():
    found = {1: ["image contents", "seed"]}
    line = refusal(found, _parts(SAME), {1: "b.png"})
    assert "worker 1 differs from worker 0 in image contents (first: b.png), seed" in line
    assert "worker 1 differs from worker 0 in image contents, seed" in refusal(found, _parts(SAME))
    assert run_fingerprint(_parts(SAME)) == run_fingerprint(_parts(dict(SAME)))


@pytest.mark.slow
def test_workers_with_one_image_of_other_bytes_refuse_naming_it(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    other = tmp_path / "digits-b"
    shutil.copytree(data, other)
    images = sorted(path.name for path in data.glob("*.png"))
    changed = images[7]
    with Image.open(data / changed) as image:  # the same pixels in other bytes
        image.load()
    image.save(other / changed, compress_level=0)
    assert (other / changed).read_bytes() != (data / changed).read_bytes()
    ports = _free_ports(2)
    cluster = {"worker": [f"127.0.0.1:{port}" for port in ports]}
    procs = []
    for index, folder in enumerate((data, other)):
        environment = dict(os.environ, CUDA_VISIBLE_DEVICES="",
                           TF_CONFIG=json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}}))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "petloc_gui.cli", "train", str(folder), "--preset", "digits",
             "--out", str(tmp_path / f"w{index}"), "--epochs", "1", "--batch-size", "16",
             "--distribute", "multiworker", "--worker-timeout", "120"],
            env=environment, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    results = _finish(procs, timeout=300)
    for code, out, err in results:
        assert code == 1, err[-3000:]
        lines = [line for line in err.splitlines() if line.startswith("petloc: ")]
        assert len(lines) == 1, err[-3000:]
        [line] = lines
        assert f"worker 1 differs from worker 0 in image contents (first: {changed})" in line, line
        assert out.strip() == ""
    assert not list(tmp_path.glob("w*/**/meta.json"))
