"""Experiment driver (issue 9): pseudo-label the unboxed pets photos with a teacher bundle.

    python benchmarks/exp_self_training.py calibrate [--teacher pets]
    python benchmarks/exp_self_training.py label --out DIR [--teacher pets] [--min-flip F] [--min-stage S]

``calibrate`` scores the teacher's own validation photos (meta.json
``splits.validation``; never the test photos) with the agreement signals a
pseudo-label can be filtered by, next to their true IoU, so the filter's
thresholds are chosen on validation. ``label`` builds ``DIR/data``: the
Oxford layout of ../shared/data/oxford-pets-3breeds (images linked, the real
XML copied) plus a VOC file for each unboxed photo the filter keeps, and
``DIR/pseudo.txt`` listing those photos (relative paths) so training can keep
them out of validation. Signals per photo:

- ``flip``: IoU of the cascade's box (no flip TTA) with the mirrored cascade's box on the
  mirrored photo; a box both views agree on.
- ``stage``: IoU of the first stage's box with the final box; the refiner did not have to move it far.
- ``conf``: the class probability.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.boxes import iou_arrays
from petloc_gui.core.paths import shared_dir
from petloc_gui.core.voc import read_voc
from petloc_gui.model import cascade
from petloc_gui.model.data import open_dataset
from petloc_gui.model.inference import Predictor
from petloc_gui.model.prepare import decode, network_inputs

PETS = Path("data") / "oxford-pets-3breeds"


def signals(predictor: Predictor, image: np.ndarray) -> dict:
    """The teacher's final box (as shipped: flip TTA if the bundle says so) and the agreement signals."""
    stage = predictor.refine
    assert stage is not None, "the teacher must be a two-stage bundle"
    pair = [image, np.ascontiguousarray(image[:, ::-1])]
    _, first = predictor._runner(network_inputs(pair, predictor.input_size))
    first = np.clip(np.asarray(first), 0, 1)
    _, plain = cascade.refine(stage.run, pair, first, stage.input_size, stage.margin, flip=False)
    final_probs, final = predictor.predict_raw([image])
    plain_view, mirrored_view = plain[:1], cascade.mirrored_boxes(plain[1:])
    return {
        "box": np.clip(final[0], 0, 1),
        "label": predictor.class_names[int(np.argmax(final_probs[0]))],
        "conf": float(np.max(final_probs[0])),
        "flip": float(iou_arrays(plain_view, mirrored_view)[0]),
        "stage": float(iou_arrays(first[:1], final[:1])[0]),
    }


def _norm_box(sample_box, image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    x1, y1, x2, y2 = sample_box
    return np.array([[x1 / w, y1 / h, x2 / w, y2 / h]], np.float32)


def calibrate(teacher: str) -> None:
    predictor = Predictor(teacher)
    root = shared_dir() / PETS
    rows = []
    for rel in predictor.bundle.meta["splits"]["validation"]:
        image = decode(root / rel)
        ann = read_voc(root / "annotations" / "xmls" / (Path(rel).stem + ".xml"))
        obj = ann.objects[0]
        gt = _norm_box((obj.box.xmin, obj.box.ymin, obj.box.xmax, obj.box.ymax), image)
        s = signals(predictor, image)
        s["iou"] = float(iou_arrays(s["box"][None], gt)[0])
        rows.append(s)
        print(f"{rel:40s} iou {s['iou']:.3f} flip {s['flip']:.3f} stage {s['stage']:.3f} conf {s['conf']:.3f}",
              flush=True)
    ious = np.array([r["iou"] for r in rows])
    for key in ("flip", "stage"):
        values = np.array([r[key] for r in rows])
        for t in (0.0, 0.6, 0.7, 0.8, 0.85, 0.9):
            keep = values >= t
            if keep.any():
                print(f"{key} >= {t:.2f}: keeps {keep.sum():2d}/{len(rows)}, their mean IoU {ious[keep].mean():.3f}, "
                      f"IoU>=0.5 {np.mean(ious[keep] >= 0.5):.3f}; dropped mean IoU "
                      f"{ious[~keep].mean() if (~keep).any() else float('nan'):.3f}")


def label(teacher: str, out: Path, min_flip: float, min_stage: float, min_conf: float) -> None:
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc_types import VocObject, new_annotation
    from petloc_gui.core.voc_write import write_voc

    predictor = Predictor(teacher)
    src = shared_dir() / PETS
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "images").mkdir(parents=True)
    (data / "annotations" / "xmls").mkdir(parents=True)
    for f in (src / "annotations").iterdir():
        if f.is_file():
            shutil.copy(f, data / "annotations" / f.name)
    for f in (src / "annotations" / "xmls").iterdir():
        shutil.copy(f, data / "annotations" / "xmls" / f.name)
    for f in (src / "images").iterdir():
        (data / "images" / f.name).symlink_to(f)
    kept, seen = [], 0
    for item in open_dataset(src).items:
        if item.has_annotation:
            continue
        seen += 1
        try:
            image = decode(item.image_path)
        except Exception as exc:  # noqa: BLE001 - report and go on
            print("skip", item.image_path, exc)
            continue
        s = signals(predictor, image)
        ok = s["flip"] >= min_flip and s["stage"] >= min_stage and s["conf"] >= min_conf
        name = Path(item.image_path).name
        print(f"{name:32s} {'keep' if ok else 'drop'} flip {s['flip']:.3f} stage {s['stage']:.3f} "
              f"conf {s['conf']:.3f} {s['label']}", flush=True)
        if not ok:
            continue
        h, w = image.shape[:2]
        x1, y1, x2, y2 = (float(v) for v in s["box"] * np.array([w, h, w, h]))
        ann = new_annotation(data / "images" / name, w, h)
        ann.objects.append(VocObject(s["label"], Box(x1, y1, x2, y2)))
        write_voc(ann, data / "annotations" / "xmls" / (Path(name).stem + ".xml"), expected=None,
                  allow_link_outside=True)
        kept.append(f"images/{name}")
    (out / "pseudo.txt").write_text("".join(k + "\n" for k in kept))
    print(f"kept {len(kept)} of {seen} unboxed photos -> {out / 'pseudo.txt'}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["calibrate", "label"])
    parser.add_argument("--teacher", default="pets")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--min-flip", type=float, default=0.8)
    parser.add_argument("--min-stage", type=float, default=0.0)
    parser.add_argument("--min-conf", type=float, default=0.9)
    args = parser.parse_args()
    if args.mode == "calibrate":
        calibrate(args.teacher)
    else:
        label(args.teacher, args.out, args.min_flip, args.min_stage, args.min_conf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
