"""What a save costs the window's trained-here check (`model.trained_here`) on a big folder, every image's hash kept.

    .venv/bin/python benchmarks/trained_here_save_check.py [--count 20000] [--repeats 5]

Writes, in a temporary folder, COUNT small images with an annotation each and a model folder whose meta.json records
the folder as its training folder (80% train, 10% validation, 10% test, each image with its sha256, size and
annotation's sha256), runs the whole check once (every image hashed: the memo a window keeps), then times, per save:
the whole check again with that memo (what each save ran: a stat, a relpath and a match for every image) and
`reboxed_again` (the last answer kept; the validation images' annotations read). Median wall and CPU time (this
thread's) of REPEATS runs each; the files stay in the page cache (a network share costs the whole check more).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _folder(root: Path, count: int) -> tuple[Path, list[tuple[str, str]]]:
    from petloc_gui.model.bundle import file_sha256

    data = root / "photos"
    data.mkdir()
    images, recorded = [], {}
    for n in range(count):
        image, annotation = data / f"IMG_{n:05d}.jpg", data / f"IMG_{n:05d}.xml"
        image.write_bytes(n.to_bytes(4, "big") * (256 + n % 997))  # its own bytes and (mostly) its own size
        annotation.write_text(f"<annotation><filename>{image.name}</filename></annotation>", encoding="utf-8")
        images.append((str(image), str(annotation)))
        recorded[image.name] = {"sha256": file_sha256(image), "annotation_sha256": file_sha256(annotation),
                                "size": image.stat().st_size}
    names = sorted(recorded)
    tenth = count // 10
    model = root / "model"
    model.mkdir()
    meta = {"class_names": ["cat", "dog"], "images": recorded, "training_data": {"root_name": data.name},
            "splits": {"train": names[2 * tenth:], "validation": names[:tenth], "test": names[tenth:2 * tenth]}}
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return model, images


def _timed(run, repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.thread_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.thread_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    from petloc_gui.model.trained_here import check_trained_here, reboxed_again

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="petloc-save-check-") as temp:
        model, images = _folder(Path(temp), args.count)
        root = Path(images[0][0]).parent
        first = list(check_trained_here(model, root, images, {}))[-1]
        print(f"{args.count} images: {first.count} trained on, {first.measured_here} validation images here")
        whole = _timed(lambda: list(check_trained_here(model, root, images, first.memo)), args.repeats)
        again = list(reboxed_again(model, root, first))[-1]
        assert (again.count, again.measured_here, again.reboxed) == (first.count, first.measured_here, 0)
        kept = _timed(lambda: list(reboxed_again(model, root, first)), args.repeats)
        for what, (wall, cpu) in (("whole check, hashes kept (before)", whole), ("reboxed_again (after)", kept)):
            print(f"per save, {what}: {wall:.3f} s wall, {cpu:.3f} s CPU")
        print(f"(python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
