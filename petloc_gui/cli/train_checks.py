"""What `petloc train` says of a folder before TensorFlow loads (one read of it, `read_folder`, which
also gives the size warnings, `warn_size_mismatches_of`): it refuses a folder that could not itself be
listed (`core.index_problems.refuse_unlisted_root`), and labels that differ only in case, spacing,
Unicode form or invisible characters, which would train as separate classes (`core.label_variants`), and
labels of nothing but characters drawn as nothing ("\\u200b"), which would train as a class that looks nameless,
naming a file of each (`core.case_variant_refusal.blank_label_refusal`); names the
unreviewed pre-labels the run leaves out as their model did not know a class on its boxes
(`model.prelabel_models`), once per model (training lists each as a skipped image: `folded_skipped`
takes them out of that list); names the classes boxed only on the test images it holds out
(`core.held_out_classes`), the classes of the folder's predefined classes file that no box
has, and every class no image's first box has (a run learns each image's first box only); and,
once training has read the images (its start event), warns of the classes with too few
person-reviewed images to be measured (`warn_thin_classes`); and says when the folder's layout lists
test images that the run trains on (`warn_layout_test_split`)."""

from __future__ import annotations

import os
import shlex
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.output import error
from petloc_gui.core.case_variant_refusal import CaseVariantError, case_variant_refusal
from petloc_gui.core.index_problems import isolated_line, refuse_unlisted_root
from petloc_gui.core.text import counted, drawn_as_nothing, first_of, isolated

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.held_out_classes import HeldOutOnly
    from petloc_gui.model.collected_folder import CollectedFolder
    from petloc_gui.model.data import Sample
    from petloc_gui.model.prelabel_models import LeftOut, PrelabelModel


def read_folder(data: Path, label: str, exclude: list[str], parent_meta: dict[str, Any] | None = None,
                parent_path: str | os.PathLike[str] | None = None) -> tuple[CollectedFolder, list[tuple[Path, str]]]:
    """Read the folder as training reads it (`collect_folder`: the --exclude-list's images and, with
    --init-from, the model's test images left out by path and by bytes, the copies held out said), for
    `train_checks`, and say what its index could not read
    (`core.index_problems`); with it, each annotation whose <size> is not its image's, as (annotation,
    note), for `warn_size_mismatches_of`. A pass of its own, before TensorFlow loads. ``parent_path``:
    --init-from's folder, where the parents of its model are looked for (beside it)."""
    from petloc_gui.model.collected_folder import collect_folder  # no TensorFlow

    notes: list[tuple[Path, str]] = []
    index_notes: list[str] = []  # folders it could not list: never left out unsaid (predict, evaluate too)
    folder = collect_folder(data, label, exclude, parent_meta, size_notes=notes, index_notes=index_notes,
                            parent_path=parent_path)
    if not (folder.samples or folder.skipped or folder.excluded):  # read again only when nothing was found
        from petloc_gui.core.dataset import open_dataset

        refuse_unlisted_root(open_dataset(folder.root))
    for line in index_notes:  # `index_lines`', their paths set apart
        error(isolated_line(line), names_isolated=True)
    if folder.test_copies:  # held out by their bytes: the start line's test count holds them, unnamed
        from petloc_gui.model.collected_folder import held_out_copies_line

        error(held_out_copies_line(folder.test_copies, isolated), names_isolated=True)
    return folder, notes


def warn_layout_test_split(dataset: Dataset, trained: Sequence[Sample], exclude_list: Path | None = None) -> None:
    """One line when the folder's layout lists test images (a VOC devkit's ImageSets/Main/test.txt,
    Oxford's annotations/test.txt) among ``trained`` (`check_classes`': the images the run trains or
    validates on), with the option that holds them out; before it, what kept the list from being read whole
    (not UTF-8, unreadable, a named pipe, over 64 MB), and after it, the lines on its entries (one matching no
    image), which the run had not said where the window's did: the rule and its words are
    `model.layout_test_split`'s (`layout_test_said`), which the window's training child says too. It only
    warns: the run holds out what --exclude-list names, as documented. ``dataset``: the folder's index, the one
    `petloc train` opens for its other checks too (`cmd_train._unread_without_annotation`). ``exclude_list``:
    the run's --exclude-list; where it is the test list itself, its read said all of that already."""
    from petloc_gui.core.same_file import same_file
    from petloc_gui.model.layout_test_split import layout_test_said  # no TensorFlow

    lists = dataset.split_lists_folder
    if exclude_list is not None and lists is not None and same_file(exclude_list, lists / "test.txt"):
        return  # held out whole, and its problems and entries said as --exclude-list's
    set_apart, entries = layout_test_said(dataset, (sample.relpath for sample in trained))
    for line in set_apart:
        error(line, names_isolated=True)
    for line in entries:  # a line's repr, the list and folder set apart, as --exclude-list's
        error(line, names_isolated=True)


