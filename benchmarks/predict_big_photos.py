"""Peak memory and time of `petloc predict` on a folder of phone-size photos, before and after.

Makes ``--count`` JPEGs of 4000x3000 (12 MP, as phone cameras give; Oxford pets photos upscaled)
and runs ``petloc predict FOLDER --json --batch-size B`` (the bundled pets cascade, the default
model for an unannotated folder) in a child process with the code before (``--before REV``, checked
out with ``git worktree``, or the checkout PETLOC_BENCH_CODE names) and with this checkout, one after
the other, ``--rounds`` times. It prints each run's peak RSS (``os.wait4``'s ``ru_maxrss``) and
wall time side by side, and whether both codes gave the same predictions (label, and the box to
0.01 px). Usage:

    python benchmarks/predict_big_photos.py [--count 40] [--before REV] [--batch-size 32] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = Path("/work/shared/data/oxford-pets-3breeds/images")
SIZE = (4000, 3000)


def make_photos(folder: Path, count: int, source: Path, size: tuple[int, int] = SIZE, first: int = 8) -> None:
    """``count`` JPEGs of ``size`` (4000x3000; quality 90), upscaled from the ``first`` photos of ``source``."""
    names = sorted(p for p in source.glob("*.jpg"))[:first]
    big = []
    for name in names:
        image = cv2.imread(str(name), cv2.IMREAD_COLOR)
        if image is not None:
            big.append(cv2.resize(image, size, interpolation=cv2.INTER_CUBIC))
    if not big:
        sys.exit(f"no readable JPEG in {source}")
    for i in range(count):
        cv2.imwrite(str(folder / f"big_{i:03d}.jpg"), big[i % len(big)], [cv2.IMWRITE_JPEG_QUALITY, 90])


def run_predict(code: Path, folder: Path, batch_size: int) -> tuple[float, float, dict[str, dict]]:
    """``(peak RSS in MB, seconds, {file name: record})`` of one `petloc predict` run with ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code), "TF_CPP_MIN_LOG_LEVEL": "3"}
    command = [sys.executable, "-m", "petloc_gui.cli", "predict", str(folder), "--json",
               "--batch-size", str(batch_size)]
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=code, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode().splitlines()
    if child.returncode != 0:
        sys.exit(f"petloc predict with {code} exited {child.returncode}")
    records = {Path(r["image"]).name: r for r in map(json.loads, lines)}
    return usage.ru_maxrss / 1024.0, seconds, records  # ru_maxrss: kilobytes on Linux


def agree(before: dict[str, dict], after: dict[str, dict]) -> str:
    """'same' or what differs between two runs' records."""
    if before.keys() != after.keys():
        return f"different images: {sorted(before.keys() ^ after.keys())[:3]}"
    worst, labels = 0.0, 0
    for name, old in before.items():
        new = after[name]
        labels += old.get("label") != new.get("label")
        pairs = zip(old.get("box") or [], new.get("box") or [], strict=True)
        worst = max([worst] + [abs(a - b) for a, b in pairs if a is not None and b is not None])
    return f"{'same labels' if not labels else f'{labels} labels differ'}, boxes within {worst:.4f} px"


def before_code(rev: str, keep: Path) -> Path:
    """PETLOC_BENCH_CODE, or a detached `git worktree` of ``rev`` under ``keep``."""
    given = os.environ.get("PETLOC_BENCH_CODE")
    if given:
        return Path(given)
    tree = keep / "before"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=40, help="4000x3000 photos to predict (default 40)")
    parser.add_argument("--before", default="HEAD", help="the code before: a git revision (default HEAD)")
    parser.add_argument("--batch-size", type=int, default=32, help="petloc predict --batch-size (default 32)")
    parser.add_argument("--rounds", type=int, default=1, help="before/after pairs to run (default 1)")
    parser.add_argument("--photos", type=Path, default=PHOTOS, help="where the photos to upscale are")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="petloc-big-") as tmp:
        keep = Path(tmp)
        folder = keep / "photos"
        folder.mkdir()
        make_photos(folder, args.count, args.photos)
        old = before_code(args.before, keep)
        try:
            print(f"{args.count} photos of {SIZE[0]}x{SIZE[1]}, --batch-size {args.batch_size}; "
                  f"before: {old}, after: {ROOT}")
            print(f"{'round':>5}  {'before MB':>9}  {'before s':>8}  {'after MB':>8}  {'after s':>7}  predictions")
            for i in range(args.rounds):
                old_mb, old_s, old_records = run_predict(old, folder, args.batch_size)
                new_mb, new_s, new_records = run_predict(ROOT, folder, args.batch_size)
                print(f"{i + 1:>5}  {old_mb:>9.0f}  {old_s:>8.1f}  {new_mb:>8.0f}  {new_s:>7.1f}  "
                      f"{agree(old_records, new_records)}", flush=True)
        finally:
            if not os.environ.get("PETLOC_BENCH_CODE"):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)


if __name__ == "__main__":
    main()
