"""Helpers for the `petloc` command tests: tiny datasets and output parsing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.cli.main import main
from petloc_gui.cli.recorded_images import Found

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<annotation><filename>&lol3;</filename></annotation>
"""


def voc_xml(filename: str, width: int, height: int,
            objects: list[tuple[str, tuple[float, float, float, float]]]) -> str:
    """A labelImg-style VOC annotation."""
    parts = [
        "<annotation>",
        "  <folder>data</folder>",
        f"  <filename>{filename}</filename>",
        f"  <size><width>{width}</width><height>{height}</height><depth>3</depth></size>",
    ]
    for name, (x0, y0, x1, y1) in objects:
        parts.append(
            f"  <object><name>{name}</name><pose>Unspecified</pose><truncated>0</truncated>"
            f"<difficult>0</difficult><bndbox><xmin>{x0}</xmin><ymin>{y0}</ymin>"
            f"<xmax>{x1}</xmax><ymax>{y1}</ymax></bndbox></object>"
        )
    parts.append("</annotation>")
    return "\n".join(parts) + "\n"


def write_image(path: Path, width: int, height: int, color=(40, 40, 40), exif_orientation: int | None = None) -> Path:
    """A plain RGB image (JPEG or PNG by extension), optionally with an EXIF orientation tag."""
    array = np.zeros((height, width, 3), dtype=np.uint8)
    array[:] = color
    image = Image.fromarray(array, "RGB")
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        image.save(path, exif=exif.tobytes())
    else:
        image.save(path)
    return path


def write_annotated(folder: Path, stem: str, width: int, height: int, objects, ext: str = ".png") -> Path:
    image = write_image(folder / f"{stem}{ext}", width, height)
    (folder / f"{stem}.xml").write_text(voc_xml(image.name, width, height, objects), encoding="utf-8")
    return image


def one_box_each(folder: Path, labels) -> Path:
    """``folder`` made, with one 40x30 image for each of ``labels``, one box of it; named by number ("Cat" and
    "cat" are one file name on some disks)."""
    folder.mkdir()
    for n, label in enumerate(labels):
        write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
    return folder


def oxford_layout(root: Path, stems, width: int, height: int, voc_name: str | None = "animal",
                  ext: str = ".png") -> Path:
    """An Oxford-IIIT Pet layout at ``root``: images/STEM.EXT and, unless ``voc_name`` is None,
    annotations/xmls/STEM.xml boxing each with that VOC name (the breed comes from the file name)."""
    (root / "images").mkdir(parents=True)
    (root / "annotations" / "xmls").mkdir(parents=True)
    for stem in stems:
        write_image(root / "images" / f"{stem}{ext}", width, height, RED)
        if voc_name is not None:
            (root / "annotations" / "xmls" / f"{stem}.xml").write_text(
                voc_xml(f"{stem}{ext}", width, height, [(voc_name, (16, 16, 48, 28))]), encoding="utf-8")
    return root


