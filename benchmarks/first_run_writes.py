"""Wall time and fsync count of the two big writers of a first use: the bundled demo and `petloc digits`.

For each checkout given (default: this one), in a child process of its own (its code, a fresh data folder):

- ``demo_s`` / ``demo_fsyncs``: `app.demo_folder.ensure_demo_folder` on its first run (the window's
  "Preparing the demo folder" before the first image is painted);
- ``digits_s`` / ``digits_fsyncs``: ``petloc digits OUT --split train --count N`` run in the child
  (the digits already parsed once, so the time is the writing's).

The folders are made under ``--dir`` (default: a temporary folder beside this checkout, on its disk: a
tmpfs would make every fsync free). Before / after, side by side on the same machine and disk:

    .venv/bin/python benchmarks/first_run_writes.py --checkout ../main --checkout . [--count 200]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]

# Run in the child, with the checkout measured first on sys.path: prints one JSON line.
CHILD = r"""
import json, os, sys, time
from pathlib import Path
calls = [0]
real_fsync = os.fsync
def counted(fd):
    calls[0] += 1
    real_fsync(fd)
os.fsync = counted
import petloc_gui
from petloc_gui.app.demo_folder import ensure_demo_folder
from petloc_gui.cli.main import main
from petloc_gui.core.digits import split_size
split_size("train")  # the digits parsed before the clock starts: both sides pay it once
start = time.perf_counter()
ensure_demo_folder()
demo_s, demo_fsyncs = time.perf_counter() - start, calls[0]
calls[0] = 0
start = time.perf_counter()
code = main(["digits", sys.argv[1], "--split", "train", "--count", sys.argv[2]])
digits_s, digits_fsyncs = time.perf_counter() - start, calls[0]
assert code == 0, code
print(json.dumps({"module": petloc_gui.__file__, "demo_s": demo_s, "demo_fsyncs": demo_fsyncs, "digits_s": digits_s,
                  "digits_fsyncs": digits_fsyncs}))
"""


def measure(checkout: Path, count: int, where: Path) -> dict[str, Any]:
    """One checkout's figures, in a fresh data folder and OUT under ``where``."""
    work = Path(tempfile.mkdtemp(prefix="first-run-", dir=where))
    env = dict(os.environ, PYTHONPATH=str(checkout), PETLOC_DATA_DIR=str(work / "data"),
               PETLOC_CACHE_DIR=str(work / "cache"), TF_CPP_MIN_LOG_LEVEL="2")
    done = subprocess.run([sys.executable, "-c", CHILD, str(work / "digits"), str(count)], env=env,
                          capture_output=True, text=True, check=False,
                          cwd=work)  # `-c` puts the working folder first on sys.path: not a checkout
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: the run failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(figures.pop("module")).is_relative_to(checkout):  # another checkout's code measured
        raise SystemExit(f"{checkout}: the child imported petloc_gui from elsewhere")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", action="append", type=Path, default=None,
                        help="a petloc checkout to measure (repeat for before / after; default: this one)")
    parser.add_argument("--count", type=int, default=200, help="--count of the digits run (default 200)")
    parser.add_argument("--dir", type=Path, default=None, help="where the folders are written (default: beside "
                        "this checkout, on its disk)")
    parser.add_argument("--repeats", type=int, default=1, help="runs per checkout, each printed")
    args = parser.parse_args()
    checkouts = args.checkout or [HERE]
    with tempfile.TemporaryDirectory(prefix=".first-run-writes-", dir=args.dir or HERE.parent) as where:
        print(f"{'checkout':40} {'demo_s':>8} {'demo_fsyncs':>12} {'digits_s':>9} {'digits_fsyncs':>14}"
              f"   (digits --count {args.count})")
        for _ in range(args.repeats):
            for checkout in checkouts:
                row = measure(checkout.resolve(), args.count, Path(where))
                print(f"{checkout!s:40} {row['demo_s']:8.2f} {row['demo_fsyncs']:12d} {row['digits_s']:9.2f} "
                      f"{row['digits_fsyncs']:14d}", flush=True)


if __name__ == "__main__":
    main()
