"""`petloc train`'s progress on stderr: a bar per epoch, one line per epoch, and the closing lines."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from petloc_gui.app.epoch_line import epoch_line
from petloc_gui.app.learned_digits_said import hedges_in
from petloc_gui.app.model_metrics import accepted_names, figure, image_count
from petloc_gui.cli.output import ProgressBar, error, finite, info, show
from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.shared_annotations import SHARES, left_out_line
from petloc_gui.core.text import counted, names_set_apart
from petloc_gui.core.unscored_classes import classes_without_count, not_scored_sentence
from petloc_gui.model.worker_end import Chief


class TrainReporter:
    """`on_event` callback: a progress bar per epoch and one summary line per epoch on stderr."""

    def __init__(self, stream=None, lineage_incomplete: str = "") -> None:
        self.stream = stream
        # why the images the model fine-tuned from and its ancestors trained on are not all known
        # (`model.collected_folder`): the closing figures may be on some of them, and say so
        self.lineage_incomplete = lineage_incomplete
        # the scored validation images that are canvases of MNIST digits a model learned on other canvases
        # (`model.training_digits`), as the "done" event records them
        self.digits: dict[str, Any] | None = None
        self.bar: ProgressBar | None = None
        self.bar_epoch: int | None = None
        self.epochs: int | None = None
        self.bundle: str | None = None
        self.n_val: int | None = None  # validation images held out (the start event's)
        self.known_before: set[str] | None = None  # a fine-tune's parent's classes, renamed ones by their new name
        # the scored validation images holding boxes accepted unchanged from a model (`model.training_accepted`)
        self.accepted: dict[str, Any] | None = None

    def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "start":
            self.epochs = event.get("epochs")
            self.n_val = event.get("n_val")
            self.known_before = known_before(event)
            report_skipped(event.get("skipped") or [])
            info(_start_line(event))
        elif kind == "batch":
            epoch = event.get("epoch")
            if self.bar is None or self.bar_epoch != epoch:
                self.close()
                label = f"epoch {epoch}/{self.epochs}" if self.epochs else f"epoch {epoch}"
                self.bar = ProgressBar(label, int(event.get("steps") or 0), stream=self.stream)
                self.bar_epoch = epoch
            self.bar.update(int(event.get("step") or 0), event.get("loss"))
        elif kind == "epoch":
            self.close()
            self.epochs = event.get("epochs") or self.epochs
            info(epoch_line(event))
        elif kind == "notice":
            self.close()
            error(str(event.get("message")))
        elif kind == "done":
            self.close()
            self.bundle = event.get("bundle")
            info(final_line(event.get("metrics") or {}, self.n_val))
            if self.lineage_incomplete:  # (its start said so in full)
                error(f"warning: these figures may be on images a model it descends from trained on "
                      f"({self.lineage_incomplete}; meta.json training_data.lineage_incomplete)")
            self.accepted = accepted_of(event)
            for line in person_lines(self.accepted):
                info(line)
            if self.accepted:  # as `petloc evaluate` warns of the images it scores
                # the record's warning is plain (`model.comparison_accepted.told`): its models set apart here
                error(names_set_apart(accepted_warning(self.accepted), accepted_names(self.accepted)),
                      names_isolated=True)
            self.digits = learned_digits_of(event)
            for line in learned_digits_lines(self.digits):
                error(line)
            unscored = not_scored_line(event.get("metrics") or {}, self.known_before)
            if unscored:
                info(unscored)
            if self.bundle:
                info(f"bundle written to {show(self.bundle)}")
            else:
                info(non_chief_line(event.get("chief")))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def non_chief_line(chief: Any) -> str:
    """A non-chief worker's last line: the chief it trained with, and where that chief wrote the bundle (a
    leftover worker 0 of an earlier run, taking this worker, writes into that run's --out)."""
    said = Chief.from_record(chief)
    if said is None:
        return "this worker is done; the chief worker writes the bundle"
    return f"this worker is done; the chief, {said.named()}, wrote the bundle to {show(said.bundle)}"


