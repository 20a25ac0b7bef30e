"""`petloc stats DATA`: counts, class balance, box/image size distributions, problems."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from petloc_gui.cli.args import path_arg
from petloc_gui.cli.output import (
    UsageError,
    error,
    info,
    json_line,
    quiet_matplotlib,
    reason_of,
    result_line,
    show,
    show_lines,
)
from petloc_gui.cli.reference import CLI_REFERENCE

NAME = "stats"
HELP = "dataset statistics: counts, class balance, box and image sizes, problems found"
EPILOG = f"""\
Reads image sizes from file headers only (no image is decoded): a truncated
JPEG, whose header reads fine, is found only with --check-decode, which
decodes every image as the window and predict do (slower), and the problems
line says when images were checked by their headers only. An "exif turned"
line counts the images with an EXIF orientation other than 1: petloc shows
them turned, as their boxes are; tools that ignore EXIF (labelImg) do not.
Problems
(unreadable images, broken XML, boxes outside the image or inverted, boxes
in fractions of the image (0-1) where VOC wants pixels, objects without a
box such as another tool's points, XML size different from the image, annotation files with no image, files of an image
format petloc does not read such as HEIC, labels that differ only in case,
spacing, Unicode form or invisible characters such as Bengal and bengal, a
folder holding a petloc export that did not finish) are listed with their file
names. A folder whose images without annotation have YOLO label files beside
them (labelImg's YOLO mode) is named too, with the command that converts them
(petloc convert FOLDER --from yolo FOLDER); so is one in Ultralytics' layout,
labels/ beside images/ (images/train/a.jpg, labels/train/a.txt, data.yaml):
petloc convert FOLDER --from yolo OUT, OUT a new folder outside it, writes a
copy with a VOC file beside each image.

With --json, the last line of stdout is one JSON object; its keys are in the
command reference, {CLI_REFERENCE}.

examples:
  petloc stats my_photos
  petloc stats my_photos --check-decode   # also find truncated or corrupt images
  petloc stats runs/digits-train --json
  petloc stats runs/digits-train --plot digits-stats.png
  petloc stats runs/digits-train --plot digits-stats.png --overwrite   # replace the last plot

A --plot inside the dataset folder is refused (exit 2): it would be read as
one of the dataset's images. So is a --plot that is a folder, or an existing
file without --overwrite: before the dataset is read, nothing printed.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", type=path_arg,
                        help="dataset folder (sidecar, Oxford-IIIT Pet or VOC devkit layout)")
    parser.add_argument("--plot", metavar="OUT.png", type=path_arg,
                        help="also write histograms to this new PNG file, outside the dataset folder "
                             "(an existing one only with --overwrite)")
    parser.add_argument("--overwrite", action="store_true",
                        help="let --plot replace an existing file (never one of the dataset's own files)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    images = parser.add_mutually_exclusive_group()
    images.add_argument(
        "--no-image-check",
        dest="check_images",
        action="store_false",
        help="do not open image files (faster; sizes come from the XML)",
    )
    images.add_argument("--check-decode", action="store_true",
                        help="decode every image, not only its header, to find truncated or corrupt ones "
                             "(as the window and predict would; slower)")


def run(args: argparse.Namespace) -> int:
    from petloc_gui.cli.args import refuse_outside_mode
    from petloc_gui.cli.class_file_notes import read_classes_said
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.stats import compute_stats

    # Ignored without --plot, it looked as if it had replaced something.
    refuse_outside_mode(args.overwrite and args.plot is None, "--overwrite", "--plot",
                        "it lets --plot replace an existing file")
    if args.plot is not None:
        if args.plot.suffix.lower() != ".png":
            raise UsageError(f"--plot {args.plot}: the plot is a PNG image; give a file name ending in .png")
        _refuse_plot_inside_dataset(args.plot, args.data)
        _refuse_plot_in_the_way(args.plot, args.overwrite)
    dataset = open_dataset(args.data)
    unlisted = _root_not_listed(dataset)
    if unlisted is not None:  # as a missing folder: no figures of a folder nobody could look into
        error(f"{unlisted}; no statistics")
        return 1
    # the images of EXIF orientation other than 1 named too: a tool that ignores EXIF places their boxes elsewhere
    stats = compute_stats(dataset, check_images=args.check_images, check_decode=args.check_decode,
                          predefined=read_classes_said(dataset.root), find_exif_turned=True)
    status = 0
    if args.plot is not None:
        from petloc_gui.cli.stats_plot import PlotUnavailableError, write_stats_plot
        from petloc_gui.core.errors import PetlocError

        try:
            _check_plot_target(args.plot, dataset, args.overwrite)
            quiet_matplotlib()  # imported to draw the plot
            write_stats_plot(stats, args.plot)
            info(f"wrote {show(args.plot)}")
        except PlotUnavailableError as exc:
            error(str(exc))
            status = 1
        except (OSError, PetlocError) as exc:  # an unwritable place for the plot: the statistics still print
            error(f"{args.plot}: plot not written: {reason_of(exc)}")
            status = 1
    if args.json:
        json_line(stats.to_dict())
    else:
        result_line(show_lines(stats.summary_lines(decode_hint="; --check-decode decodes each image")))
    return status


def _root_not_listed(dataset) -> str | None:
    """The index's line saying the dataset's folder itself could not be listed ("DATA: cannot list
    folder: Permission denied"), or None. Its statistics would be those of an empty folder ("images
    0", exit 0) where predict, evaluate and convert exit 1; a sub-folder that cannot be listed is
    one problem among the figures of the rest. One rule with predict's (`core.index_problems`)."""
    from petloc_gui.core.index_problems import root_unlisted

    why = root_unlisted(dataset)
    return f"{dataset.root}: {why}" if why else None


def _refuse_plot_inside_dataset(plot: Path, data: Path) -> None:
    """Refuse (exit 2, nothing read) a plot inside the dataset's folder: a PNG there is one of its
    images the next time it is read (stats counts it, predict --write-voc pre-labels it, convert
    exports it), and one beside photo.jpg shares photo.xml with it. Links and ``..`` are resolved,
    and the folder typed in another case or Unicode form is found where the disk ignores those
    (macOS), as `convert` does for an export inside its source."""
    from petloc_gui.core.dataset import dataset_root
    from petloc_gui.core.real_paths import part_inside

    root = dataset_root(data)
    if root.is_dir() and part_inside(plot, root) is not None:
        raise UsageError(f"--plot {plot}: is inside the dataset folder {root}, where the plot would be read as one "
                         "of its images; write it outside the dataset folder")


def _refuse_plot_in_the_way(plot: Path, overwrite: bool) -> None:
    """Refuse (exit 2, nothing read) a plot onto a folder, or onto an existing file (a link, dangling or not)
    without ``--overwrite``. Found once the statistics were computed, the whole table was printed, then "plot not
    written", exit 1, as if nothing could be done. `_check_plot_target` looks again as the plot is written (a
    file made meanwhile, one of the dataset's own); a place that cannot be looked at is left to it."""
    if os.path.isdir(plot):
        raise UsageError(f"--plot {plot}: is a folder; give a file name ending in .png")
    if not overwrite and os.path.lexists(plot):
        raise UsageError(f"--plot {plot}: already exists; choose a new name, or add --overwrite to replace it")


def _check_plot_target(plot: Path, dataset, overwrite: bool) -> None:
    """Refuse to write the plot over one of the dataset's own files (an image or annotation
    named by mistake), or over any existing file without ``--overwrite``."""
    if not plot.exists() and not plot.is_symlink():
        return
    if plot.is_dir():
        raise IsADirectoryError(21, "is a folder; give a file name ending in .png", str(plot))
    if plot.exists():  # the same file by any name: a link, a hard link, a relative path, another spelling
        from petloc_gui.core.same_file import same_file

        for item in dataset.items:
            for own in (item.image_path, item.annotation_path):
                if own.exists() and same_file(plot, own):
                    raise FileExistsError(17, "is a file of the dataset; the plot never replaces it", str(plot))
    if not overwrite:
        raise FileExistsError(17, "already exists; choose a new name, or add --overwrite to replace it", str(plot))
