"""Experiment driver (issue 9): a conditional second refinement pass, by 4-fold cross-validation.

    python benchmarks/exp_cv.py --out DIR --exclude-list FILE --first-only --first-name first_zoom --zoom-out 0.5
    python benchmarks/exp_repass.py --out DIR --exclude-list FILE     # then this (~2 min a fold)

For each fold of `exp_cv.py` (the 188 boxed non-test photos, the fold choosing
the epochs), a refiner of the shipped recipe is trained on top of the fold's
first stage (copied to DIR/foldK/cascade), then every fold photo is scored by
the cascade run as `inference.RefineStage` runs it: one pass; a second pass on
every photo; a second pass only where the next crop overlaps the first by less
than a threshold (`crop_overlap`), for a grid of thresholds; and a third pass
the same way. Prints the pooled figures (n = 188) and the refiner crops per
photo of each variant; DIR/repass_NAME.json keeps the per-photo IoUs.
``--name N --animal-share S --weight-ema M --seed K``: another refiner recipe or training seed
(DIR/foldK/N); ``--refiner-data``: refiners trained on another dataset (self-training). The folds are
the first stages' own (each bundle's meta.json splits), whatever `exp_cv.py --cv-seed` cut them.
``--input-size N``: the refiner on NxN crops. ``--margin M``: its crop M times the first box's longer side.
``--keep-last``: each refiner keeps its last epoch instead of its best on the fold (`keep_last.py`).
``--real-first-share S``: S of the crops of each boxed (not pseudo-labelled) training photo
drawn around its out-of-fold first-stage box (`RefineConfig.real_first_share`): the box of the
first stage of the photo's own fold, which never trained on it (it trained on the other folds,
this fold's photos among them: they place the crops, nothing of them is trained on).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import exp_cv
from cv_paired import pooled_ious
from keep_last import keep_last_epoch

from petloc_gui.core.metrics import best_gt_match
from petloc_gui.core.paths import shared_dir
from petloc_gui.core.voc import read_voc
from petloc_gui.model.refine_training import RefineConfig, train_refiner, write_refiner

THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.0)


def out_of_fold_boxes(out: Path, folds: int, first_name: str, root: Path) -> dict[str, list[float]]:
    """Relative path -> normalised box of the first stage of the photo's fold (which validated on it)."""
    from petloc_gui.model.inference import Predictor
    from petloc_gui.model.prepare import decode

    boxes: dict[str, list[float]] = {}
    for fold in range(folds):
        predictor = Predictor(out / f"fold{fold}" / first_name)
        predictor.refine = None
        relpaths = predictor.bundle.meta["splits"]["validation"]
        _, first = predictor.predict_raw([decode(root / r) for r in relpaths])
        boxes.update({r: [float(v) for v in np.clip(b, 0, 1)] for r, b in zip(relpaths, first, strict=True)})
    return boxes


def cascade_bundle(out: Path, fold: int, folds: int, first_name: str, root: Path, exclude: list[str],
                   name: str = "cascade", config: RefineConfig | None = None,
                   first_boxes: dict[str, list[float]] | None = None) -> Path:
    target = out / f"fold{fold}" / name
    if (target / "refine.keras").is_file():  # trained before: only if by this recipe
        from petloc_gui.model.bundle import read_meta

        defaults = RefineConfig().record()  # a refiner saved before a field existed had its default
        if defaults | read_meta(target).get("refine", {}).get("recipe", {}) != (config or RefineConfig()).record():
            raise SystemExit(f"{target} holds a refiner of another recipe: give this one another --name")
        return target
    exp_cv.validate_on_fold(folds, fold)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(out / f"fold{fold}" / first_name, target)
    write_refiner(target, train_refiner(target, root, config or RefineConfig(), exclude=exclude,
                                        real_first_boxes=first_boxes))
    return target


@dataclass
class FoldPhotos:
    """A fold's cascade and the photos it validated on (never trained on), with their ground truth."""

    predictor: Any  # `inference.Predictor` with its refiner taken out (``refine`` None): the first stage
    stage: Any  # the bundle's `inference.RefineStage`
    relpaths: list[str]
    images: list[np.ndarray]
    objects: list[list[tuple[str, Any]]]  # per photo: (class name, box) of each ground-truth object


def fold_photos(bundle: Path, root: Path) -> FoldPhotos:
    """`FoldPhotos` of the cascade ``bundle``, the photos read from ``root`` (the Oxford layout)."""
    from petloc_gui.model.inference import Predictor
    from petloc_gui.model.prepare import decode

    predictor = Predictor(bundle)
    stage = predictor.refine
    if stage is None:
        raise SystemExit(f"{bundle} has no refiner")
    predictor.refine = None
    relpaths = predictor.bundle.meta["splits"]["validation"]
    objects = [[(o.name, o.box) for o in read_voc(root / "annotations" / "xmls" / (Path(r).stem + ".xml")).objects]
               for r in relpaths]
    return FoldPhotos(predictor, stage, relpaths, [decode(root / r) for r in relpaths], objects)


