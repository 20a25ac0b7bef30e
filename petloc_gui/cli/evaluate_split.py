"""Which images `petloc evaluate` scores (``--split all|validation|test``) and how its report names them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.output import CommandError, error, info
from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.epoch_choice import validation_parts
from petloc_gui.core.text import counted, isolated

if TYPE_CHECKING:
    from petloc_gui.model.held_out_here import HeldOutReads

SPLIT_DESCRIPTION = "all annotated images in DATA"
REPORT_DESCRIPTION = "validation images that did not choose the model's epoch (meta.json validation_parts.report)"
SELECTION_DESCRIPTION = "validation images listed in the model's meta.json, which chose its epoch (selection set)"
# a model older than validation_parts (the bundled digits one) chose its epoch on all of them
UNSPLIT_DESCRIPTION = ("validation images listed in the model's meta.json, all of which chose its epoch (selection "
                       "set: it records no validation parts)")
# the images `petloc train --exclude-list` held out: never trained on, never validated on, chose nothing
TEST_DESCRIPTION = ("test images listed in the model's meta.json (splits.test: held out of training and validation, "
                    "as --exclude-list asked)")
# a two-stage bundle whose second stage chose on every photo of the report part (the bundled pets model, a fine-tune
# of it that carried its refiner): the report part all the same (selection set), as a fine-tune's figures are; the
# bundled model's recorded validation figures are on every validation photo (`_recorded_on`)
REFINER_DESCRIPTION = ("validation images that did not choose the model's epoch, all of which chose its second stage's "
                       "epoch and variant (meta.json validation_parts.report, refine: selection set)")


def select_items(dataset, meta: dict[str, Any], split: str) -> tuple[list, str]:
    """The items to evaluate and how the report describes them.

    `validation` keeps the images the model's meta.json lists as held out
    (paths relative to the dataset root), `test` those it lists as its test
    images (``splits.test``: `petloc train --exclude-list`'s). With `all`,
    images the model trained on are counted and warned about
    (`trained_on_count`), and its test images among them said once they
    are scored (`say_test_images_among`).
    """
    items = list(dataset.items)
    if split == "test":
        from petloc_gui.model.splits import parent_splits  # no TensorFlow

        listed = parent_splits(meta)["test"]
        if not listed:
            raise CommandError("this model's meta.json lists no test images (a run records as its test images "
                               "those `petloc train --exclude-list` held out); use --split validation or --split all")
        return recorded_items(dataset, items, meta, listed, "test images", ""), TEST_DESCRIPTION
    if split == "validation":
        listed = (meta.get("validation_split") or {}).get("images") or []
        if not listed:
            raise CommandError("this model's meta.json lists no validation images; use --split all")
        # the part that chose nothing, as `petloc models` and the window report the model's figures: the
        # images that chose its epoch, or its second stage's epoch and variant, flatter it; where each of that
        # part chose the second stage, the part all the same (a fine-tune's meta.json metrics are on it), never
        # every image
        parts = validation_parts(meta)
        note = ""  # said once the images are found
        if parts.report:
            if parts.chose and parts.refiner_took:
                note = (f"petloc: evaluating the {counted(len(parts.report), 'validation image')} that chose neither "
                        f"the model's epoch nor its second stage's epoch and variant; the other {len(parts.chose)} "
                        "chose one of them (meta.json validation_parts, refine)")
            elif parts.chose:
                note = (f"petloc: evaluating the {counted(len(parts.report), 'validation image')} that did not choose "
                        f"the model's epoch; the other {len(parts.chose)} chose it (meta.json validation_parts)")
            listed, description = parts.report, REPORT_DESCRIPTION
        elif parts.refiner_took:
            # every report image chose the second stage: the run scored them all the same
            # (`model.carried_refiner.refiner_scored`), not the images that chose the first stage's epoch too
            report_part = [str(p) for p in (meta.get("validation_parts") or {}).get("report") or []]
            note = _report_part_note(meta, report_part, len(listed))
            listed, description = report_part, REFINER_DESCRIPTION
        elif parts.recorded:
            description = SELECTION_DESCRIPTION
        else:  # an older model (the bundled digits one): every validation image chose its epoch
            description = UNSPLIT_DESCRIPTION
            note = ("petloc: this model's meta.json records no validation parts: every validation image it lists "
                    "chose its epoch, so its figures on them are somewhat optimistic")
        kind = ("validation images that did not choose its epoch" if description in (REPORT_DESCRIPTION,
                                                                                      REFINER_DESCRIPTION)
                else "validation images")
        return recorded_items(dataset, items, meta, listed, kind, note), description
    return items, SPLIT_DESCRIPTION


def _recorded_on(meta: dict[str, Any]) -> tuple[str, int] | None:
    """(the meta.json key of the model's recorded validation figures, how many images they are on), or None
    where meta.json does not say. A bundled model keeps them under ``validation_metrics`` (its ``metrics`` are
    on a test holdout: benchmarks/train_bundled_models.py); a trained one, a fine-tune included, under
    ``metrics``."""
    for key in ("validation_metrics", "metrics"):
        figures = meta.get(key)
        if isinstance(figures, dict):
            n = figures.get("n_images")
            return (key, n) if isinstance(n, int) and not isinstance(n, bool) and n > 0 else None
    return None


def _report_part_note(meta: dict[str, Any], report_part: list[str], n_listed: int) -> str:
    """The line said when a two-stage model is scored on its report part, every photo of which chose its second
    stage: whether its recorded validation figures are on those photos too (a fine-tune's are, scored again on
    them), or on more of them, the selection set included (the bundled pets model's: all 41, these 20 among
    them), read from how many images meta.json says they are on."""
    n, chose = len(report_part), n_listed - len(report_part)
    scored = f"petloc: evaluating the {counted(n, 'validation image')} that did not choose the model's epoch"
    second_stage = ("every one of these chose its second stage's epoch and variant (meta.json validation_parts, "
                    "refine): {} are somewhat optimistic")
    recorded = _recorded_on(meta)
    if recorded is not None and recorded[1] <= n:
        return (f"{scored}, as its figures are; the other {chose} chose it, and "
                f"{second_stage.format('its figures on them')}")
    second_stage = second_stage.format("the figures here")  # not the recorded ones: those are on other images
    these = "it" if n == 1 else f"these {n}"
    if recorded is None:
        return (f"{scored}; the other {chose} chose it (meta.json does not say which images its recorded "
                f"validation figures are on), and {second_stage}")
    key, on = recorded
    on_which = f"all {on}" if on == n_listed else f"{on} of its {n_listed}"
    return (f"{scored}; its recorded validation figures (meta.json {key}) are on {on_which}, the selection set "
            f"included; {these} did not choose its epoch, the other {chose} did, and {second_stage}")


def say_test_images_among(dataset, meta: dict[str, Any], scored: Collection[Path],
                          skipped: Iterable[tuple[str, str]]) -> None:
    """Under --split all, one line when the model's test images are among DATA's images, found as --split test
    and the window find them (`find_recorded`: by path, case and Unicode form ignored, then by the sha256
    meta.json records; found by path alone, a flat folder of copies of the bundled pets model's test photos
    got no line here while --split test scored 6 of them): how many, how many of them were ``scored`` (the
    evaluated images) and why the others were not (``skipped``: (image, reason) as `collect_ground_truth`
    and the predictions give them), naming the option that scores them alone. Counted among all of DATA's
    images, it once said "3 ... scored here with the others" of 3 test images, one of which had no
    annotation."""
    from petloc_gui.cli.recorded_images import find_recorded, recorded_digests, recorded_paths
    from petloc_gui.model.data import relpath_in
    from petloc_gui.model.held_out_here import held_out_reads
    from petloc_gui.model.splits import parent_splits  # no TensorFlow

    listed = list(dict.fromkeys(parent_splits(meta)["test"]))
    if not listed:
        return
    root = Path(dataset.root)
    found = find_recorded(list(dataset.items), lambda item: relpath_in(Path(item.image_path), root), listed,
                          recorded_digests(meta, listed), _read_if_sized(held_out_reads(meta, frozenset(listed))),
                          recorded_paths(meta), count_changed=False)  # this line says none changed: none hashed for it
    if not found.items:
        return
    n = len(found.items)
    scored = {Path(image) for image in scored}
    reasons = dict(skipped)
    unscored = [str(item.image_path) for item in found.items if Path(item.image_path) not in scored]
    no_annotation = sum(reasons.get(image) == NO_ANNOTATION for image in unscored)
    why = [f"{no_annotation} {'has' if no_annotation == 1 else 'have'} no annotation"] if no_annotation else []
    if len(unscored) > no_annotation:
        why.append(f"{len(unscored) - no_annotation} skipped, as said above")
    # the folder set apart (`isolated`): a Hebrew name moved the words around it
    among = (f"{n} of the images in {isolated(dataset.root)} {'is' if n == 1 else 'are'} the model's test "
             f"{'image' if n == 1 else 'images'} (meta.json splits.test)")
    if len(unscored) == n:  # none in the figures: nothing for --split test to take out of them
        error(f"{among}, {'not' if n == 1 else 'none of them'} scored here ({'; '.join(why)})", names_isolated=True)
        return
    counts = f" ({n - len(unscored)} scored; {'; '.join(why)})" if unscored else ""
    error(f"{among}, scored here with the others{counts}: --split test scores {'it' if n == 1 else 'them'} alone",
          names_isolated=True)


def _read_if_sized(reads: HeldOutReads) -> Callable[[Path], str | None]:
    """The sha256 of an image whose size is one a test image with recorded bytes has (`HeldOutReads.sizes`, as
    the window reads), None for any other without reading it: --split all looks through every image of DATA for
    a line, not only those it scores, and a 2,000-image folder holding a few of the test images would be read
    whole for the others. A record without sizes (an older one): every image read, as --split test reads it."""
    from petloc_gui.model.bundle import sha256_or_none  # no TensorFlow

    sizes = reads.sizes
    if sizes is None:
        return sha256_or_none

    def sized(path: Path) -> str | None:
        try:
            size = path.stat().st_size
        except OSError:
            return None  # unreadable: as sha256_or_none says it
        return sha256_or_none(path) if size in sizes else None

    return sized


def recorded_items(dataset, items: list, meta: dict[str, Any], listed: list[str], kind: str, note: str) -> list:
    """The ``items`` the model's meta.json lists (``listed``, paths relative to the dataset root) as its
    ``kind`` ("validation images"): by path, with case and Unicode form ignored where the path as recorded
    is not there, and by bytes where meta.json records them (`cli.recorded_images`), each way said; none
    found is refused, some not found said. ``note`` goes out once they are found."""
    from petloc_gui.cli.recorded_images import changed_line, find_recorded, recorded_digests, recorded_paths
    from petloc_gui.model.bundle import sha256_or_none  # no TensorFlow
    from petloc_gui.model.data import relpath_in

    wanted = list(dict.fromkeys(listed))
    root = Path(dataset.root)  # as listed: a dataset of symbolic links keeps the paths training saw
    found = find_recorded(items, lambda item: relpath_in(Path(item.image_path), root), wanted,
                          recorded_digests(meta, wanted), sha256_or_none, recorded_paths(meta))
    if not found.items:
        which = (f"none of the model's {len(wanted)} {kind} is" if len(wanted) > 1
                 else f"the model's one {kind.replace('images', 'image', 1)} is not")
        raise CommandError(f"{which} in {dataset.root}")
    if note:
        info(note)
    _say_found_elsewhere(found, kind)
    if found.changed:
        info(changed_line(found, kind))
    if len(found.items) < len(wanted):
        missing = len(wanted) - len(found.items)
        are = "is" if missing == 1 else "are"
        error(f"{missing} of the model's {kind} {are} not in {isolated(dataset.root)}", names_isolated=True)
    return found.items


def _say_found_elsewhere(found, kind: str) -> None:
    """One line for the images found with their path in another case or Unicode form, one for those found
    by their bytes at another path: scored as the model's, and the user told how each was taken."""
    from petloc_gui.core.name_forms import form_difference

    if found.by_form:
        old, now = found.by_form[0]
        its = "its path" if len(found.by_form) == 1 else "their paths"
        info(f"petloc: {len(found.by_form)} of the model's {kind} found with {its} in another case or Unicode "
             f"form ({'' if len(found.by_form) == 1 else 'e.g. '}{old!r} in meta.json is {now!r} in the folder, "
             f"{form_difference(old, now, 'in meta.json', 'in the folder')})")
    if found.by_bytes:
        old, now = found.by_bytes[0]
        info(f"petloc: {len(found.by_bytes)} of the model's {kind} found at another path by their bytes (the "
             f"sha256 meta.json records) ({'' if len(found.by_bytes) == 1 else 'e.g. '}{old!r} is now {now!r})")
