"""Rewrite an older bundled model's meta.json in the current format, honestly.

Adds ``splits`` and ``images`` (file hashes) and removes paths of the machine
that trained it. The train list is rebuilt from the data folder (the 3-breed
pets folder in ../shared, or the digits folder regenerated exactly as
`train_bundled_models.py` writes it) as "every usable image that was neither
in validation nor excluded", and is accepted only when the rebuilt set
reproduces the fingerprint recorded at training time.

``rescore-validation digits``: the bundled digits model's ``validation_metrics`` were recorded by its
training run under the old class-blind rule (a box scored its IoU whatever class was predicted);
this re-scores them with `petloc evaluate --split validation --json` (best-gt, the rule ``metrics``
and evaluate use; figures rounded to 4 places, as --json prints them) on the training canvases
regenerated exactly as `train_bundled_models.py` writes them, and keeps the old IoU figures under
``ignoring_class`` with a note, as ``metrics`` does. Usage:
    python benchmarks/upgrade_bundled_meta.py pets|digits [BUNDLE_DIR]
    python benchmarks/upgrade_bundled_meta.py rescore-validation digits [BUNDLE_DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.paths import resources_dir, shared_dir
from petloc_gui.model.bundle import file_sha256
from petloc_gui.model.bundle_write import write_meta
from petloc_gui.model.data import collect_samples, fingerprint


def upgrade(meta: dict, root: Path) -> dict:
    training = meta["training_data"]
    test = list((meta.get("test_split") or {}).get("images") or [])
    excluded = [Path(p).as_posix() for p in training.get("excluded") or []]
    samples, _, _ = collect_samples(root, "default", excluded)
    if fingerprint(samples) != training["fingerprint"]:
        raise SystemExit(f"{root}: the data does not reproduce the recorded fingerprint; not converting")
    validation = sorted(meta["validation_split"]["images"])
    by_rel = {s.relpath: s for s in samples}
    if not set(validation) <= set(by_rel):
        raise SystemExit("validation images missing from the data; not converting")
    train = sorted(set(by_rel) - set(validation))
    if len(train) != training["n_train"]:
        raise SystemExit(f"rebuilt {len(train)} training images, meta says {training['n_train']}; not converting")
    images = {}
    for rel in sorted(train + validation + test):
        image = root / rel
        annotation = by_rel[rel].annotation_path if rel in by_rel else _annotation_of(root, rel)
        images[rel] = {"sha256": file_sha256(image),
                       "annotation_sha256": file_sha256(annotation) if annotation else None}
    meta["splits"] = {"train": train, "validation": validation, "test": sorted(test)}
    meta["images"] = images
    training.pop("root", None)
    training["root_name"] = root.name if "petloc-digits-" not in str(root) else "train"
    training.pop("excluded", None)
    training.update(n_validation=len(validation), n_test=len(test), n_excluded=len(excluded))
    meta["config"].pop("out_dir", None)
    weights = (meta.get("backbone") or {}).get("initial_weights")
    if isinstance(weights, dict) and "path" in weights:
        weights["file"] = Path(weights.pop("path")).name
    meta["validation_split"]["rule"] = ("seeded per-class permutation (petloc before the stable split); "
                                        "converted to this format by benchmarks/upgrade_bundled_meta.py")
    return meta


def _annotation_of(root: Path, rel: str) -> Path | None:
    from petloc_gui.core.dataset import open_dataset

    for item in open_dataset(root).items:
        if item.image_path.resolve() == (root / rel).resolve():
            return item.annotation_path if item.has_annotation else None
    return None


CLASS_BLIND_KEYS = ("mean_iou", "median_iou", "iou_ge_50", "iou_ge_75")
RESCORED_NOTE = ("re-scored under the best-gt rule (a wrong class scores IoU 0) by `petloc evaluate --split "
                 "validation --json` on the 199 validation digits (benchmarks/upgrade_bundled_meta.py "
                 "rescore-validation); ignoring_class: the box alone, as the training run recorded it; "
                 "loss: the training run's")


def rescore_validation(bundle: Path, meta: dict) -> dict:
    """``meta`` with ``validation_metrics`` re-scored by `petloc evaluate --split validation` (best-gt)."""
    from petloc_gui.cli.main import main as petloc
    from petloc_gui.core.digits import write_digits_dataset

    old = meta["validation_metrics"]
    if old.get("matching") == "best-gt":
        raise SystemExit(f"{bundle}: validation_metrics are already best-gt; not re-scoring")
    with tempfile.TemporaryDirectory(prefix="petloc-digits-") as tmp:
        root = Path(tmp) / "train"
        write_digits_dataset(root, "train", seed=0)  # as train_bundled_models.py writes them
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = petloc(["evaluate", str(root), "--model", str(bundle), "--split", "validation", "--json"])
    if code != 0:
        raise SystemExit(f"petloc evaluate failed ({code}); meta.json unchanged")
    report = json.loads(out.getvalue().splitlines()[-1])
    if report["n_images"] != old["n_images"]:
        raise SystemExit(f"evaluated {report['n_images']} validation digits, meta says {old['n_images']}; unchanged")
    keys = ("accuracy", "mean_iou", "median_iou", "iou_ge_50", "iou_ge_75", "n_images", "matching", "per_class")
    meta["validation_metrics"] = {
        **{key: report[key] for key in keys},
        "class_names": report["confusion"]["labels"], "confusion": report["confusion"]["matrix"],
        "ignoring_class": {key: old[key] for key in CLASS_BLIND_KEYS},
        "loss": old.get("loss"), "split": old["split"], "note": RESCORED_NOTE,
    }
    return meta


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line (``--help`` prints the usage; before, it was taken for a bundle's name)."""
    parser = argparse.ArgumentParser(
        prog="upgrade_bundled_meta.py",
        description="Rewrite an older bundled model's meta.json in the current format (splits, image hashes), "
                    "or re-score the bundled digits model's class-blind validation figures under best-gt.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{pets,digits,rescore-validation}")
    for name in ("pets", "digits"):
        convert = commands.add_parser(name, help=f"convert the {name} bundle's meta.json (accepted only when the "
                                                 "rebuilt training set reproduces its recorded fingerprint)")
        convert.add_argument("bundle_dir", nargs="?", type=Path, metavar="BUNDLE_DIR",
                             help=f"the bundle folder (default: resources/models/{name})")
    rescore = commands.add_parser("rescore-validation", help="re-score a bundle's validation_metrics with "
                                                             "`petloc evaluate --split validation` (digits only)")
    # optional here, so that a missing or other bundle name is refused with the reason, not argparse's words
    rescore.add_argument("model", nargs="?", metavar="digits", help="the bundle: digits (the only one scored "
                                                                   "class-blind)")
    rescore.add_argument("bundle_dir", nargs="?", type=Path, metavar="BUNDLE_DIR",
                         help="the bundle folder (default: resources/models/digits)")
    return parser.parse_args(argv)