def score_fold(bundle: Path, root: Path) -> dict[str, list]:
    from dataclasses import replace

    fold = fold_photos(bundle, root)
    predictor, stage, relpaths, images, objects = fold.predictor, fold.stage, fold.relpaths, fold.images, fold.objects
    first_probs, first_boxes = predictor.predict_raw(images)
    scores: dict[str, list] = {"relpaths": relpaths}

    def ious(probs, boxes):
        return [best_gt_match(obj, predictor.class_names[int(np.argmax(p))],
                              np.clip(b, 0, 1) * np.array([im.shape[1], im.shape[0]] * 2)).iou
                for obj, p, b, im in zip(objects, probs, boxes, images, strict=True)]

    variants = {"once": (1, 1.0), "twice": (2, 1.0), **{f"repass<{t}": (2, t) for t in THRESHOLDS if t < 1},
                **{f"three<{t}": (3, t) for t in THRESHOLDS if t < 1}}
    for name, (passes, below) in variants.items():
        calls: list[int] = []
        counted = replace(stage, passes=passes, repass_below=below,
                          run=lambda batch, run=stage.run, calls=calls: (calls.append(len(batch)), run(batch))[1])
        probs, boxes = counted(images, first_probs, first_boxes)
        scores[name] = ious(probs, boxes)
        scores[name + " crops"] = [sum(calls) / len(images)]
    scores["first stage"] = ious(first_probs, first_boxes)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--exclude-list", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--first-name", default="first_zoom")
    parser.add_argument("--name", default="cascade", help="folder of the fold's cascade (a refiner recipe)")
    parser.add_argument("--animal-share", type=float, default=0.0, help="RefineConfig.animal_share")
    parser.add_argument("--weight-ema", type=float, default=0.0, help="RefineConfig.weight_ema")
    parser.add_argument("--refiner-data", default=None,
                        help="the refiners train on this dataset ('{fold}' is the fold number; e.g. with "
                             "pseudo-labelled photos); the fold's photos are still scored against ../shared")
    parser.add_argument("--real-first-share", type=float, default=0.0, help="RefineConfig.real_first_share")
    parser.add_argument("--seed", type=int, default=0, help="RefineConfig.seed (the refiners' training seed)")
    parser.add_argument("--input-size", type=int, default=RefineConfig().input_size[0],
                        help="RefineConfig.input_size: the refiner's square crop side in pixels")
    parser.add_argument("--margin", type=float, default=RefineConfig().margin,
                        help="RefineConfig.margin: the crop's side over the first box's longer side")
    parser.add_argument("--keep-last", action="store_true",
                        help="each refiner keeps its last epoch (no early stop) instead of its best on validation")
    args = parser.parse_args()
    if args.keep_last:
        keep_last_epoch()
    config = RefineConfig(input_size=(args.input_size, args.input_size), margin=args.margin,
                          animal_share=args.animal_share,
                          weight_ema=args.weight_ema,
                          real_first_share=args.real_first_share, seed=args.seed)
    root = shared_dir() / "data" / "oxford-pets-3breeds"
    exclude = [line.strip() for line in args.exclude_list.read_text().splitlines() if line.strip()]
    first_boxes = out_of_fold_boxes(args.out, args.folds, args.first_name, root) if args.real_first_share else None
    per_fold = {}
    for fold in range(args.folds):
        train_root = Path(args.refiner_data.format(fold=fold)) if args.refiner_data else root
        bundle = cascade_bundle(args.out, fold, args.folds, args.first_name, train_root, exclude, args.name, config,
                                first_boxes)
        per_fold[fold] = score_fold(bundle, root)
        print(f"fold {fold}: " + "  ".join(f"{k} {np.mean(v):.3f}" for k, v in per_fold[fold].items()
                                             if k in ("first stage", "once", "twice", "repass<0.6")), flush=True)
    path = args.out / f"repass_{args.name}.json"
    path.write_text(json.dumps(per_fold))
    ious, crops = pooled_ious(path)
    print(f"pooled over {len(per_fold)} folds, n={len(ious['once'])}:")
    for name, by_photo in ious.items():
        values = np.array(list(by_photo.values()))
        print(f"  {name:12s} mean IoU {values.mean():.4f} IoU>=0.5 {np.mean(values >= 0.5):.3f} "
              f"IoU>=0.75 {np.mean(values >= 0.75):.3f} refiner crops/photo {crops.get(name, 0.0):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