def warn_size_mismatches_of(notes: list[tuple[Path, str]], trained: Sequence[Sample]) -> None:
    """Warn about the annotations whose <size> is not their image's (`petloc stats` reports them too):
    training uses their boxes as written, and reads the annotations without the image headers, so it
    reports no such thing. Only of ``trained`` (`train_checks.check_classes`'): no word of the files the
    run leaves out (the model's test images; the pre-labels, when asked or when their model did not know
    a class of the run)."""
    used = {Path(sample.annotation_path) for sample in trained}
    from petloc_gui.cli.output import warn_size_mismatches

    warn_size_mismatches([note for note in notes if note[0] in used])


def check_classes(folder: CollectedFolder, parent_meta: Mapping[str, Any] | None = None,
                  renamed: Mapping[str, str] | None = None, skip_prelabels: bool = False,
                  label: str = "default") -> list[Sample]:
    """Refuse (`DatasetError`) a run whose classes include one typed two ways, and warn of the
    pre-labels it leaves out. ``folder``: the folder as training reads it (`model.collected_folder`,
    given ``parent_meta``: the model's test images are left out by path and by bytes, as training
    leaves them out); ``parent_meta``: the meta.json of the model a fine-tune starts from (its classes,
    ``renamed`` applied, are the new model's too). Returns the samples the run may train on, for
    `warn_thin_classes`."""
    from petloc_gui.model.run_case_variants import run_boxes  # the training child's rule (no TensorFlow)

    run = run_boxes(folder, parent_meta, renamed, skip_prelabels, label)
    # on the boxes the run trains on: not those of the pre-labels it leaves out, as the parent's test images
    _refuse_case_variants(folder.root, run.boxes, run.parent_classes,
                          _blank_label_files(folder.root, run.boxes, run.trained))
    if label == "default":
        _warn_unaware_prelabels(run.trained, run.left_out, folder.prelabel_models)
        _say_untrained_classes(folder.root, run.trained, run.parent_classes,
                               _only_held_out(folder, run.trained, run.parent_classes, renamed))
    return run.trained


def _only_held_out(folder: CollectedFolder, trained: Sequence[Sample], parent: Sequence[str],
                   renamed: Mapping[str, str] | None = None) -> HeldOutOnly:
    """The classes boxed only on the test images the run holds out (``folder.excluded``: --exclude-list's, the
    --init-from model's, their byte copies), on no box of an image it trains on (``trained``: `run_boxes`', the
    pre-labels --skip-prelabels leaves out not among them, nor those of a model that did not know a class of the run;
    counted on every image read, such a pre-label kept the class unsaid) and unknown to the model it starts from
    (``parent``): the new model will not know them (`core.held_out_classes`, the Retrain dialog's rule). Those boxed
    on a pre-label it leaves out are said so; one that is a class of the run typed another way is said so, and whether
    the run learns that class (on the first box of an image it trains on and can use, `_learned`, or known to
    ``parent``), as is one that is a class of those pre-labels typed another way, and one that is a class of ``parent``
    --renamed trains under a new name (``renamed``: {new: old})."""
    from petloc_gui.core.held_out_classes import HeldOutOnly, held_out_labels, held_out_only

    if not folder.excluded:
        return HeldOutOnly()
    held = held_out_labels(annotation for _, _, annotation in folder.excluded)
    trains = {name for sample in trained for name, _ in sample.ground_truth}
    read = {name for sample in folder.samples for name, _ in sample.ground_truth}
    learned = _learned(trained, held)  # each image's first box, on an image it can use: the one a run learns
    return held_out_only(held, trains, learned, parent, read=read, firsts={sample.label for sample in trained},
                         renamed=renamed)


