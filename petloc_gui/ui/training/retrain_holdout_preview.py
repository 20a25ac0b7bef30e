"""The Retrain dialog's preview of the images a run will hold out (`Holdout`), at each choice of the dialog:
the folder read once, in the loader's thread, with the training code's own data owner and split. No TensorFlow."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.model.retrain_policy import SPLIT_SEED  # the worker's --seed: preview and run agree
from petloc_gui.ui.training.fine_tune_split import fine_tune_split
from petloc_gui.ui.training.retrain_counts import box_counts, first_box_counts
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_prelabels import RunPrelabels, without_unaware
from petloc_gui.ui.training.retrain_preview_digits import trained_untold_notes, untold_digits
from petloc_gui.ui.training.verdict_images import ComparedImages

if TYPE_CHECKING:
    from petloc_gui.model.collected_folder import CollectedFolder
    from petloc_gui.model.current_model_digits import SeenDigits
    from petloc_gui.model.data import Sample
    from petloc_gui.model.splits import ValidationChooser


# (validation fraction, fine-tune?, a fine-tune's classes renamed {new: old} or None) -> holdout
HoldoutPreview = Callable[..., Holdout]


def holdout_preview_for(folder: Path | str | None, label: str = "default",
                        parent_spec: str | None = None) -> HoldoutPreview | None:
    """A function (fraction, fine-tune?, renamed=None) -> `Holdout`: the images training will hold out.

    Uses the training code's own data owner and stable split
    (`TrainingData`, `model.splits`) over the saved annotations (no
    TensorFlow). Fine-tuning ``parent_spec``: its test images are left out
    (by path and by content, as the run does) and its validation images stay
    in validation; when nothing is left to train on, the holdout says why. The test list the folder's layout
    declares is left out (by path and by content), as the run is told to (`retrain_policy.worker_args`).
    ``renamed`` (``{new name: the model's name}``, a fine-tune's `RetrainOptions.renamed`): the pre-labels
    the run leaves out follow them, as the run's own rule does (a model that knew the old name knew the new), and so
    do the classes it keeps from its model (one renamed away may be left boxed only on test images: ``test_only``).
    Slow on big folders (labels read, images hashed): the dialog calls this
    in a thread; the function it returns reads nothing. None when the folder cannot be read.
    """
    if folder is None:
        return None
    try:
        from petloc_gui.model.cannot_train import too_few_images
        from petloc_gui.model.collected_folder import collect_folder
        from petloc_gui.model.identical_images import possible_copy_digests
        from petloc_gui.model.layout_test_split import layout_test_holdout
        from petloc_gui.model.splits import ValidationChooser
        from petloc_gui.model.training_data import TrainingData

        tests = layout_test_holdout(folder)  # as the run is told to (`retrain_policy.worker_args`)
        # as a run with no model to start from reads it, boxes on each image's own size (`image_sizes`)
        read = collect_folder(folder, label, tests.images)
    except Exception:  # noqa: BLE001 - the dialog then says the list comes with the "start" event
        return None
    on_boxes = {name for s in read.samples for name, _ in s.ground_truth}  # any box of the folder, held out or not
    # the pre-labels of a model that did not know a class of the run are left out of it, as the run does
    samples, left_out = without_unaware(read)
    trains = samples  # as `petloc train` counts the classes it trains (`cli.train_checks`): before the check below
    boxes = box_counts(samples)  # those a run trains on: `petloc train` refuses on them too, unchecked
    # then the run's own check of each image's header and box: those it fails the run never splits
    unreadable = _unusable(samples)
    samples = [s for s in samples if str(s.image_path) not in unreadable]
    by_class = first_box_counts(samples)  # as `petloc train` counts them for its thin classes, after that check
    # unreviewed pre-labels never validate (`TrainingData.collect`): split as if they were not there
    prelabels = [s.relpath for s in samples if s.prelabel]
    tuned, parent_names, tuned_read = (fine_tune_split(folder, label, parent_spec, tests.images, read.known_hashes)
                                       if parent_spec else (None, [], None))
    # the images the fine-tune cannot use (unreadable, a box outside it): a pre-label among them is not counted
    # (those it left out for a model's unknown class are checked too: a rename chosen brings them back)
    unusable = (_unusable(tuned_read.samples, {str(it.sample.image_path) for it in tuned.items})
                if isinstance(tuned, TrainingData) and tuned_read is not None else set())
    # what no choice of the dialog changes is worked out here, in the loader's thread, once: the dialog calls
    # `preview` on its own thread at every step of the fraction (each path hashed again froze it on 20k images)
    # the images a run from scratch and a fine-tune choose among, hashed now (`ValidationChooser.keys`), as
    # `collect` splits them (`validation_split`)
    # the images that may be copies, hashed once for both (a fine-tune's read hashed them already: each
    # same-size image of a 150-image BMP folder was read three times)
    images = {s.relpath: s.image_path for s in samples}
    tuned_samples = [it.sample for it in tuned.items] if isinstance(tuned, TrainingData) else []
    if isinstance(tuned, TrainingData):
        images.update((it.relpath, it.sample.image_path) for it in tuned.items)
    # (a read holding a test list out hashed every image too, to find their copies)
    hashed = {**read.hashes, **(tuned_read.hashes if tuned_read is not None else {})}  # each image's bytes as read
    digests = possible_copy_digests(images, hashed)
    scratch_split = _hashed(ValidationChooser.of(samples, SPLIT_SEED, train_only=prelabels, digests=digests))
    tuned_split = (_hashed(ValidationChooser.of(tuned.items, SPLIT_SEED, tuned.parent_validation, tuned.train_only,
                                                digests=digests))
                   if isinstance(tuned, TrainingData) else None)
    # the walks of the canvases' digits below (a run from scratch's images and a fine-tune's, one folder's) share
    # one dict of hashes by image, seeded with those read above: each canvas is hashed once in all (a fine-tune
    # of the demo's 170 canvases hashed each three times: its read, then the untold walk of each run)
    known = {**hashed, **digests}
    canvas_hashes = {s.image_path: known[s.relpath] for s in [*samples, *tuned_samples] if s.relpath in known}
    listed = {relpath for _, relpath, _ in read.excluded}  # the layout's test list, and its byte copies
    copies = {relpath for relpath, _ in read.test_copies}
    # the dialog's line on them (`Holdout.layout_test_note`), the test list named and its copies counted
    layout_test: dict[str, Any] = {
        "layout_test": sum(annotation is not None for _, _, annotation in read.excluded),
        "layout_test_list": tests.listing, "layout_test_problems": tuple(tests.problem_lines()),
        "layout_test_copies": sum(annotation is not None and relpath in copies
                                  for _, relpath, annotation in read.excluded)}
    # a fine-tune: of those ``layout_test`` counts (annotated, held out: a listed image or a byte copy of one),
    # the ones the model it starts from learned (its figures on them are no test figures); the list's other
    # images are none of the line's (the run's own line counts the whole list, and says so)
    tuned_learned: dict[str, Any] = ({"layout_test_learned": _learned_held_out(read, tuned_read.learned_tests)}
                                     if tuned_read is not None else {})
    # the classes boxed only on the images each run holds out as test images, and on none it reads otherwise: the
    # labels of each read once; a fine-tune's known classes follow the renames chosen (`preview`)
    test_only = _TestOnly(read, trains, tuned_read, parent_names, unreadable | unusable) if label == "default" else None
    scratch_only = test_only.scratch if test_only is not None else {}
    parent_test = (sum(annotation is not None and relpath not in listed for relpath, _, annotation in tuned.test)
                   if isinstance(tuned, TrainingData) else 0)
    # the canvases of digits the current model has seen (tested on, learned): said, as holding them out would
    # leave the demo (the bundled model's test digits) nothing to train on; by each image's bytes (`canvas_hashes`)
    seen = _seen_digits(parent_spec)
    scratch_seen = _seen_fields(samples, seen, canvas_hashes)
    tuned_seen = _seen_fields(tuned_samples, seen, canvas_hashes) if isinstance(tuned, TrainingData) else {}
    # canvases whose `petloc digits` record cannot tell their digit, of every annotated image (by their bytes, as
    # the run tells them: hashed only in a folder holding a record); those the run trains on are warned of
    untold = untold_digits(samples, canvas_hashes)
    tuned_untold = untold_digits(tuned_samples, canvas_hashes) if isinstance(tuned, TrainingData) else {}
    # the images the current model (or one up its line) learned: never in the end's comparison (`ComparedImages`)
    learned = {r for r, digest in hashed.items() if tuned_read is not None and digest in tuned_read.learned}
    scratch_compared = ComparedImages(scratch_split, learned)  # each image's report key hashed here, once
    tuned_compared = ComparedImages(tuned_split, learned) if tuned_split is not None else None
    run_prelabels = RunPrelabels(tuned_read, unusable)
    run_prelabels.get({})  # the fields without renames, which the dialog asks for first

    def preview(fraction: float, fine_tune: bool = False, renamed: Mapping[str, str] | None = None) -> Holdout:
        if fine_tune and tuned is not None:
            # the pre-labels it trains on and leaves out, and their boxes, with the classes renamed as the run is told
            trained = run_prelabels.get(renamed or {})
            tuned_only = test_only.tuned(renamed or {}) if test_only is not None else {}
            if isinstance(tuned, Holdout):  # the run would stop at once: its reasons, pre-labels used or left out
                return replace(tuned, **layout_test, **tuned_learned, **trained, **tuned_only)
            assert tuned_split is not None  # a `TrainingData`
            chosen = tuned_split.members(fraction)  # as `collect` splits
            return Holdout(len(chosen), sorted(chosen), parent_test,
                           reviewed=len(tuned.items) - tuned.n_prelabels,  # a person's boxes: never left out
                           digits_notes=trained_untold_notes(tuned_untold, chosen),
                           parent_classes=tuple(parent_names),
                           new_classes=tuple(n for n in tuned.class_names if n not in parent_names),
                           unused_classes=tuple(n for n in parent_names if n not in on_boxes),
                           compared=tuned_compared.count(chosen) if tuned_compared else None, fraction=fraction,
                           **layout_test, **tuned_learned, **trained, **tuned_seen, **tuned_only)
        reviewed = len(samples) - len(prelabels)
        counts: dict[str, Any] = {"prelabels": len(prelabels), "prelabels_left_out": left_out,
                                  "reviewed": reviewed, "unusable": len(unreadable), **layout_test, **boxes,
                                  **by_class, **scratch_only}
        if len(samples) < 2:  # the run would stop at once, as `TrainingData.collect` says
            return Holdout(0, [], problem=too_few_images(len(samples)), **counts)
        if reviewed < 2:
            return Holdout(0, [], **counts)
        chosen = scratch_split.members(fraction)  # as `collect` splits
        return Holdout(len(chosen), sorted(chosen), digits_notes=trained_untold_notes(untold, chosen), **counts,
                       compared=scratch_compared.count(chosen), fraction=fraction,
                       **scratch_seen)

    return preview


class _TestOnly:
    """`Holdout`'s ``test_only`` and ``test_only_without_prelabels`` of a run from scratch (``read``: the folder's test
    list held out; ``trains``: the samples it trains on, those of the pre-labels of a model that did not know one of
    its classes left out) and of a fine-tune (``tuned_read``: its model's test images held out too; ``parent_names``:
    its model's classes, which it keeps under the names the renames chosen give them): the classes on boxes of the
    images each holds out and on no box of an image it trains on (`core.held_out_classes`, `petloc train`'s rule),
    with its unreviewed pre-labels and without them (the dialog's "Train on the pre-labels too"). Each held-out
    annotation is read once, for both, in the loader's thread; `tuned` reads nothing (the dialog asks at each choice),
    and works each choice of renames out once."""

    def __init__(self, read: CollectedFolder, trains: Sequence[Sample], tuned_read: CollectedFolder | None,
                 parent_names: Sequence[str], unusable: Collection[str] = ()) -> None:
        from petloc_gui.core.held_out_classes import labels_on

        labels: dict[Path, frozenset[str]] = {}  # by annotation file: the two reads hold the test list out both

        def held(folder: CollectedFolder) -> set[str]:
            for _, _, annotation in folder.excluded:
                if annotation is not None and annotation not in labels:
                    labels[annotation] = labels_on(annotation)
            return {name for _, _, annotation in folder.excluded if annotation is not None
                    for name in labels[annotation]}

        self.unusable = unusable  # the image paths the run's check leaves out: no class is learned from them
        self.scratch = _test_only_fields(held(read), read, trains, unusable=unusable)
        self._tuned = (held(tuned_read), tuned_read) if tuned_read is not None else None
        self._parent_names = list(parent_names)
        self._by_renames: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
        self.tuned({})  # the fields without renames, which the dialog asks for first

    def tuned(self, renamed: Mapping[str, str]) -> dict[str, Any]:
        """A fine-tune's, ``renamed`` ({new name: the model's name}, the dialog's class choices) applied to the
        classes it keeps, as `petloc train --renamed` applies them: the model's owl renamed strix is no owl of the
        new model, so owl boxed only on test images is said (worked out against the names before any rename, it
        was not); and to the pre-labels it leaves out (`without_unaware`). {} with no fine-tune read."""
        from petloc_gui.model.class_renames import class_names_after

        if self._tuned is None:
            return {}
        key = tuple(sorted(renamed.items()))
        if key not in self._by_renames:
            held, read = self._tuned
            self._by_renames[key] = _test_only_fields(held, read, without_unaware(read, renamed)[0],
                                                      class_names_after(self._parent_names, renamed, ()),
                                                      self.unusable, renamed)
        return self._by_renames[key]


def _test_only_fields(held: set[str], read: CollectedFolder, trains: Sequence[Sample],
                      known: Sequence[str] = (), unusable: Collection[str] = (),
                      renamed: Mapping[str, str] | None = None) -> dict[str, Any]:
    """`Holdout`'s ``test_only`` (``held``: the labels on the images ``read`` holds out as test images; ``trains``: the
    samples of ``read`` the run trains on, its pre-labels' included; ``known``: the classes it keeps from a model) and
    ``test_only_without_prelabels`` (the pre-labels left out); a class also on an image read but not trained on is
    said so (`HeldOutOnly.left_out`). ``unusable``: the image paths the run's check leaves out (`_unusable`), whose
    first boxes teach it no class (trained on unchecked, an unreadable image's "owl" was said to be the class the new
    model would know "Owl" as); their boxes still count as trained, as for the refusal of a class typed two ways.
    ``renamed``: a fine-tune's renames, {new: the model's name} (a test label that is a class renamed away is said
    so)."""
    from petloc_gui.core.held_out_classes import held_out_only

    every = {name for sample in read.samples for name, _ in sample.ground_truth}
    trained = {name for sample in trains for name, _ in sample.ground_truth}
    reviewed = {name for sample in trains if not sample.prelabel for name, _ in sample.ground_truth}
    # each image's first box: the one a run learns (a class typed another way only on later boxes is none it learns)
    usable = [sample for sample in trains if str(sample.image_path) not in unusable]
    learned = {sample.label for sample in usable}
    learned_reviewed = {sample.label for sample in usable if not sample.prelabel}
    firsts = {sample.label for sample in trains}
    firsts_reviewed = {sample.label for sample in trains if not sample.prelabel}
    return {"test_only": held_out_only(held, trained, learned, known, read=every, firsts=firsts, renamed=renamed),
            "test_only_without_prelabels": held_out_only(held, reviewed, learned_reviewed, known, read=every,
                                                         firsts=firsts_reviewed, renamed=renamed)}


def _learned_held_out(read: CollectedFolder, learned_tests: Collection[str]) -> int:
    """How many annotated images ``read`` holds out as tests (`Holdout.layout_test`) were learned: those
    ``learned_tests`` names (`CollectedFolder.learned_tests`, by the listed image's path), a byte copy by the
    listed image it copies."""
    original = dict(read.test_copies)
    return sum(annotation is not None and original.get(relpath, relpath) in learned_tests
               for _, relpath, annotation in read.excluded)


def _seen_digits(parent_spec: str | None) -> SeenDigits | None:
    """The digits the current model ``parent_spec`` has seen (`model.current_model_digits`); None with no
    model, or one whose meta.json cannot be read (the run says the rest)."""
    from petloc_gui.model.current_model_digits import seen_digits_of

    try:
        return seen_digits_of(parent_spec) if parent_spec else None
    except Exception:  # noqa: BLE001 - a preview must never break the dialog
        return None


def _seen_fields(samples: Sequence[Sample], seen: SeenDigits | None,
                 canvas_hashes: dict[Path, str | None]) -> dict[str, Any]:
    """`Holdout`'s ``seen_*`` fields of ``samples`` (those a run reads); ``canvas_hashes``: by image, their bytes
    as read, and those an earlier walk took (a run from scratch's and a fine-tune's images are one folder's: each
    canvas hashed once); those hashed here are added."""
    from petloc_gui.core.digits_record import learned_words
    from petloc_gui.model.current_model_digits import TESTED, seen_canvases

    if seen is None:
        return {}
    try:
        # by their bytes, as the run records the digits it learns: images not hashed yet are hashed there
        found = seen_canvases([s.image_path for s in samples], seen, canvas_hashes).seen
    except Exception:  # noqa: BLE001 - as above
        return {}
    learned = [split for kind, split in found.values() if kind != TESTED]
    return {"seen_tested": len(found) - len(learned), "seen_learned": len(learned), "seen_of": len(samples),
            "seen_learned_words": learned_words(learned, seen.learned)}


def _unusable(samples: Iterable[Sample], usable: Collection[str] = ()) -> set[str]:
    """The image paths of ``samples`` a run leaves out by its check (`training_data.checked_item`: the header
    read, no decoding), less ``usable`` ones (checked already); in the calling thread: the loader's."""
    from petloc_gui.model.training_data import checked_item

    return {str(s.image_path) for s in samples if str(s.image_path) not in usable and checked_item(s)[0] is None}


def _hashed(chooser: ValidationChooser) -> ValidationChooser:
    """``chooser`` with its paths hashed (in the calling thread: the loader's)."""
    _ = chooser.keys
    return chooser