def bundle_with_meta(bundle: Path, tmp_path: Path, **changes) -> Path:
    """A copy of ``bundle`` (in tmp_path/bundle) whose meta.json has ``changes`` applied."""
    import shutil

    copy = tmp_path / "bundle"
    shutil.copytree(bundle, copy)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    meta.update(changes)
    (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return copy


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    """Run `petloc ARGV` in-process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def last_json(stdout: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert lines, "no output on stdout"
    return json.loads(lines[-1])


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_clean_errors(stderr: str) -> list[str]:
    """Every stderr line is a `petloc: ` message; no traceback. Returns the lines."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    for line in lines:
        assert line.startswith("petloc: "), line
    return lines


# The tiny bundle's constant normalised box and its colour rule (see build_tiny_bundle).
TINY_BOX = (0.25, 0.5, 0.75, 0.875)
TINY_CLASSES = ["cat", "dog"]
RED = (220, 20, 20)
BLUE = (20, 20, 220)


def build_tiny_bundle(out_dir: Path, input_size: tuple[int, int] = (32, 32)) -> Path:
    """A deterministic 2-class bundle: red images are `cat`, blue ones `dog`; the box is always TINY_BOX.

    Built with fixed weights (no training) so every figure a test expects can
    be computed by hand.
    """
    import keras

    from petloc_gui.model.bundle_write import save_bundle

    width, height = input_size
    inputs = keras.Input((height, width, 3), name="image")
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    # logits = 0.1 * [r - b, b - r]: a colour decides the class.
    class_dense = keras.layers.Dense(2, activation="softmax", name="class")
    probs = class_dense(pooled)
    box_dense = keras.layers.Dense(4, activation="sigmoid", name="box")
    box = box_dense(pooled)
    model = keras.Model(inputs, [probs, box])
    class_dense.set_weights([np.array([[0.1, -0.1], [0, 0], [-0.1, 0.1]], np.float32), np.zeros(2, np.float32)])
    logit = np.log(np.array(TINY_BOX) / (1 - np.array(TINY_BOX))).astype(np.float32)
    box_dense.set_weights([np.zeros((3, 4), np.float32), logit])
    meta = {"class_names": list(TINY_CLASSES), "input_size": [width, height], "channels": 3, "preset": "digits",
            "metrics": {"accuracy": 1.0, "mean_iou": 0.5}}
    bundle = save_bundle(model, meta, out_dir)
    try:  # a converted model in the bundle spares every Predictor a TFLite conversion
        from petloc_gui.model.runtime import write_tflite

        write_tflite(model, bundle / "model.tflite")
    except ImportError:
        pass
    return bundle


def tiny_box_pixels(width: int, height: int) -> list[float]:
    x0, y0, x1, y1 = TINY_BOX
    return [x0 * width, y0 * height, x1 * width, y1 * height]


def use_a_nan_model(monkeypatch, command, folder: Path, size: tuple[int, int]) -> None:
    """Make ``command`` (a cli.cmd_* module) load a diverged model: every output NaN, classes cat
    and dog, no TensorFlow needed."""
    import numpy as np

    from petloc_gui.model.inference import Predictor

    class NaNModel:
        class_names = ("cat", "dog")

        def predict_paths(self, paths):
            n = len(paths)
            return Predictor.to_predictions(self, np.full((n, 2), np.nan), np.full((n, 4), np.nan), [size] * n)

    meta = {"format_version": 1, "class_names": ["cat", "dog"], "input_size": list(size)}
    monkeypatch.setattr("petloc_gui.model.bundle.read_meta", lambda spec: meta)
    monkeypatch.setattr(command, "load_predictor", lambda spec: (NaNModel(), folder, meta))


def stop_at_placing(monkeypatch, placed_first: int, stop: type[BaseException] = KeyboardInterrupt,
                    before_stop=None) -> None:
    """An export or conversion placing its images (`core.interop.upright.Orientations.place`) is stopped by
    ``stop`` (Ctrl+C; a BaseException standing for SIGKILL) as it comes to place one more after the first
    ``placed_first``; ``before_stop``, if given, is called just before (to look at OUT then)."""
    from petloc_gui.core.interop import upright as upright_module

    real, placed = upright_module.Orientations.place, []

    def place(self, record, *args, **kwargs):
        if len(placed) == placed_first:
            if before_stop is not None:
                before_stop()
            raise stop
        placed.append(record)
        return real(self, record, *args, **kwargs)

    monkeypatch.setattr(upright_module.Orientations, "place", place)


def disk_full_after_copies(monkeypatch, copied: int) -> list[Path]:
    """The files an export or conversion copies (`core.interop.files`) after the first ``copied`` meet a full
    disk; returns the targets tried, in order."""
    import errno
    import os

    from petloc_gui.core.interop import files as files_module

    real, calls = files_module._copy_exclusive, []

    def copy(source, target):
        calls.append(target)
        if len(calls) > copied:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)
    return calls


def convert_failing_part_way(capsys, monkeypatch, voc: Path, out: Path) -> str:
    """`petloc convert VOC --to coco OUT --images copy` into a new OUT whose third copied file finds the disk full,
    what it wrote there impossible to remove (as a folder gone read-only): its stderr, once it has failed."""
    import shutil

    disk_full_after_copies(monkeypatch, 2)
    monkeypatch.setattr(shutil, "rmtree", lambda *args, **kwargs: None)  # as a folder gone read-only
    code, _, err = run_cli(capsys, "convert", voc, "--to", "coco", out, "--images", "copy")
    assert code == 1, err
    return err


def counted_matches(monkeypatch) -> Counter[str]:
    """Each call of `core.metrics.best_gt_match` from now on, counted by the image's labels ("cat,dog")."""
    from petloc_gui.core import metrics

    matched: Counter[str] = Counter()
    real = metrics.best_gt_match

    def counting(objects, pred_label, pred_box):
        matched[",".join(sorted(label for label, _ in objects))] += 1
        return real(objects, pred_label, pred_box)

    monkeypatch.setattr(metrics, "best_gt_match", counting)
    return matched


def evaluate_split_scored(here: Path, meta: dict, monkeypatch) -> tuple[list, Found]:
    """The items of ``here`` `petloc evaluate --split validation` scores for ``meta``'s model, and what its
    `cli.recorded_images.find_recorded` found."""
    from petloc_gui.cli import recorded_images
    from petloc_gui.cli.evaluate_split import recorded_items
    from petloc_gui.core.dataset import open_dataset

    dataset = open_dataset(here)
    answers: list[Found] = []
    real = recorded_images.find_recorded

    def kept(*args, **kwargs):
        answers.append(real(*args, **kwargs))
        return answers[-1]

    monkeypatch.setattr(recorded_images, "find_recorded", kept)
    scored = recorded_items(dataset, dataset.items, meta, meta["splits"]["validation"], "validation images", "")
    return scored, answers[0]
