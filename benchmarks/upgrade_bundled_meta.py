"""Rewrite an older bundled model's meta.json in the current format, honestly.

Adds ``splits`` and ``images`` (file hashes) and removes paths of the machine
that trained it. The train list is rebuilt from the data folder (the 3-breed
pets folder in ../shared, or the digits folder regenerated exactly as
`train_bundled_models.py` writes it) as "every usable image that was neither
in validation nor excluded", and is accepted only when the rebuilt set
reproduces the fingerprint recorded at training time. Usage:
    python benchmarks/upgrade_bundled_meta.py pets|digits [BUNDLE_DIR]
"""

from __future__ import annotations

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


def main(argv: list[str]) -> int:
    name = argv[0]
    bundle = Path(argv[1]) if len(argv) > 1 else resources_dir() / "models" / name
    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
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