def _learned(trained: Sequence[Sample], held: Collection[str]) -> set[str]:
    """The classes a run learns of ``trained``: each image's first box, on an image that passes its check
    (`model.training_data.checked_item`: the header read, no decoding; an "owl" only on a cut-short PNG was said to be
    the class the new model would know "Owl" as, and the run's classes were [cat, dog]). Only a class that is one of
    ``held`` (the test images' labels) in some spelling is checked, and only until one of its images passes: the others
    change no line. Read before TensorFlow loads; the run reads them again."""
    from petloc_gui.core.label_variants import label_key, turkish_label_key
    from petloc_gui.model.training_data import checked_item  # no TensorFlow

    keys = {label_key(name) for name in held}, {turkish_label_key(name) for name in held}
    by_first: dict[str, list[Sample]] = {}
    for sample in trained:
        by_first.setdefault(sample.label, []).append(sample)
    return {name for name, samples in by_first.items()
            if (label_key(name) not in keys[0] and turkish_label_key(name) not in keys[1])
            or any(checked_item(sample)[0] is not None for sample in samples)}


def _say_untrained_classes(root: Path, samples: Sequence[Sample], parent: Sequence[str],
                           held_out: HeldOutOnly | None = None) -> None:
    """One line per class the run does not train: each of the folder's predefined classes file (labelImg's
    predefined_classes.txt) on no box it trains on, and each class, predefined or not, only on boxes after
    an image's first (a run learns each image's first box; `core.stats.after_first_classes`, in the words
    `petloc stats` uses): the new model will not know it (one the --init-from model knows it keeps, and is
    not named). Before them, one line for the classes boxed only on the test images it holds out
    (``held_out``: `_only_held_out`'s; `core.held_out_classes`), which the run named as no class of it
    (a predefined one among them is not said again). Each name set apart (`isolated`, kept on stderr by
    `error`'s ``names_isolated``): a Hebrew name took the line's direction and moved the words around it."""
    from petloc_gui.app.class_list import CLASSES_FILE
    from petloc_gui.cli.class_file_notes import read_classes_said
    from petloc_gui.core.stats import AFTER_FIRST_REMEDY, after_first_classes, after_first_text

    for line in held_out.lines(isolated) if held_out is not None else ():
        error(line, names_isolated=True)

    first = Counter(sample.label for sample in samples)  # the first box's: the one a run learns of each image
    every = Counter(name for sample in samples for name, _ in sample.ground_truth)
    # each looked up in sets, the lines in the lists' order: a list's ``in`` per class was quadratic (some
    # 40,000,000 comparisons at 2,000 classes each in the file, on second boxes only and known to the model)
    known = set(parent)
    after_first = [name for name in after_first_classes(first, every) if name not in known]
    # (what the file holds but does not offer said first, as the window says it)
    said = known | set(held_out.names if held_out is not None else ())  # said above, in their own words
    predefined = [name for name in dict.fromkeys(read_classes_said(root)) if name not in said]
    after_first_set, predefined_set = set(after_first), set(predefined)
    for name in predefined:
        if name in after_first_set:
            error(f"class {isolated(name)} of {CLASSES_FILE} is {after_first_text(every[name])}, so the new model "
                  f"will not know it ({AFTER_FIRST_REMEDY})", names_isolated=True)
        elif name not in first:
            error(f"class {isolated(name)} of {CLASSES_FILE} is on no box this run trains on: the new model will "
                  "not know it (box images of it to train it)", names_isolated=True)
    for name in after_first:  # a class typed on a second box only (not in the classes file): no less lost
        if name not in predefined_set:
            error(f"class {isolated(name)} is {after_first_text(every[name])}, so the new model will not know it "
                  f"({AFTER_FIRST_REMEDY})", names_isolated=True)


# Past this many thin classes (a folder of 120 classes, 80 of them boxed once or twice), a line per class
# buried "training on ..." under 80 near-identical lines: one line per reason names them instead
MAX_THIN_ONE_BY_ONE = 5
THIN_NAMES_LISTED = 10  # names on a reason's line; then "and N more"


