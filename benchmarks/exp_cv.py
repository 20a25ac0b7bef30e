"""Experiment driver (issue 9): compare refiner recipes by K-fold cross-validation.

    python benchmarks/exp_cv.py --out DIR --exclude-list FILE [--folds 4] [--fold K]
        [--first-name NAME --zoom-out P --zoom-range LOW HIGH --first-only]   # a first-stage variant
        [--data DIR --train-only FILE --epochs N]   # first stages on another dataset (self-training)
        [--label breed]   # first stages of the 3 breeds
        [--head centre]   # another first-stage box head
        [--weight-ema M --input-size N]   # the first stage's: a moving average of its weights; its input side
        [--seed K --cv-seed S]   # the first stages' training seed; another cut into folds

The 41 validation photos of the bundled split hold almost none of the first
stage's worst failure (a box around much of the animal, behind 7 of the 8
test failures), so they cannot choose between refiners aimed at it. Here the
188 boxed photos that are not test photos are cut into K folds (per photo,
from a hash of its relative path); for each fold a first stage is trained on
the other folds (the pets recipe, the fold choosing its epoch), then each
refiner recipe below on the same photos, and the cascade variants are scored
on the fold. Summed over the folds every non-test photo is scored once by
models that never trained on it. The 48 test photos are excluded throughout.
Prints one line per fold and recipe and the pooled figures at the end
(DIR/results.json keeps them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from preset_variant import use_variant

from petloc_gui.core.paths import shared_dir
from petloc_gui.core.text import counted
from petloc_gui.model import training_data
from petloc_gui.model.refine_training import RefineConfig, train_refiner
from petloc_gui.model.splits import split_key
from petloc_gui.model.training import TrainConfig, train

RECIPES = {
    "shipped": RefineConfig(epochs=60, patience=20),
    "wide_r6": RefineConfig(epochs=60, patience=20, scale_range=(0.5, 4.0), wide_scale_share=0.3,
                            animal_share=0.25),
}
CV_SEED = 7  # independent of the split's own key (seed 0); --cv-seed cuts other folds


def fold_of(relpath: str, folds: int) -> int:
    return min(folds - 1, int(split_key(relpath, CV_SEED) * folds))


def use_cv_seed(seed: int) -> None:
    """From now on in this process, folds are cut by ``seed`` (a run's folders hold one cut only)."""
    global CV_SEED
    CV_SEED = seed


def validate_on_fold(folds: int, fold: int) -> None:
    """From now on in this process, training validates on fold ``fold`` (and trains on the others)."""
    def fold_members(relpaths, labels, fraction, seed=0, forced=()):  # validation_members signature
        return {r for r in relpaths if fold_of(r, folds) == fold}

    training_data.validation_members = fold_members


def reuse_mismatch(first: Path, folds: int, fold: int, seed: int) -> str | None:
    """Why the first stage trained in ``first`` is not this run's fold ``fold`` (None: it is)."""
    meta = json.loads((first / "meta.json").read_text())
    if any(fold_of(r, folds) != fold for r in meta["splits"]["validation"]):
        return "its validation photos are not this fold's (another --cv-seed or --folds)"
    if meta["config"]["seed"] != seed:
        return f"it was trained with --seed {meta['config']['seed']}"
    return None


def first_stage_scores(bundle: Path, root: Path, label: str = "default") -> dict:
    """The first stage alone on its validation photos (= the fold); the true class as training
    reads it (``label`` "breed": the dataset's breed)."""
    from petloc_gui.core.metrics import evaluate
    from petloc_gui.core.voc import read_voc
    from petloc_gui.model.data import collect_samples
    from petloc_gui.model.inference import Predictor

    predictor = Predictor(bundle)
    predictor.refine = None
    relpaths = predictor.bundle.meta["splits"]["validation"]
    objects = [read_voc(root / "annotations" / "xmls" / (Path(r).stem + ".xml")).objects[0] for r in relpaths]
    predictions = predictor.predict_paths([root / r for r in relpaths])
    samples, _, _ = collect_samples(root, label)
    label_of = {s.relpath: s.label for s in samples}
    metrics = evaluate([label_of[r] for r in relpaths], [o.box for o in objects], [p.label for p in predictions],
                       [p.box for p in predictions], predictor.class_names)
    return {k: metrics[k] for k in ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")}


def run_fold(root: Path, exclude: list[str], folds: int, fold: int, out: Path, first_name: str = "first",
             refiners: bool = True, data: Path | None = None, train_only: list[str] | None = None,
             epochs: int | None = None, label: str = "default", seed: int = 0) -> dict:
    validate_on_fold(folds, fold)
    first = out / f"fold{fold}" / first_name
    results: dict = {"fold": fold}
    if (first / "meta.json").is_file():
        mismatch = reuse_mismatch(first, folds, fold, seed)
        if mismatch:
            raise SystemExit(f"{first} was trained before, but {mismatch}: give this run another --out")
    else:
        started = time.monotonic()
        train(data or root, TrainConfig(preset="pets", out_dir=str(first), exclude=exclude,
                                        train_only=train_only or [], epochs=epochs, label=label, seed=seed))
        print(f"fold {fold}: first stage {time.monotonic() - started:.0f} s", flush=True)
    scores = first_stage_scores(first, root, label)
    (first / "fold_scores.json").write_text(json.dumps(scores))
    print(f"fold {fold} {first_name} alone: {json.dumps(scores)}", flush=True)
    if not refiners:
        return results
    for name, config in RECIPES.items():
        result = train_refiner(first, root, config, exclude=exclude)
        # the whole fold, as before the refiner chose on its selection part only (ADR 0004's figures)
        variants = whole_fold(result["validation_variants"], result["report_variants"])
        results[name] = {"best_epoch": result["best_epoch"], "variants": variants,
                         "selection_variants": result["validation_variants"],
                         "report_variants": result["report_variants"]}
        print(f"fold {fold} {name}: " + "  ".join(
            f"{v} {m['mean_iou']:.3f}/{m['iou_ge_50']:.3f}" for v, m in variants.items()), flush=True)
    (out / f"fold{fold}" / "results.json").write_text(json.dumps(results, indent=1))
    return results


def whole_fold(selection: dict, report: dict) -> dict:
    """Each variant's figures on the whole fold: ``selection`` (`train_refiner`'s validation_variants: the
    photos that chose the refiner's epoch and variant) and ``report`` (the others) weighted by their
    photos. The refiner's choice sees the selection part only; the whole fold scores every photo once."""
    out = {}
    for variant, chose in selection.items():
        parts = [part for part in (chose, report.get(variant)) if part and part.get("n_images")]
        n = sum(part["n_images"] for part in parts)
        if not n:  # no photo in either part: nothing to weigh
            out[variant] = dict(chose)
            continue
        out[variant] = {"n_images": n, **{key: sum(part[key] * part["n_images"] for part in parts) / n
                                          for key in chose if key != "n_images" and all(key in p for p in parts)}}
    return out


def pooled(out: Path, folds: int) -> None:
    """Each recipe's variants pooled over the folds whose results.json holds whole-fold figures. A fold
    written before exp_cv kept the report part has no "report_variants": its "variants" are on the selection
    part only (or were chosen on the whole fold, before that), so it is named and left out, never mixed in."""
    found = {k: json.loads((out / f"fold{k}" / "results.json").read_text()) for k in range(folds)
             if (out / f"fold{k}" / "results.json").is_file()}
    old = [k for k, row in found.items() if not all("report_variants" in row.get(name, {}) for name in RECIPES)]
    if old:
        print(f"left out: fold{'s' if len(old) > 1 else ''} {', '.join(map(str, old))}, whose results.json was "
              "written before exp_cv scored each fold's report part (its figures are on the selection part only, "
              "or on photos that chose the refiner): rerun each with --fold K (its first stage is reused)")
    rows = [row for k, row in found.items() if k not in old]
    if not rows:
        return
    print(f"pooled over {counted(len(rows), 'fold')} (each refiner variant on every photo of each fold: its selection "
          "and report parts):")
    for name in RECIPES:
        variants = rows[0][name]["variants"].keys()
        for variant in variants:
            n = sum(r[name]["variants"][variant]["n_images"] for r in rows)
            figures = {key: sum(r[name]["variants"][variant][key] * r[name]["variants"][variant]["n_images"]
                                for r in rows) / n for key in ("mean_iou", "iou_ge_50", "iou_ge_75")}
            print(f"  {name:8s} {variant:28s} n={n} mean IoU {figures['mean_iou']:.3f} "
                  f"IoU>=0.5 {figures['iou_ge_50']:.3f} IoU>=0.75 {figures['iou_ge_75']:.3f}")


def pooled_first(out: Path, folds: int) -> None:
    """Every first stage variant found (fold*/NAME/fold_scores.json), pooled over its folds."""
    names = sorted({p.parent.name for p in out.glob("fold*/*/fold_scores.json")})
    for name in names:
        rows = [json.loads(p.read_text()) for p in sorted(out.glob(f"fold*/{name}/fold_scores.json"))]
        n = sum(r["n_images"] for r in rows)
        figures = {k: sum(r[k] * r["n_images"] for r in rows) / n for k in ("accuracy", "mean_iou", "iou_ge_50")}
        print(f"  first stage {name:14s} folds {len(rows)} n={n} accuracy {figures['accuracy']:.3f} "
              f"mean IoU {figures['mean_iou']:.3f} IoU>=0.5 {figures['iou_ge_50']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--exclude-list", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--fold", type=int, default=None, help="train this fold only (default: all, in turn)")
    parser.add_argument("--pool", action="store_true", help="only print the pooled figures")
    parser.add_argument("--first-name", default="first", help="folder of the fold's first stage")
    parser.add_argument("--zoom-out", type=float, default=None, help="the pets preset's zoom_out share")
    parser.add_argument("--first-only", action="store_true", help="train and score the first stages only")
    parser.add_argument("--zoom-range", type=float, nargs=2, default=None, help="augment.ZOOM_OUT_RANGE")
    parser.add_argument("--data", type=Path, default=None,
                        help="first stages train on this dataset (e.g. with pseudo-labelled photos; the fold's "
                             "photos are still scored against ../shared's boxes)")
    parser.add_argument("--train-only", type=Path, default=None, help="file of relpaths that only train")
    parser.add_argument("--epochs", type=int, default=None, help="first-stage epochs (default: the preset's)")
    parser.add_argument("--label", default="default", choices=["default", "breed"], help="the classes trained")
    parser.add_argument("--head", default=None, help="the first stage's box head (networks.BOX_HEADS)")
    parser.add_argument("--weight-ema", type=float, default=None, help="the pets preset's weight_ema")
    parser.add_argument("--input-size", type=int, default=None, help="the pets preset's (square) input side")
    parser.add_argument("--seed", type=int, default=0,
                        help="TrainConfig.seed: the first stages' initialisation, order and augmentation, and which "
                             "half of the fold picks the epoch (not the folds)")
    parser.add_argument("--cv-seed", type=int, default=CV_SEED, help="the key that cuts the photos into folds")
    args = parser.parse_args()
    use_cv_seed(args.cv_seed)
    train_only = ([line.strip() for line in args.train_only.read_text().splitlines() if line.strip()]
                  if args.train_only else None)
    if args.zoom_range is not None:
        from petloc_gui.model import augment

        augment.ZOOM_OUT_RANGE = tuple(args.zoom_range)
    use_variant("pets", zoom_out=args.zoom_out, box_head=args.head, weight_ema=args.weight_ema,
                input_size=(args.input_size,) * 2 if args.input_size else None)
    root = shared_dir() / "data" / "oxford-pets-3breeds"
    exclude = [line.strip() for line in args.exclude_list.read_text().splitlines() if line.strip()]
    if not args.pool:
        for fold in ([args.fold] if args.fold is not None else range(args.folds)):
            run_fold(root, exclude, args.folds, fold, args.out, args.first_name, not args.first_only,
                     args.data, train_only, args.epochs, args.label, args.seed)
    pooled_first(args.out, args.folds)
    if not args.first_only:
        pooled(args.out, args.folds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