def _start_line(event: dict[str, Any]) -> str:
    """`training 40 images (32 train, 8 validation), 3 classes, up to 10 epochs of 2 steps`."""
    n_train, n_val = event.get("n_train"), event.get("n_val")
    names = event.get("class_names") or []
    selection, report = event.get("selection_images"), event.get("report_images")
    parts = f"{len(selection)} choose the epoch, {len(report)} report" if selection and report else ""
    text = (f"training on {counted((n_train or 0) + (n_val or 0), 'image')} ({n_train} train, {n_val} validation"
            + (f": {parts}" if parts else "") + ")")
    if names:
        text += f", {counted(len(names), 'class', 'classes')}"
    if event.get("epochs"):
        text += f", up to {counted(event['epochs'], 'epoch')}"
    if event.get("steps_per_epoch"):
        text += f" of {counted(event['steps_per_epoch'], 'step')}"
    if event.get("n_test"):  # the exclude list, or a parent model's test images: never trained or validated on
        text += f"; {counted(event['n_test'], 'test image')} held out, never used"
    if event.get("n_prelabels"):  # `petloc predict --write-voc` files nobody has saved since
        are = "is an unreviewed pre-label" if event["n_prelabels"] == 1 else "are unreviewed pre-labels"
        text += (f"; {event['n_prelabels']} of the training images {are} "
                 "(a model's boxes): trained on, never validated on")
    if event.get("n_prelabels_skipped"):  # --skip-prelabels: in no split, not even test
        n = event["n_prelabels_skipped"]
        text += f"; {counted(n, 'unreviewed pre-label')} left out (--skip-prelabels)"
    return text


def report_skipped(skipped: list) -> None:
    """The images training leaves out, on stderr (file names escaped). Images without an annotation
    are normal (one count); images whose annotation file is another image's get one line
    (`core.shared_annotations`); anything else gets its own line."""
    unannotated = 0
    shared: list[tuple[str, str]] = []
    for entry in skipped:
        path, reason = [*entry, "", ""][:2]
        if reason == NO_ANNOTATION:
            unannotated += 1
        elif str(reason).startswith(SHARES):
            shared.append((str(path), str(reason)))
        else:
            error(f"skipped {path}: {reason}")
    if shared:
        error(left_out_line("left out", shared, set_apart=True), names_isolated=True)
    if unannotated:
        info(f"{counted(unannotated, 'image')} without an annotation not used")


FIGURES = ("accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")  # what the closing line reports


def final_line(metrics: dict[str, Any], n_validation: int | None = None) -> str:
    """The kept epoch's figures, naming the images they were measured on: the validation
    images that did not choose the epoch when there are some, so they can differ from the
    epoch lines (measured on the part that chose it). ``n_validation``: how many were held out."""
    n = int(metrics.get("n_images") or 0)
    split = str(metrics.get("split") or "")
    if not any(finite(metrics.get(key)) is not None for key in FIGURES):
        if split.startswith("none"):  # no validation figures: training kept its last epoch
            if n_validation == 0:  # by the count: models trained before the two splits were told apart
                return "no validation images were held out: the last epoch was kept, with no figures"
            return "no validation images could be read: the last epoch was kept, with no figures"
        return f"no figures for the kept epoch: none of its {split or 'validation'} images could be read"
    where = f"{split or 'validation'}, {counted(n, 'image')}" if n else (split or "validation")
    return f"best epoch on {where}: {_metrics_text(metrics)}"


def not_scored_line(metrics: dict[str, Any], known_before: Collection[str] | None = None) -> str:
    """The closing line naming the classes the kept epoch's figures were measured on no image of (a
    class with few images, or one just added, can have none among the report images); "" when none.
    ``known_before``: a fine-tune's parent's classes (`known_before`): those it lacks are marked new and
    named first, as the Retraining window's comparison names them."""
    missing = classes_without_count(metrics)
    names = metrics.get("class_names")
    n_classes = len(names) if isinstance(names, list) else len(missing)
    new = [name for name in missing if known_before and name not in known_before]
    return not_scored_sentence(missing, int(metrics.get("n_images") or 0), n_classes, new)