def warn_thin_classes(samples: Sequence[Sample], skipped: Sequence[Sequence[str]] = ()) -> None:
    """Warn of each class the run trains with fewer person-reviewed images than the window asks for
    before it offers training (`app.model_choice.MIN_BOXES_PER_CLASS`, one rule for both): with one, none
    can be held out (`model.splits`: a class keeps one image on each side from two on), so the run never
    measures it; with none, it rests on a model's unchecked boxes, which never validate. A line per class
    up to `MAX_THIN_ONE_BY_ONE` of them; past that, a line per reason naming its classes
    (`_warn_thin_groups`); either way each name set apart (`isolated`). ``samples``: `check_classes`'s;
    ``skipped``: the run's start event's (an unreadable image is no image of its class)."""
    from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
    from petloc_gui.app.thin_classes import thin_classes  # the rule the Retrain dialog says it by

    gone = {str([*entry, ""][0]) for entry in skipped}
    used = [s for s in samples if str(s.image_path) not in gone]
    prelabels = Counter(s.label for s in used if s.prelabel)
    thin = thin_classes(Counter(s.label for s in used if not s.prelabel), prelabels)
    if len(thin) > MAX_THIN_ONE_BY_ONE:
        _warn_thin_groups(thin)
        return
    enough = f"box at least {MIN_BOXES_PER_CLASS} images of it (the window asks for as many before it offers training)"
    for name, n in thin.items():
        class_ = f"class {isolated(name)}"  # set apart as in `_warn_thin_groups`' lines
        if not n:
            line = (f"{class_} is only on {counted(prelabels[name], 'unreviewed pre-label')}: the run learns it from "
                    "a model's unchecked boxes and never measures it (pre-labels are never held out); review them in "
                    f"the window (a save makes a box a person's) or {enough}")
        elif n == 1:
            line = (f"{class_} has 1 person-reviewed image: it cannot be both trained on and held out, so the run "
                    f"never measures it; {enough}")
        else:
            # the held-out image may fall in the part of validation that chooses the epoch
            # (`model.splits.report_members`): then no closing figure is on it, so promise none
            line = (f"{class_} has only {n} person-reviewed images: one is held out for validation, so its "
                    f"figures, if any, rest on a single image; {enough}")
        error(line, names_isolated=True)


def _warn_thin_groups(thin: Mapping[str, int]) -> None:
    """`warn_thin_classes`' lines past `MAX_THIN_ONE_BY_ONE` classes: one per reason (none, one, two
    person-reviewed images; fewest first), naming its classes in natural order (the first
    `THIN_NAMES_LISTED`, then how many more), and the advice once, after them. The groups are `thin_groups`'
    (the Retrain dialog's tooltip), each name set apart (`isolated`: a Hebrew name among them took the line's
    direction and moved the commas around it), the isolates kept on stderr (`error`'s ``names_isolated``)."""
    from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
    from petloc_gui.app.thin_classes import thin_groups

    # thin_groups' order, fewest images first: the count of each group, which these lines word on their own
    for n, (_, names) in zip(sorted(set(thin.values())), thin_groups(thin), strict=True):
        one = len(names) == 1
        it, its = ("it", "its") if one else ("them", "their")
        classes = f"{counted(len(names), 'class', 'classes')} ({first_of(names, THIN_NAMES_LISTED)})"
        if not n:
            line = (f"{classes} {'is' if one else 'are'} only on unreviewed pre-labels: the run learns {it} from a "
                    f"model's unchecked boxes and never measures {it} (pre-labels are never held out; review them "
                    "in the window: a save makes a box a person's)")
        elif n == 1:
            line = (f"{classes} {'has' if one else 'have'} 1 person-reviewed image{'' if one else ' each'}: "
                    f"{'it cannot' if one else 'none can'} be both trained on and held out, so the run never "
                    f"measures {it}")
        else:
            line = (f"{classes} {'has' if one else 'have'} only {n} person-reviewed images{'' if one else ' each'}: "
                    f"one {'' if one else 'of each '}is held out for validation, so {its} figures, if any, rest on "
                    "a single image")
        error(line, names_isolated=True)
    error(f"box at least {MIN_BOXES_PER_CLASS} images of each of these {len(thin)} classes to measure it (the "
          "window asks for as many before it offers training)")


