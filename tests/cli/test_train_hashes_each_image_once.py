"""`petloc train --init-from` hashed every image twice: its checks' read of the folder (`collect_folder`, to find
the model's test photos by their bytes) and the run's own read each read every byte of every image. The run
still reads the folder itself (tests/cli/test_train_reads_the_folder_once.py says why), but takes the checks'
hashes (`CollectedFolder.known_hashes`) for the images unchanged since: same path, size and modification time.
An image rewritten between the checks and the run is hashed again: a stale hash would put wrong numbers in
meta.json (and could train on a test photo)."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.cli import cmd_train
from petloc_gui.model import bundle
from petloc_gui.model.bundle import file_sha256
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import run_cli
from tests.cli.test_train_checks_see_training_s_images import _folder, _parent

AN_HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


def _settled(folder: Path, mtime_ns: int = AN_HOUR_AGO_NS) -> None:
    """Every file of ``folder`` last modified an hour ago. Its change time is now: a test reads it as long
    settled with the `settled_clock` fixture (a file modified or changed within seconds is hashed again
    whatever its stamp, `file_memo.SETTLED_NS`)."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(mtime_ns, mtime_ns))


@pytest.fixture
def hashed(monkeypatch) -> Counter[str]:
    """The images hashed, by name, each time one is read."""
    counts: Counter[str] = Counter()
    sha256 = bundle.file_sha256  # what `sha256_or_none` reads with
    monkeypatch.setattr(bundle, "file_sha256",
                        lambda path: counts.update([Path(path).name]) or sha256(path))
    return counts


def _rewrite(image: Path, mtime_ns: int) -> None:
    """Other bytes of the same size, the modification time set to ``mtime_ns`` (as a copy with -p keeps one)."""
    data = bytearray(image.read_bytes())
    data[-20] ^= 0xFF  # inside the PNG's last chunk: the same length, other bytes
    image.write_bytes(bytes(data))
    os.utime(image, ns=(mtime_ns, mtime_ns))


def test_a_second_read_takes_the_first_read_s_hashes_of_the_images_unchanged_since(tmp_path, hashed, settled_clock):
    folder = _folder(tmp_path, "dog")
    meta = json.loads((_parent(tmp_path, folder / "copy.png") / "meta.json").read_text())
    _settled(folder)
    first = collect_folder(folder, parent_meta=meta)
    assert set(hashed.values()) == {1} and len(hashed) == 6
    hashed.clear()
    again = collect_folder(folder, parent_meta=meta, known_hashes=first.known_hashes)
    assert hashed == Counter()
    assert again.hashes == first.hashes
    assert [relpath for _, relpath, _ in again.excluded] == ["copy.png"]  # still found by its bytes


def test_an_image_rewritten_since_the_first_read_is_hashed_again(tmp_path, hashed, settled_clock):
    folder = _folder(tmp_path, "dog")
    meta = json.loads((_parent(tmp_path, folder / "copy.png") / "meta.json").read_text())
    _settled(folder)
    first = collect_folder(folder, parent_meta=meta)
    image = folder / "cat1.png"
    size = image.stat().st_size
    _rewrite(image, AN_HOUR_AGO_NS - 10**9)  # same size, another (older) time
    assert image.stat().st_size == size
    hashed.clear()
    again = collect_folder(folder, parent_meta=meta, known_hashes=first.known_hashes)
    assert hashed == Counter({"cat1.png": 1})
    assert again.hashes["cat1.png"] == file_sha256(image) != first.hashes["cat1.png"]