def known_before(start: dict[str, Any]) -> set[str] | None:
    """The classes a fine-tune's parent knew, from the start event (``parent_class_names``; a class
    renamed since, ``renamed_from_parent``, counts by its new name); None for a model trained from scratch."""
    parent = start.get("parent_class_names")
    if not isinstance(parent, list):
        return None
    renamed = start.get("renamed_from_parent")
    return {str(name) for name in parent} | ({str(new) for new in renamed} if isinstance(renamed, dict) else set())


def _metrics_text(metrics: dict[str, Any]) -> str:
    # `figure`: a record read back from disk (`petloc models`) may hold anything where a figure belongs
    parts = [f"{key} {value:.3f}" for key in FIGURES if (value := figure(metrics.get(key))) is not None]
    return "  ".join(parts) or "no validation metrics"


def accepted_of(done: dict[str, Any]) -> dict[str, Any] | None:
    """The "done" event's record of the scored validation images holding boxes a person accepted unchanged from
    a model (meta.json ``metrics_accepted_boxes``, `model.training_accepted`); None when there are none."""
    from petloc_gui.model.training_accepted import KEY  # (the run has loaded the model layer by now)

    record = done.get(KEY)
    return record if isinstance(record, dict) and record.get("n_images") else None


def person_lines(record: dict[str, Any] | None) -> list[str]:
    """The closing line of figures on the images whose boxes a person drew, beside `final_line`'s on every
    image scored; none when there is no such record, or every image holds a model's box and label. The words
    for these figures wherever a record is shown (`petloc train`, the Retraining window, `petloc models`, the
    Dataset panel): each count is said, and accuracy named on the images it is on (those whose labels a
    person gave) when they are not the ones whose boxes a person drew."""
    person = (record or {}).get("person_drawn")
    if not isinstance(person, dict):
        return []
    # counts as `app.model_metrics` reads them: a record read back from disk may hold anything
    n, labelled = image_count(person.get("n_images")) or 0, image_count(person.get("n_labelled")) or 0
    n_scored = image_count(record.get("n_scored")) if record else None

    def images(count: int) -> str:
        return f"{count} of these {n_scored} images" if n_scored else counted(count, "image")

    if not n:  # every box a model's, some relabelled: only accuracy is against a person's work
        accuracy = figure(person.get("accuracy"))
        return [f"on the {images(labelled)} whose labels a person gave (none with boxes a person drew): "
                f"accuracy {'-' if accuracy is None else f'{accuracy:.3f}'}"]
    on = f" (accuracy: on the {labelled} whose labels a person gave)" if labelled != n else ""
    return [f"on the {images(n)} whose boxes a person drew{on}: {_metrics_text(person)}"]


def learned_digits_of(done: dict[str, Any]) -> dict[str, Any] | None:
    """The "done" event's record of the scored validation images that hold MNIST digits a model learned on
    other canvases (meta.json ``metrics_learned_digits``, `model.training_digits`); None when there is none
    (nothing to say) or it holds no sentence."""
    from petloc_gui.model.training_digits import KEY  # (the run has loaded the model layer by now)

    record = done.get(KEY)
    return record if hedges_in(record) else None


def learned_digits_lines(record: dict[str, Any] | None) -> list[str]:
    """Each sentence of that record (`learned_digits_of`; the retrain comparison's words) as the warning line
    under the closing figures, naming where it is recorded: `petloc train`'s and the Retraining window's."""
    from petloc_gui.model.training_digits import KEY

    return [f"warning: {sentence.removesuffix('.')} (meta.json {KEY})" for sentence in hedges_in(record)]


def accepted_warning(record: dict[str, Any]) -> str:
    """The warning line on those images, in `petloc evaluate`'s words (`core.accepted_boxes`), naming where
    the figures on a person's images are."""
    where = " (the line above; meta.json metrics_accepted_boxes)" if record.get("person_drawn") else ""
    return f"warning: {record.get('warning')}{where}"
