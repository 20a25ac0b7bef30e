"""Time `open_dataset` on 10,000 images (sidecar flat and nested, Oxford layout).

Images are zero-byte files named .jpg: indexing must never decode, so their
content does not matter. Half of them get an annotation. Prints one
`name=value` line per measurement (best of 3, seconds).

    .venv/bin/python benchmarks/index_folder.py [--count 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.dataset import open_dataset


def _build_sidecar(root: Path, count: int) -> None:
    for n in range(count):
        (root / f"img{n}.jpg").write_bytes(b"")
        if n % 2 == 0:
            (root / f"img{n}.xml").write_bytes(b"")


def _build_nested(root: Path, count: int, folders: int = 100) -> None:
    """The sidecar layout spread over ``folders`` subfolders (recursive scan)."""
    for n in range(count):
        folder = root / f"batch{n % folders}"
        folder.mkdir(exist_ok=True)
        (folder / f"img{n}.jpg").write_bytes(b"")
        if n % 2 == 0:
            (folder / f"img{n}.xml").write_bytes(b"")


def _build_oxford(root: Path, count: int) -> None:
    images = root / "images"
    xmls = root / "annotations" / "xmls"
    images.mkdir()
    xmls.mkdir(parents=True)
    lines = []
    for n in range(count):
        stem = f"Abyssinian_{n}" if n % 2 else f"boxer_{n}"
        (images / f"{stem}.jpg").write_bytes(b"")
        if n % 2 == 0:
            (xmls / f"{stem}.xml").write_bytes(b"")
        lines.append(f"{stem} {1 if n % 2 else 4} {1 if n % 2 else 2} 1")
    (root / "annotations" / "list.txt").write_text("\n".join(lines) + "\n")
    half = len(lines) // 2
    (root / "annotations" / "trainval.txt").write_text("\n".join(lines[:half]) + "\n")
    (root / "annotations" / "test.txt").write_text("\n".join(lines[half:]) + "\n")


def _best_of(root: Path, repeats: int, count: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        dataset = open_dataset(root)
        best = min(best, time.perf_counter() - start)
        if len(dataset) != count or dataset.annotated_count != (count + 1) // 2:
            raise SystemExit(f"wrong index: {len(dataset)} items, {dataset.annotated_count} annotated")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="petloc-bench-") as tmp:
        sidecar = Path(tmp) / "sidecar"
        sidecar.mkdir()
        _build_sidecar(sidecar, args.count)
        print(f"index_{args.count}_images_s={_best_of(sidecar, args.repeats, args.count):.4f}")
        nested = Path(tmp) / "nested"
        nested.mkdir()
        _build_nested(nested, args.count)
        print(f"index_{args.count}_images_in_100_folders_s="
              f"{_best_of(nested, args.repeats, args.count):.4f}")
        oxford = Path(tmp) / "oxford"
        oxford.mkdir()
        _build_oxford(oxford, args.count)
        print(f"index_oxford_{args.count}_images_s={_best_of(oxford, args.repeats, args.count):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