def test_an_image_replaced_with_its_size_and_time_kept_is_hashed_again(tmp_path, hashed, settled_clock):
    """`cp -p`, `rsync -a` or `exiftool -P` over an image: the same size and modification time, other bytes (the
    parent's test photo put there, say). Its change time and inode tell it: the old hash trained on a test photo."""
    folder = _folder(tmp_path, "dog")
    meta = json.loads((_parent(tmp_path, folder / "copy.png") / "meta.json").read_text())
    _settled(folder)
    first = collect_folder(folder, parent_meta=meta)
    image = folder / "cat1.png"
    before = image.stat()
    _rewrite(image, before.st_mtime_ns)  # same size, same modification time, other bytes
    assert (image.stat().st_size, image.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    hashed.clear()
    again = collect_folder(folder, parent_meta=meta, known_hashes=first.known_hashes)
    assert hashed == Counter({"cat1.png": 1})
    assert again.hashes["cat1.png"] == file_sha256(image) != first.hashes["cat1.png"]


def test_an_image_modified_within_seconds_is_hashed_again_though_its_size_and_time_are_unchanged(tmp_path, hashed):
    """A file system whose clock ticks coarsely (FAT: 2 s) keeps the time of a rewrite within the same tick:
    a file modified that recently has no stamp to trust."""
    folder = _folder(tmp_path, "dog")  # written just now
    meta = json.loads((_parent(tmp_path, folder / "copy.png") / "meta.json").read_text())
    first = collect_folder(folder, parent_meta=meta)
    hashed.clear()
    collect_folder(folder, parent_meta=meta, known_hashes=first.known_hashes)
    assert set(hashed.values()) == {1} and len(hashed) == 6


def test_an_image_changed_within_seconds_is_hashed_again_though_its_modification_time_is_old(tmp_path, hashed):
    """Copied in with its time kept (`cp -p`, `rsync -a`) just now: its modification time is an hour old, its
    change time is now. A same-size copy over it within the file system's clock tick keeps both times and the
    inode: the change time, not only the modification time, has to be settled (it was the modification time
    alone, and such a file's hash read before the copy was taken for the new bytes)."""
    folder = _folder(tmp_path, "dog")
    meta = json.loads((_parent(tmp_path, folder / "copy.png") / "meta.json").read_text())
    _settled(folder)  # modified an hour ago, changed just now
    first = collect_folder(folder, parent_meta=meta)
    hashed.clear()
    collect_folder(folder, parent_meta=meta, known_hashes=first.known_hashes)
    assert set(hashed.values()) == {1} and len(hashed) == 6


def test_petloc_train_hands_its_checks_hashes_to_the_run(tmp_path, capsys, monkeypatch, hashed, settled_clock):
    from petloc_gui.model import training
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.training_data import TrainingData

    folder = _folder(tmp_path, "dog")
    parent = _parent(tmp_path, folder / "copy.png")
    _settled(folder)

    def trained(data_dir, config, on_event, should_stop, folder=None):  # train_run's read, without TensorFlow
        meta = read_meta(config.init_from)
        data = TrainingData.collect(data_dir, config.label, config.exclude, parent_meta=meta,
                                    parent_class_names=meta["class_names"], known_hashes=config.known_hashes)
        on_event({"event": "start", "epochs": 1, "n_train": len(data.train), "n_val": len(data.validation),
                  "skipped": data.skipped, "class_names": data.class_names})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m",
                              "--init-from", parent)
    assert code == 0, stderr
    images = {name: n for name, n in hashed.items() if name.endswith(".png")}  # (the run hashes annotations too)
    assert images == dict.fromkeys(["cat0.png", "cat1.png", "cat2.png", "copy.png", "dog3.png", "dog4.png"], 1)


def test_train_run_reads_the_folder_with_the_hashes_its_config_holds(tmp_path, monkeypatch):
    from petloc_gui.model import training, training_data

    folder = _folder(tmp_path, "dog")
    known = {"a stamp": "a digest"}
    seen = []

    class CollectedError(Exception):
        pass

    def collect(*args, **kwargs):
        seen.append(kwargs.get("known_hashes"))
        raise CollectedError

    monkeypatch.setattr(training_data, "collect_folder", collect)  # the run reads it in TrainingData.collect
    with pytest.raises(CollectedError):
        training.train_run(folder, training.TrainConfig(preset="digits", known_hashes=known))
    assert seen == [known]


@pytest.mark.slow
def test_petloc_train_init_from_hashes_each_image_once_and_a_rewritten_one_again(tmp_path, capsys, monkeypatch,
                                                                                hashed, settled_clock):
    """The whole command, trained for an epoch on 24 digit canvases from the bundled digits model: one image
    rewritten while TensorFlow loads (between the checks and the run) is hashed again, and meta.json records
    its new bytes."""
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "data"
    images = write_digits_dataset(data, "train", count=24, seed=0)
    _settled(data)
    changed = images[5]
    load_tensorflow = cmd_train.load_tensorflow

    def rewritten_while_loading() -> None:
        with Image.open(changed) as image:
            pixels = image.convert("RGB")
        pixels.putpixel((0, 0), tuple(255 - v for v in pixels.getpixel((0, 0))))
        pixels.save(changed)
        os.utime(changed, ns=(AN_HOUR_AGO_NS + 10**9,) * 2)  # an old time, but another one
        load_tensorflow()

    monkeypatch.setattr(cmd_train, "load_tensorflow", rewritten_while_loading)
    code, stdout, stderr = run_cli(capsys, "train", data, "--preset", "digits", "--init-from", "digits",
                                   "--epochs", "1", "--batch-size", "8", "--out", tmp_path / "out")
    assert code == 0, stderr
    assert {name: n for name, n in hashed.items() if name.endswith(".png")} == {
        image.name: 2 if image == changed else 1 for image in images}
    meta = json.loads((Path(stdout.strip().splitlines()[-1]) / "meta.json").read_text())
    assert meta["images"][changed.name]["sha256"] == file_sha256(changed)
    assert "known_hashes" not in meta["config"]  # machine paths: never recorded
