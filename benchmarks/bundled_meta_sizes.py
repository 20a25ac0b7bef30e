"""Adds each image's size in bytes, and its annotation's scored objects' hash, to the bundled models' meta.json
``images`` records, where they are exact.

    .venv/bin/python benchmarks/bundled_meta_sizes.py [--pets ../shared/data/oxford-pets-3breeds]
                                                      [--digits-folder DIR]

Runs now record "size" beside "sha256" (`model.image_files_record`): the window's trained-here check stats a
folder's images and hashes only those of a training image's size. The bundled models were trained before that; a
size is added only to an entry whose file is found with the recorded sha256 (pets: its training folder in
../shared; digits: the canvases regenerated as `train_bundled_models.py` wrote them, `write_digits_dataset(...,
"train", seed=0)`, or DIR holding them already). An entry whose file is missing or differs gets no size (the check
then reads images up to its budget for that model).

Runs record "objects_sha256" too (`core.scored_objects`): what tells a re-box of a held-out image from a Verified
mark, which changes the annotation's bytes alone. It is added only to an entry whose annotation is found with the
recorded annotation_sha256 (the file the run read), by the label rule of the bundle's run (`bundle.trained_label`:
a breed run hashes every box as ("", box)), read on the image's own size as a run reads it; an entry whose
annotation is missing or differs gets none (a change to it is then said by its bytes). No other value of meta.json
changes: an entry's existing fields are left as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def add_sizes(meta_path: Path, folder: Path) -> tuple[int, int, int]:
    """(entries given a size, entries left without one, entries given their objects' hash); meta.json rewritten as
    it was written (indent 2)."""
    from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
    from petloc_gui.model.bundle import sha256_or_none, trained_label

    text = meta_path.read_text(encoding="utf-8")
    meta = json.loads(text)
    if json.dumps(meta, indent=2) + "\n" != text:
        raise SystemExit(f"{meta_path} is not written as json.dumps(indent=2): not rewritten")
    annotations = _annotations(folder)
    breed = trained_label(meta) == "breed"
    sized = left = hashed = 0
    for relpath, entry in meta["images"].items():
        path = folder / relpath
        if entry.get("sha256") is not None and sha256_or_none(path) == entry["sha256"]:
            entry["size"] = path.stat().st_size
            sized += 1
        else:
            left += 1
        annotation = annotations.get(relpath)
        was = entry.get("annotation_sha256")
        if OBJECTS_KEY not in entry and was is not None and sha256_or_none(annotation) == was:
            objects = objects_sha256(annotation, path, breed)
            if objects is not None:
                entry[OBJECTS_KEY] = objects
                hashed += 1
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return sized, left, hashed


def _annotations(folder: Path) -> dict[str, Path]:
    """Each annotated image's annotation in ``folder``, by its relative path as meta.json names it (the index a
    run reads the folder by: Oxford's annotations/xmls, or an .xml beside the image)."""
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.model.data import relpath_in

    dataset = open_dataset(folder)
    root = Path(dataset.root)
    return {relpath_in(Path(item.image_path), root): Path(item.annotation_path)
            for item in dataset.items if item.has_annotation}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pets", type=Path, default=ROOT.parent / "shared/data/oxford-pets-3breeds")
    parser.add_argument("--digits-folder", type=Path, help="the training canvases, written already")
    args = parser.parse_args()
    sized, left, hashed = add_sizes(ROOT / "resources/models/pets/meta.json", args.pets)
    print(f"pets: {sized} sized, {left} left without; {hashed} given their objects' hash")
    digits = args.digits_folder
    if digits is None:
        from petloc_gui.core.digits import write_digits_dataset

        digits = Path(tempfile.mkdtemp()) / "train"
        write_digits_dataset(digits, "train", seed=0)
    sized, left, hashed = add_sizes(ROOT / "resources/models/digits/meta.json", digits)
    print(f"digits: {sized} sized, {left} left without; {hashed} given their objects' hash")


if __name__ == "__main__":
    main()
