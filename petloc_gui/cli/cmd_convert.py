"""`petloc convert`: VOC datasets to YOLO / COCO, and YOLO / COCO back to VOC."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.cli.args import path_arg, refuse_outside_mode
from petloc_gui.cli.orphan_annotations_note import orphan_annotations_note
from petloc_gui.cli.output import ProgressBar, error, info, json_line, show
from petloc_gui.cli.reference import CLI_REFERENCE
from petloc_gui.cli.taken_back import take_back
from petloc_gui.core.text import counted, first_of, visible

if TYPE_CHECKING:
    from petloc_gui.core.interop.taken_back import TakenBack

NAME = "convert"
HELP = "convert a VOC dataset to YOLO or COCO (--to), or YOLO / COCO to VOC (--from)"
EPILOG = f"""\
--to yolo writes OUT/images/, OUT/labels/*.txt (`class cx cy w h`,
normalised), OUT/classes.txt and OUT/data.yaml; --to coco writes
OUT/annotations.json and OUT/images/. OUT must be new or empty unless
--overwrite; stopped (Ctrl+C: exit 130, SIGTERM: 143, SIGHUP: 129, Ctrl+Break: 149), failing part way or
converting nothing (exit 1), the conversion removes what it had written
there, so the same command can be run again (a full disk, a read-only file system or a used-up quota
fails it so, in either direction: no image after it could be written). --from into an OUT that held
files removes the images and VOC files it wrote there, and only those, and
puts back those --overwrite replaced; an export does the same. Into an OUT
that held a petloc export (--overwrite), it then puts that export's
annotations.json back (YOLO: its data.yaml and classes.txt), so OUT is
that export as it was; where a file of the run's cannot be taken back and
the classes differ, it says OUT now holds an export that did not finish.
A data.yaml, classes.txt or annotations.json petloc did not write is the
user's, left as it was. An export that converts nothing
writes no manifest: an earlier export in OUT stays as it was. Killed
outright (SIGKILL), it leaves no data.yaml, classes.txt or
annotations.json (written last) and the command run again says OUT holds
an export that did not finish: --overwrite finishes it. Images are
hard-linked (copied where links are impossible;
--images copy always copies); their bytes are never changed, except that a
PNG or WebP with an EXIF orientation is written upright without it (OpenCV
4.x ignores a WebP's orientation), the same pixels losslessly.

--from yolo|coco writes a sidecar VOC folder: OUT/<image> + OUT/<stem>.xml
(photo.jpg gets photo.xml, labelImg's form; sub-folders such as train/ are
kept). An existing VOC file is left untouched unless --overwrite; a file
there that is not VOC always is (counted apart: delete or move it by hand).
OUT may be the YOLO folder itself (labelImg's flat layout). A SRC that holds
a petloc export that did not finish is refused: run that export again. So is
an OUT another run is writing (its .petloc-export-unfinished says so).

Boxes are those of the image as displayed (EXIF orientation applied). Sizes
come from image headers; no image is decoded. Each problem (class id not in
classes.txt, box outside the image, missing image, malformed line) is one
`petloc: FILE:LINE: ...` line on stderr and the rest is converted; the
summary comes last. The formats' files and the --json summary are in the
command reference, {CLI_REFERENCE}.

examples:
  petloc convert my_pets --to yolo pets-yolo
  petloc convert my_pets --to coco pets-coco
  petloc convert pets-yolo --from yolo pets-voc
  petloc convert instances.json --from coco pets-voc --image-root photos/
"""

# Show a progress bar from this many images on.
PROGRESS_FROM = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SRC", type=path_arg,
                        help="with --to: a dataset folder (sidecar, Oxford or VOC devkit); "
                             "with --from: a YOLO folder, or a COCO .json file or its folder")
    parser.add_argument("out", metavar="OUT", type=path_arg, help="output folder")
    direction = parser.add_mutually_exclusive_group(required=True)
    direction.add_argument("--to", choices=("yolo", "coco"), help="export VOC to this format")
    direction.add_argument("--from", dest="from_format", choices=("yolo", "coco"),
                           help="import this format to VOC")
    parser.add_argument("--overwrite", action="store_true",
                        help="--to: write into a non-empty OUT; --from: replace existing VOC files")
    parser.add_argument("--images", choices=("link", "copy"), default="link",
                        help="hard-link (default; copies where impossible) or copy the images")
    parser.add_argument("--annotated-only", action="store_true",
                        help="--to: leave out images that have no annotation file")
    parser.add_argument("--skip-difficult", action="store_true",
                        help="--to: leave out boxes marked difficult, as Ultralytics' VOC converter does "
                             "(default: exported as ordinary boxes, with a warning counting them)")
    parser.add_argument("--image-root", metavar="DIR", type=path_arg,
                        help="--from coco: the folder COCO file_name paths are relative to "
                             "(default: images/ beside the JSON, the JSON's folder, ../images)")
    parser.add_argument("--json", action="store_true",
                        help="print the summary as one JSON object on stdout")


def run(args: argparse.Namespace) -> int:
    from petloc_gui.core import interop

    _refuse_options_of_the_other_mode(args)
    report = interop.ConversionReport()
    progress = _Progress(report)
    output = _NewOutput(args.out, args.to)
    try:
        what = _convert(args, report, progress, output)
    except BaseException:
        progress.close()
        output.take_back()
        raise
    if what is None:
        return 1
    progress.close()
    info(f"converted {show(what)}: {report.summary()}")
    if args.json:
        _json_summary(args, report)
    if report.images == 0:
        # a failure like any other: an export's annotations.json (or classes.txt and data.yaml) of no
        # image, or an empty OUT, was left, and the same command, run again, refused OUT as not empty
        output.take_back()
        error("nothing converted")
        return 1
    return 0


def _json_summary(args: argparse.Namespace, report) -> None:
    """The --json summary: also of a conversion that converted nothing (exit 1), a folder with no image as
    one whose every image is unreadable, so a script reads the one shape of either."""
    json_line({"source": str(args.source), "out": str(args.out),
               "to": args.to or "voc", "from": args.from_format or "voc", **report.to_dict()})


def _refuse_options_of_the_other_mode(args: argparse.Namespace) -> None:
    """Each option of one direction (or format) only, given outside it: exit 2, as none is ignored."""
    refuse_outside_mode(args.skip_difficult and not args.to, "--skip-difficult", "--to",
                        "YOLO and COCO have no difficult mark to read")
    refuse_outside_mode(args.annotated_only and not args.to, "--annotated-only", "--to",
                        "it leaves out the images of a VOC folder that have no annotation file")
    refuse_outside_mode(args.image_root is not None and args.from_format != "coco", "--image-root",
                        "--from coco", "the folder a COCO file's image paths are relative to")


def _convert(args: argparse.Namespace, report, progress: _Progress, output: _NewOutput) -> str | None:
    """Convert SRC into OUT as ``args`` say, recording what it writes in ``output`` (taken back on a
    failure); what was converted, for the summary (None: nothing to)."""
    from petloc_gui.core import interop
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.index_problems import root_unlisted
    from petloc_gui.core.interop.coco import find_coco_file
    from petloc_gui.core.unread_note import unread_lines

    if args.to:
        dataset = open_dataset(args.source)
        for message in dataset.problems + unread_lines(dataset):
            error(message)
        orphans = orphan_annotations_note(dataset, "exported")  # their boxes are lost to the export: a warning
        if orphans is not None:
            report.warning(dataset.root, orphans)
        if not dataset.items:
            if not root_unlisted(dataset):  # else the line above ("DATA: cannot list folder: ...") said why
                error(f"{dataset.root}: no image found; nothing converted")
                if args.json:  # exit 1 with the summary of none, as a folder of unreadable images gives
                    _json_summary(args, report)
            return None
        progress.start(f"{args.to} export", ("reading", "writing"))
        export = interop.export_yolo if args.to == "yolo" else interop.export_coco
        export(dataset, args.out, images=args.images, overwrite=args.overwrite,
               annotated_only=args.annotated_only, skip_difficult=args.skip_difficult,
               report=report, progress=progress.update, written=output.before.written)
        what = f"{dataset.root} ({dataset.layout}) -> {args.to} {args.out}"
    else:
        source = Path(args.source)
        if args.from_format == "yolo":
            progress.start("reading yolo")
            records = interop.read_yolo(source, report, progress=progress.update)
        else:
            source = find_coco_file(source)
            # its image entries, then its annotations (a moment: no file is read), in one count
            progress.start("reading coco", ("", None))
            records = interop.read_coco(source, report, images_dir=args.image_root,
                                        progress=progress.update)
        progress.start("writing VOC")
        interop.write_voc_records(records, args.out, overwrite=args.overwrite,
                                  images=args.images, report=report, progress=progress.update,
                                  written=output.before.written)
        what = f"{args.from_format} {source} -> VOC {args.out}"
    return what


class _NewOutput:
    """OUT as it was before the conversion. A conversion stopped (Ctrl+C, SIGTERM) or failing part way
    left what it had written, and the same command, run again, refused OUT as not empty: `take_back`
    takes it back, as the window's export does (`unfinished.OutputBefore`), a stop held meanwhile, and
    says what it did. From an OUT that held files (--from into the user's own VOC folder) it takes back
    the files the run wrote there, which ``before.written`` records, and never one that was there."""

    def __init__(self, out: Path, fmt: str | None) -> None:
        from petloc_gui.core.interop.unfinished import OutputBefore

        self.given, self.fmt = out, fmt
        # the run's mkdir says which folders of a new OUT are its own (another run may make OUT meanwhile)
        self.before = OutputBefore(Path(os.path.abspath(out)), fmt)

    def take_back(self) -> None:
        taken: list[TakenBack] = []

        def remove() -> list[Path]:
            taken.append(self.before.take_back())
            return [self.given] if taken[0].removed and not taken[0].left_behind else []

        take_back("conversion", "convert", remove)  # held, and says what it removed
        self._say(taken[0])

    def _say(self, taken: TakenBack) -> None:
        """What `take_back` did besides removing all it had written."""
        names = list(taken.put_back)
        if taken.finished:
            error(f"{show(self.given)}: the export had finished when it was stopped (its {taken.manifest_words()} "
                  "written): this folder holds it, complete")
        elif names:
            self._say_files(taken, f"the earlier export is usable again: its {' and '.join(names)} "
                                   f"{'were' if len(names) > 1 else 'was'} put back", "")
        elif taken.unfinished and taken.held_export():
            self._say_files(taken, f"now holds an export that did not finish ({taken.why_unfinished()})",
                            ": run the command again with --overwrite to finish it")
        elif taken.touched_files():
            self._say_files(taken)
        elif taken.left_behind:
            error(f"{show(self.given)}: what the conversion had written could not all be removed: remove it "
                  "before running the command again")

    def _say_files(self, taken: TakenBack, earlier: str = "",
                   again: str = ": run the command again to convert") -> None:
        """OUT held files: what became of those the run wrote beside them, after what became of the earlier
        export there (``earlier``, when OUT held one), then ``again`` (what to do now)."""
        left, written = len(taken.files_left), taken.files_removed + len(taken.files_left)
        run = "export" if self.fmt else "conversion"
        theirs = taken.files_before(run)
        lead = f"{show(self.given)}: {earlier}; " if earlier else f"{show(self.given)}: "
        if not left:
            # A run stopped having only replaced files (--overwrite) made none to remove: no "removed the 0 files"
            did = (f"removed the {counted(written, 'file')} the {run} had written there" if written
                   else f"the {run} had written no new file there")
            error(f"{lead}{did} ({theirs}){again}")
            return
        named = first_of([show(path) for path in taken.files_left], 3)
        error(f"{lead}{left} of the {counted(written, 'file')} the {run} had written there "
              f"could not be removed ({named}; {theirs}): remove {'them' if left > 1 else 'it'} before running "
              "the command again")


class _Progress:
    """Progress bars on stderr for big folders, counting images, with the `petloc: ` of predict's and
    evaluate's; problem lines never garble them.

    A conversion that goes over its items twice (an export: the images it reads, then those it writes)
    reports each pass as a count of twice that pass's own items (`interop.records.first_half`,
    `second_half`: the window's one bar fills once): each pass gets a bar of its own here, counting its
    own items (`interop.records.pass_of`), named by ``passes`` (None: not shown), so 10,000 images read
    `10000/10000`, not `5000/20000` half way, and the 236 annotated ones of 540 that an export of them
    alone writes read `writing 236/236`."""

    def __init__(self, report) -> None:
        self.bar: ProgressBar | None = None
        report.on_message = self.message
        self.label, self.current = "", 0
        self.passes: tuple[str | None, ...] = ("",)

    def start(self, label: str, passes: tuple[str | None, ...] = ("",)) -> None:
        self.close()
        self.label, self.passes, self.current = label, passes, 0
        self.bar = None

    def update(self, step: int, steps: int) -> None:
        from petloc_gui.core.interop.records import pass_of

        index, done, images = pass_of(step, steps, len(self.passes))
        if index != self.current:
            self.close()
            self.bar, self.current = None, index
        name = self.passes[index]
        if name is None:
            return
        if self.bar is None:
            if images < PROGRESS_FROM:
                return
            self.bar = ProgressBar(f"petloc: {self.label}{': ' + name if name else ''}", images)
        self.bar.update(done)

    def message(self, level: str, text: str) -> None:
        if self.bar is not None:
            self.bar.close()
        text = visible(text)  # a label in it ("object 1 (tab\there)") escaped, not collapsed to a space
        error(text if level == "problem" else f"warning: {text}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
