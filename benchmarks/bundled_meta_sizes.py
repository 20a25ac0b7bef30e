"""Adds each image's size in bytes to the bundled models' meta.json ``images`` records, where it is exact.

    .venv/bin/python benchmarks/bundled_meta_sizes.py [--pets ../shared/data/oxford-pets-3breeds]
                                                      [--digits-folder DIR]

Runs now record "size" beside "sha256" (`model.image_files_record`): the window's trained-here check stats a
folder's images and hashes only those of a training image's size. The bundled models were trained before that; a
size is added only to an entry whose file is found with the recorded sha256 (pets: its training folder in
../shared; digits: the canvases regenerated as `train_bundled_models.py` wrote them, `write_digits_dataset(...,
"train", seed=0)`, or DIR holding them already). An entry whose file is missing or differs gets no size (the check
then reads images up to its budget for that model). No other value of meta.json changes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def add_sizes(meta_path: Path, folder: Path) -> tuple[int, int]:
    """(entries given a size, entries left without one); meta.json rewritten as it was written (indent 2)."""
    from petloc_gui.model.bundle import sha256_or_none

    text = meta_path.read_text(encoding="utf-8")
    meta = json.loads(text)
    if json.dumps(meta, indent=2) + "\n" != text:
        raise SystemExit(f"{meta_path} is not written as json.dumps(indent=2): not rewritten")
    sized = left = 0
    for relpath, entry in meta["images"].items():
        path = folder / relpath
        if entry.get("sha256") is not None and sha256_or_none(path) == entry["sha256"]:
            entry["size"] = path.stat().st_size
            sized += 1
        else:
            left += 1
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return sized, left


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pets", type=Path, default=ROOT.parent / "shared/data/oxford-pets-3breeds")
    parser.add_argument("--digits-folder", type=Path, help="the training canvases, written already")
    args = parser.parse_args()
    sized, left = add_sizes(ROOT / "resources/models/pets/meta.json", args.pets)
    print(f"pets: {sized} sized, {left} left without")
    digits = args.digits_folder
    if digits is None:
        from petloc_gui.core.digits import write_digits_dataset

        digits = Path(tempfile.mkdtemp()) / "train"
        write_digits_dataset(digits, "train", seed=0)
    sized, left = add_sizes(ROOT / "resources/models/digits/meta.json", digits)
    print(f"digits: {sized} sized, {left} left without")


if __name__ == "__main__":
    main()