def _warn_unaware_prelabels(samples: Sequence[Sample], left_out: Sequence[LeftOut],
                            models: Mapping[str, PrelabelModel]) -> None:
    """Say which pre-labels the run leaves out as their model did not know a class of the run (``left_out``:
    `model.collected_folder.without_unaware_prelabels`'s), once per model, and those among ``samples`` (the
    run's) whose model (``models``, by relpath) cannot be found to tell. Each model, file and class name set
    apart (`isolated`), as the class lines above: a Hebrew one moved the words around it."""
    from petloc_gui.model.prelabel_models import classes_named

    by_model: dict[str, list[LeftOut]] = {}
    for gone in left_out:
        by_model.setdefault(gone.model.name, []).append(gone)
    for group in by_model.values():
        error(f"leaving out {counted(len(group), 'unreviewed pre-label')} of model {isolated(group[0].model.name)} "
              f"({first_of([isolated(gone.sample.relpath) for gone in group], 3)}): it did not know "
              f"{classes_named(group[0].unknown, isolated)} of this run, so those that show one are labelled as "
              "another class; to train on one, review it in the window (a save makes its box a person's)",
              names_isolated=True)
    relpaths = {sample.relpath for sample in samples}
    unfound = Counter(model.name for relpath, model in models.items()
                      if relpath in relpaths and model.classes is None)
    for name, n in sorted(unfound.items()):
        error(f"{counted(n, 'unreviewed pre-label')} of model {isolated(name)}, which is not the --init-from model, "
              "not in the model store and not a bundled model: whether it knew every class of this run cannot be "
              f"told, so {'it is' if n == 1 else 'they are'} trained on (--skip-prelabels leaves every pre-label "
              "out)", names_isolated=True)


def _blank_label_files(root: Path, boxes: Mapping[str, int], samples: Sequence[Sample]) -> dict[str, str]:
    """{label drawn as nothing ("\\u200b": `core.text.drawn_as_nothing`) among ``boxes``' (the run's labels): the
    first annotation file of ``samples`` with a box of it, as named inside ``root``}: where the refusal sends the
    user to look. The labels are looked at first, as the refusal does: the samples' boxes (every box of a folder,
    on every run) are walked only when one is blank, which is almost never."""
    from petloc_gui.core.stats import named_inside

    blank = {name for name in boxes if drawn_as_nothing(name)}
    if not blank:
        return {}
    files: dict[str, str] = {}
    for sample in samples:
        for name, _ in sample.ground_truth:
            if name in blank and name not in files:
                files[name] = named_inside(Path(sample.annotation_path), root)
    return files


def _refuse_case_variants(root: Path, boxes: Mapping[str, int], parent_classes: Sequence[str],
                          blank_files: Mapping[str, str] | None = None) -> None:
    """The window's Retrain dialog refuses in the same words (`core.case_variant_refusal`), each class name set
    apart here (`CaseVariantError`, whose isolates the command's error line keeps); a label drawn as nothing
    with a file of it (``blank_files``: `_blank_label_files`)."""
    refusal = case_variant_refusal(boxes, parent_classes, rename_hint=_renamed_option, set_apart=True,
                                   first_files=blank_files)
    if refusal:
        raise CaseVariantError(refusal, root)


def _renamed_option(renames: Sequence[tuple[str, str]]) -> str:
    """The command's way to keep a class of the model spelled otherwise in the folder."""
    options = " --renamed ".join(shlex.quote(f"{folder}={model}") for folder, model in renames)
    return (f"; or, for a class of the model spelled otherwise here, add --renamed {options} to keep its "
            "weights under this folder's spelling")


def folded_skipped(skipped: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """Training's skipped images less the pre-labels left out as their model did not know a class:
    said once per model before the run (`check_classes`), not once per file."""
    from petloc_gui.model.prelabel_models import is_left_out

    return [entry for entry in skipped if not is_left_out(str([*entry, ""][1]))]
