"""`Holdout`: what a run will hold out of the saved annotations, as the Retrain dialog's preview
(`retrain_holdout_preview.holdout_preview_for`) works it out and the dialog says it. Qt-free, no TensorFlow."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from petloc_gui.core.case_variant_refusal import RenameHint, case_variant_refusal
from petloc_gui.core.held_out_classes import HeldOutOnly
from petloc_gui.core.text import counted, visible


@dataclass(frozen=True)
class Holdout:
    """What a run will hold out of the saved annotations (the Retrain dialog shows it)."""

    count: int  # validation images
    names: list[str]  # their relative paths
    # fine-tuning: annotated images that are the current model's test images (the user's annotations the run
    # never trains on; an image there without one would not be trained on anyway), not the folder's test list
    parent_test: int = 0
    problem: str = ""  # why the run would stop at once (e.g. no image left to train on)
    prelabels: int = 0  # annotations that are a model's unreviewed pre-labels the run uses: never validated on
    # the pre-labels any run leaves out as their model did not know one of its classes, by model:
    # meta.json's record (`model.prelabel_models.left_out_record`: {"count", "unknown_classes"})
    prelabels_left_out: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    reviewed: int | None = None  # the other annotated images (boxes a person saved) a run uses; None: unknown
    problem_without_prelabels: str = ""  # a run that stops at once: its reason with the pre-labels left out
    # the `petloc digits` records that cannot tell which MNIST digit training canvases hold, and what the new
    # model's meta.json then records (`model.canvas_digits.untold_notices`: the run's own warnings)
    digits_notes: tuple[str, ...] = ()
    # fine-tuning: the current model's classes, the folder's training classes it lacks (a run adds them), and
    # its classes on no box of the folder (a new class may be one of them renamed: the dialog asks, ADR 0011)
    parent_classes: tuple[str, ...] = ()
    new_classes: tuple[str, ...] = ()
    unused_classes: tuple[str, ...] = ()
    # the boxes per label on the images the run trains on (a fine-tune: not its model's test images; not the
    # pre-labels it leaves out as their model did not know a class), of a person's saves and of unreviewed
    # pre-labels: a class typed two ways among them refuses the run (`case_variants`)
    box_counts: Mapping[str, int] = field(default_factory=dict)
    prelabel_box_counts: Mapping[str, int] = field(default_factory=dict)
    # the images the run trains on by class, each by its first box (the one a run learns of it), less those its
    # check leaves out (``unusable``): a person's, and the unreviewed pre-labels'; `petloc train`'s count for its
    # warning of the classes too thin to be measured (`cli.train_checks.warn_thin_classes`)
    images_by_class: Mapping[str, int] = field(default_factory=dict)
    prelabel_images_by_class: Mapping[str, int] = field(default_factory=dict)
    # annotated images the run leaves out by its check (`training_data.checked_item`): unreadable, or a box
    # outside the image; none of them is in the counts above
    unusable: int = 0
    # annotated images of the test list the folder's layout declares (and their byte copies), held out as the
    # run holds them out (`retrain_policy.worker_args`): in no count above
    layout_test: int = 0
    layout_test_list: str = ""  # that list, as the layout names it ("ImageSets/Main/test.txt")
    layout_test_copies: int = 0  # of ``layout_test``, the byte copies of a listed image under another name
    # what kept that list from being read whole (unreadable, not UTF-8), in the run's words
    # (`layout_test_split.LayoutTestHoldout.problem_lines`): the run holds out less than the list names
    layout_test_problems: tuple[str, ...] = ()
    # a fine-tune: of ``layout_test``, those the model it starts from (or one up its line) trained on
    layout_test_learned: int = 0
    # the classes boxed only on the test images the run holds out (the folder's test list; a fine-tune's model's
    # too), which the model it starts from does not know: the new model will not know them (`core.held_out_classes`,
    # `petloc train`'s rule and words), counted on the images the run trains on, its unreviewed pre-labels' included;
    # and the same with them left out (`without_prelabels`; None: the same)
    test_only: HeldOutOnly = field(default_factory=HeldOutOnly)
    test_only_without_prelabels: HeldOutOnly | None = None
    # `petloc digits` canvases of MNIST digits the current model has seen, by their folders' records and its
    # meta.json (`model.current_model_digits`, `petloc evaluate`'s n_learned_digits rule): of the annotated
    # images the run reads (``seen_of``), those of digits its published test figure is on, those it (or a model
    # up its line) learned or chose its epoch with, and what it did with those (`core.digits_record.learned_words`)
    seen_tested: int = 0
    seen_learned: int = 0
    seen_of: int = 0
    seen_learned_words: str = "learned"
    # the validation images the end's comparison with the current model scores (`verdict_images.compared_count`):
    # its verdict needs `core.paired_stats.MIN_IMAGES` of them; None: not worked out
    compared: int | None = None
    fraction: float = 0.0  # the validation fraction the preview split at

    def seen_digits_note(self) -> str:
        """The dialog's line on the canvases of digits the current model was tested on (or learned, or chose its
        epoch with): other bytes than its own images, so the run does not hold them out, and the new model's
        figures are no match for the current model's published one on those digits; "" when there are none."""
        n = self.seen_tested + self.seen_learned
        if not n:
            return ""
        did = [done for done, count in (("was tested on", self.seen_tested),
                                        (self.seen_learned_words.rstrip(","), self.seen_learned)) if count]
        holds = "holds an MNIST digit" if n == 1 else "hold MNIST digits"
        figure = "published test figure" if self.seen_tested else "published figures"
        return (f"{n} of the {counted(self.seen_of, 'annotated image')} {holds} the current model {' or '.join(did)} "
                "(by the folder's petloc-digits.json and the model's meta.json): as other canvases than its own they "
                f"are not held out, so the new model's figures cannot be compared with the current model's {figure} "
                "on those digits")

    def layout_test_note(self) -> str:
        """What the dialog says of the annotated images of the folder's test list the run holds out
        (``layout_test``), in the words the run logs (`layout_test_split.LayoutTestHoldout.notice`); "" when
        none. What kept the list from being read whole is said too (after them, or alone), as the run warns of it."""
        from petloc_gui.model.layout_test_split import test_figures_said  # the run's words

        problems = "; ".join(self.layout_test_problems)
        if not self.layout_test:
            return problems[:1].upper() + problems[1:]
        them = "it" if self.layout_test == 1 else "them"
        copies = (f", {self.layout_test_copies} of {them} as a byte copy of a listed image under another name"
                  if self.layout_test_copies else "")
        listing = f" ({self.layout_test_list})" if self.layout_test_list else ""
        figures = test_figures_said(self.layout_test, self.layout_test_learned)
        return (f"{counted(self.layout_test, 'annotated image')} {'is' if self.layout_test == 1 else 'are'} on the "
                f"folder's test list{listing}{copies}: the run holds {them} out, as petloc train --exclude-list "
                f"does{figures}"
                + (f". But {problems}" if problems else ""))

    def test_only_note(self) -> str:
        """The dialog's sentence on the classes boxed only on the test images the run holds out (``test_only``), as
        `petloc train` says it before its run; "" when there are none."""
        return "\n".join(f"{line[:1].upper()}{line[1:]}." for line in self.test_only.lines(visible))

    def unusable_note(self) -> str:
        """What the preview says of the annotated images the run leaves out by its check (``unusable``), as
        the run says each at its start ("skipped …: unreadable image: …"); "" when none."""
        if not self.unusable:
            return ""
        are = "is" if self.unusable == 1 else "are"
        return f"{counted(self.unusable, 'annotated image')} {are} left out: unreadable, or a box outside the image"

    def case_variants(self, with_prelabels: bool = True, renamed: Mapping[str, str] | None = None,
                      rename_hint: RenameHint | None = None) -> str:
        """Why the run is refused for labels that differ only in case, spacing, Unicode form or invisible characters,
        as `petloc train` refuses it (`core.case_variant_refusal`), "" when it is not: the boxes it trains on
        (``with_prelabels``: the unreviewed pre-labels' too) and, fine-tuning, its model's classes (``renamed``
        applied)."""
        from petloc_gui.model.class_renames import class_names_after

        counts = Counter(self.box_counts)
        if with_prelabels:
            counts.update(self.prelabel_box_counts)
        parent = class_names_after(self.parent_classes, renamed or {}, ())
        return case_variant_refusal(counts, parent, rename_hint)

    def without_prelabels(self) -> Holdout:
        """The holdout of the same run leaving the pre-labels out (`TrainingData.collect`'s
        skip_prelabels): the same validation images, as pre-labels never validate, but the run
        cannot start when too few of the others are left; the classes boxed only on test images counted without
        them (`test_only`: a class whose other boxes are all pre-labels is one of them then)."""
        held = self.test_only if self.test_only_without_prelabels is None else self.test_only_without_prelabels
        holdout = replace(self, test_only=held, test_only_without_prelabels=None)
        if holdout.problem and holdout.problem_without_prelabels:  # the run's own words, worked out by its code
            return replace(holdout, problem=holdout.problem_without_prelabels)
        if not holdout.prelabels or holdout.reviewed is None:
            return holdout
        from petloc_gui.model.cannot_train import nothing_left_to_train, too_few_images  # no TensorFlow

        if holdout.reviewed < 2:  # also when too few were annotated at all: the run's words, pre-labels named
            return replace(holdout, count=0, names=[], problem=too_few_images(holdout.reviewed, holdout.prelabels))
        if holdout.reviewed <= holdout.count:  # e.g. the current model's validation images, kept in validation
            return replace(holdout, problem=nothing_left_to_train(holdout.prelabels))
        return holdout