def read_bundle_meta(bundle: Path) -> dict:
    """The bundle's meta.json, or a one-line exit that says why not."""
    try:
        return json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"{bundle}: no meta.json there; nothing converted") from None
    except (OSError, ValueError) as exc:
        raise SystemExit(f"{bundle}/meta.json cannot be read ({exc}); nothing converted") from None


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.command == "rescore-validation":
        if args.model != "digits":
            raise SystemExit("rescore-validation: only the digits bundle's validation figures are class-blind")
        bundle = args.bundle_dir or resources_dir() / "models" / "digits"
        meta = read_bundle_meta(bundle)
        write_meta(bundle, rescore_validation(bundle, meta))
        print(f"{bundle}: validation_metrics re-scored under best-gt")
        return 0
    name = args.command
    bundle = args.bundle_dir or resources_dir() / "models" / name
    meta = read_bundle_meta(bundle)
    if "splits" in meta:
        print(f"{bundle}: already converted")
        return 0
    if name == "pets":
        root = shared_dir() / "data" / "oxford-pets-3breeds"
        meta = upgrade(meta, root)
    else:
        from petloc_gui.core.digits import write_digits_dataset

        with tempfile.TemporaryDirectory(prefix="petloc-digits-") as tmp:
            root = Path(tmp) / "train"
            write_digits_dataset(root, "train", seed=0)
            meta = upgrade(meta, root)
    write_meta(bundle, meta)
    print(f"{bundle}: converted ({len(meta['splits']['train'])} train, {len(meta['splits']['validation'])} "
          f"validation, {len(meta['splits']['test'])} test)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
