"""The "Retrain…" options dialog: starting point, epochs, validation split, pre-labels, saving."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QListWidget,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.core.case_variant_refusal import Wording
from petloc_gui.core.text import counted, isolated, visible
from petloc_gui.model.retrain_policy import RETRAIN_EPOCHS, VAL_FRACTION
from petloc_gui.ui import background
from petloc_gui.ui.number_fields import DecimalField, RefusalNote, WholeNumberField, refused
from petloc_gui.ui.training.prelabel_notes import left_out_note, prelabel_note
from petloc_gui.ui.training.rename_choices import RenameChoices
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import HoldoutPreview
from petloc_gui.ui.training.retrain_summary import cannot_start_summary, held_out_summary
from petloc_gui.ui.training.scrolled_body import ScrolledBody, grow_within_screen
from petloc_gui.ui.training.thin_classes_note import ThinClassesNote

# Reads the annotations (slow on big folders, so it runs in a thread) and returns the preview.
HoldoutLoader = Callable[[], "HoldoutPreview | None"]
MIN_WIDTH = 560  # the folder path and the wrapped notes stay readable
CANNOT_FINE_TUNE = ("The current model cannot be read, so it cannot be fine-tuned: train from scratch, or choose "
                    "another model in Model → Versions first.")


def window_rename_hint(renames: Sequence[tuple[str, str]]) -> str:
    """The refusal's other way for a class of the model spelled otherwise in the folder, ``(the folder's
    spelling, the model's)`` each: the class choices above (`RenameChoices`), where `petloc train` says
    --renamed."""
    # each name set apart (`isolated`): a Hebrew or Arabic class name keeps the sentence around it in order
    choices = " and ".join(f'"{isolated(old)} renamed" for {isolated(new)}' for new, old in renames)
    return (f"; or, for a class of the model spelled otherwise here, choose {choices} above, to keep its weights "
            "under this folder's spelling")


@dataclass(frozen=True)
class RetrainOptions:
    """What the user chose."""

    from_current: bool = True
    epochs: int = RETRAIN_EPOCHS
    val_fraction: float = VAL_FRACTION
    save_first: bool = True
    train_prelabels: bool = True  # train on the folder's unreviewed pre-labels too (else they are left out)
    # fine-tuning: the current model's classes renamed, {new name: its name} (the worker's --renamed NEW=OLD)
    renamed: Mapping[str, str] = field(default_factory=dict)


class RetrainDialog(QDialog):
    """Asks how to retrain; ``options()`` holds the answer after ``exec()``."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        model_name: str,
        data_name: str,
        n_annotated: int | None,
        has_unsaved: bool,
        holdout_loader: HoldoutLoader | None = None,
        defaults: RetrainOptions = RetrainOptions(),
        can_fine_tune: bool = True,
        session_renames: Mapping[str, str] | None = None,
    ) -> None:
        """``session_renames``: the classes renamed with Edit → Classes while the folder is open,
        ``{old: name now}`` (`FolderClasses.renames`): a fine-tune is offered them, prefilled."""
        super().__init__(parent)
        self._session_renames = dict(session_renames or {})
        self._first_model = False  # a folder's first model: nothing to compare it with (`set_first_model`)
        self.setWindowTitle("Retrain the model")
        self._defaults = defaults
        self._holdout_preview: HoldoutPreview | None = None
        self._loading: background.Worker | None = None
        if holdout_loader is not None:  # reads every saved annotation: off the UI thread
            self._loading = background.start(holdout_loader, returned=self._loaded,
                                             errored=self._load_failed)
        self.from_current = QRadioButton(f"Fine-tune the current model ({isolated(model_name)})")
        self.from_scratch = QRadioButton("Train from scratch (ImageNet backbone when available)")
        group = QButtonGroup(self)
        group.addButton(self.from_current)
        group.addButton(self.from_scratch)
        (self.from_current if defaults.from_current and can_fine_tune else self.from_scratch).setChecked(True)
        # under the greyed choice, in sight: in its tooltip only, a greyed control hardly showed it, a keyboard never
        self.fine_tune_reason = QLabel(CANNOT_FINE_TUNE)
        self.fine_tune_reason.setWordWrap(True)
        style = self.style()  # under the choice's words, past its round button
        self.fine_tune_reason.setContentsMargins(
            style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing), 0, 0, 0)
        self.fine_tune_reason.setVisible(not can_fine_tune)
        if not can_fine_tune:
            self.from_current.setEnabled(False)
            self.from_current.setToolTip(CANNOT_FINE_TUNE)
        # "0.35" as the docs and --val-fraction write it, whatever the locale (`number_fields`)
        self.epochs = WholeNumberField(minimum=1, maximum=500, value=defaults.epochs)
        self.val_fraction = DecimalField(minimum=0.05, maximum=0.5, singleStep=0.05, decimals=2)
        self.val_fraction.setValue(defaults.val_fraction)
        self.number_refusal = RefusalNote(self.epochs, self.val_fraction)  # what they refused, until corrected
        self.holdout_label = QLabel()
        self.holdout_label.setWordWrap(True)
        # its texts name classes and files ("class '<b>cat'", a failed preview's error): words, never markup
        self.holdout_label.setTextFormat(Qt.TextFormat.PlainText)
        self.holdout_list = QListWidget()
        self.holdout_list.setAccessibleName("Held-out images")
        self.holdout_list.setAccessibleDescription("The images kept out of training to score the new model on")
        self.holdout_list.setMaximumHeight(110)
        # thousands of names on a big folder: laid out a hundred at a time between events, not in one go on
        # every step of the fraction (3,500 names froze the dialog ~25 ms a step; their widths stay exact)
        self.holdout_list.setLayoutMode(QListView.LayoutMode.Batched)
        self._listed: list[str] = []  # the names the list holds, as the preview gave them
        # a `petloc digits` record that cannot tell the digits of training canvases: what the new model then records
        self.digits_note = QLabel()
        self.digits_note.setWordWrap(True)
        self.digits_note.hide()
        self.thin_note = ThinClassesNote()  # the classes too thin to be both trained on and measured
        self.rename_choices = RenameChoices()  # fine-tuning: a class new to the model, or one of its renamed?
        self.rename_choices.hide()
        # a class typed two ways ("Bengal", "bengal"): the run is refused, as `petloc train` refuses it
        self.variants_note = QLabel()
        self.variants_note.setWordWrap(True)
        self.variants_note.setTextFormat(Qt.TextFormat.PlainText)  # a class "<b>cat" is a name, not markup
        self.variants_note.hide()
        self._preview: Holdout | None = None  # the run's preview as shown (`_show_holdout`)
        self._holdout_blocks = False  # the preview says the run cannot start
        self.prelabel_note = QLabel()  # next to the held-out list: what the run does with unchecked boxes
        self.prelabel_note.setWordWrap(True)
        self.prelabel_note.setTextFormat(Qt.TextFormat.PlainText)  # a model named "<b>x" is a name, not markup
        self.prelabel_note.hide()
        # shown only when the folder has pre-labels; until then it keeps the remembered choice
        self.train_prelabels = QCheckBox()
        self.train_prelabels.setChecked(defaults.train_prelabels)
        self.train_prelabels.hide()
        self.save_first = QCheckBox("Save my unsaved edits first (training reads saved annotations only)")
        self.save_first.setChecked(has_unsaved and defaults.save_first)
        self.save_first.setEnabled(has_unsaved)
        if not has_unsaved:
            self.save_first.setText("No unsaved edits: training uses the saved annotations")

        annotated = f", {n_annotated} annotated images" if n_annotated is not None else ""
        form = QFormLayout()
        # the folder set apart: "ar_صور" took the line's direction ("…/ar_72 ,صور annotated images")
        data = QLabel(f"{isolated(data_name)}{annotated}")
        data.setTextFormat(Qt.TextFormat.PlainText)  # a folder "<b>x" is a name, not markup
        # wrapped where the path may break ("/", "-"): on one line a long folder made the body wider than an
        # 800 px screen at 1.5, and it scrolled sideways, every note under it cut at the dialog's right edge
        data.setWordWrap(True)
        form.addRow("Data:", data)
        form.addRow("Epochs:", self.epochs)
        form.addRow("Validation fraction:", self.val_fraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText("Start training")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel("Training runs in the background; you can keep reviewing and editing. "
                      "Edits made meanwhile are kept but are not part of this run.")
        note.setWordWrap(True)

        self.body = ScrolledBody()  # scrolls where the screen is short: the buttons under it stay in view
        rows = self.body.rows
        rows.addWidget(self.from_current)
        rows.addWidget(self.fine_tune_reason)
        rows.addWidget(self.from_scratch)
        rows.addLayout(form)
        rows.addWidget(self.number_refusal)
        rows.addWidget(self.rename_choices)
        rows.addWidget(self.variants_note)  # under the class choices: it may name one to make
        rows.addWidget(self.holdout_label)
        rows.addWidget(self.holdout_list)
        rows.addWidget(self.prelabel_note)
        rows.addWidget(self.train_prelabels)
        rows.addWidget(self.thin_note)  # after the pre-labels' choice, which it follows
        rows.addWidget(self.digits_note)
        rows.addWidget(self.save_first)
        rows.addWidget(note)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.val_fraction.valueChanged.connect(self._update_holdout)
        for number in (self.epochs, self.val_fraction):  # the refusal's line under them: room for it
            number.refusal_said.connect(self._grow_to_contents)
        self.from_current.toggled.connect(self._update_holdout)  # fine-tuning keeps the model's test images out
        self.save_first.toggled.connect(self._update_holdout)  # saving first may make a run possible
        self.train_prelabels.toggled.connect(self._update_holdout)  # leaving them out may leave too few
        # a rename may give a class one name, and keeps the pre-labels of a model that knew its old name
        self.rename_choices.changed.connect(self._update_holdout)
        self.resize(MIN_WIDTH, 1)  # then grown to what the contents need (`_grow_to_contents`)
        self._update_holdout()

    def _grow_to_contents(self) -> None:
        """Grow (never shrink) to the height the contents need at this width, never past the screen's room
        (`scrolled_body.grow_within_screen`): the held-out list appears after the dialog is shown, and the
        word-wrapped notes' height depends on the width, which the dialog's minimum size does not follow."""
        grow_within_screen(self, self.body, self._buttons)

    def accept(self) -> None:  # Qt's name
        # by any route (Return in another field, "Start training"): not while a field holds what it refused, which
        # Qt left the previous value or the digits it kept ("600" typed read 60, and the run trained 60 epochs)
        if not refused((self.epochs, self.val_fraction)):
            super().accept()

    def options(self) -> RetrainOptions:
        """The choices as they stand."""
        return RetrainOptions(
            from_current=self.from_current.isChecked(),
            epochs=self.epochs.value(),
            val_fraction=round(self.val_fraction.value(), 4),
            save_first=self.save_first.isEnabled() and self.save_first.isChecked(),
            # shown only once the preview counted pre-labels: unseen, it never leaves them out
            train_prelabels=self.train_prelabels.isChecked() or self.train_prelabels.isHidden(),
            renamed=self.rename_choices.renamed() if self._fine_tunes_shown() else {},
        )

    def _fine_tunes_shown(self) -> bool:
        """Whether the run fine-tunes and the class choices are on screen (a run that starts from scratch,
        or before the preview came, renames nothing)."""
        return self.from_current.isChecked() and self.rename_choices.isVisibleTo(self)

    def set_first_model(self) -> None:
        """A folder's first model (`retrain_ask.as_first_model`): there is no current model to compare the
        new one with, and the held-out note does not say they are compared."""
        self._first_model = True
        self.fine_tune_reason.hide()  # there is no current model: its choice is not shown either
        self._update_holdout()

    def next_defaults(self) -> RetrainOptions:
        """What the dialog opens with next time: the choices as they stand, but a choice the user
        could not make this time (no unsaved edits; a model that cannot be fine-tuned; no pre-labels
        shown) keeps its earlier value (a run with nothing to save unticked "Save my edits first" for good).
        Renames are this run's: the next one starts from a model that knows the new names."""
        chosen, earlier = self.options(), self._defaults
        return replace(chosen,
                       from_current=chosen.from_current if self.from_current.isEnabled() else earlier.from_current,
                       save_first=chosen.save_first if self.save_first.isEnabled() else earlier.save_first,
                       train_prelabels=(earlier.train_prelabels if self.train_prelabels.isHidden()
                                        else chosen.train_prelabels), renamed={})

    def _load_failed(self, _exc: Exception) -> None:
        self._loaded(None)

    def _loaded(self, preview: HoldoutPreview | None) -> None:
        """The preview arrived (None: without one the dialog says when the list comes)."""
        self._holdout_preview = preview
        self._loading = None
        self._update_holdout()

    def _update_holdout(self) -> None:
        self._preview = None
        self._show_holdout()
        self.thin_note.show_for(self._preview, self.train_prelabels.isChecked())
        self._holdout_blocks = not self.start_button.isEnabled()
        self._show_case_variants()

    def _show_case_variants(self) -> None:
        """Refuse the run, as `petloc train` does and in its words, while a class is typed two ways among its
        boxes and its model's classes (a rename chosen above applied): trained, they would be two classes."""
        renamed = self.options().renamed
        # the window's words: a class of the model is renamed with the class choices above, never --renamed
        hint = Wording("above", window_rename_hint if self._fine_tunes_shown() else None)
        refusal = self._preview.case_variants(self.train_prelabels.isChecked(), renamed, hint) if self._preview else ""
        text = ""
        if refusal and self.save_first.isEnabled():  # unsaved edits: the preview read the files as saved
            # refused all the same: the run would train the classes apart if the edits did not merge them
            text = (f"As saved now, this run could not start: {refusal}. Unsaved edits are not read here (a rename "
                    "with Edit → Classes… is an edit until saved): save them (File → Save all, Ctrl+Shift+S), then "
                    "open Retrain again.")
        elif refusal:
            text = f"This run cannot start: {refusal}."
        self.variants_note.setText(text)
        self.variants_note.setVisible(bool(text))
        self.start_button.setEnabled(not self._holdout_blocks and not refusal)
        self._grow_to_contents()

    def _show_holdout(self) -> None:
        fraction = self.val_fraction.value()
        self._show_digits_notes(())  # said only of a run that can start (the last branch)
        if self._loading is not None:
            self.rename_choices.hide()  # offered with a preview only (`_previewed`)
            self.holdout_label.setText("Reading the saved annotations to list the validation images…")
            self.holdout_list.hide()
            self._show_prelabels(0)
            return
        preview = None
        self.start_button.setEnabled(True)
        if self._holdout_preview is None:
            self.rename_choices.hide()
        else:
            try:
                preview = self._previewed(self._holdout_preview, fraction)
                self._preview = preview
            except Exception as exc:  # noqa: BLE001 - a preview must never break the dialog
                self.rename_choices.hide()
                self.holdout_label.setText(f"The validation images cannot be listed yet ({exc}).")
                self._list_held_out([])
                self._show_prelabels(0)
                return
        self._list_held_out(preview.names if preview is not None and not preview.problem else [])
        self._show_prelabels(preview.prelabels if preview is not None else 0,
                             preview.prelabels_left_out if preview is not None else {})
        if preview is not None and preview.problem:  # starting would only fail: say why now
            saved_first = self.save_first.isEnabled() and self.save_first.isChecked()  # the preview reads saved files
            self.holdout_label.setText(cannot_start_summary(preview, saved_first))
            self.start_button.setEnabled(saved_first)
            self.holdout_list.hide()
            self._grow_to_contents()
            return
        if preview is None:
            self.holdout_label.setText(
                f"About {fraction:.0%} of the annotated images are held out for validation (each image's side is "
                "chosen from its path, so adding images leaves the others where they are, except that a class whose "
                "images all fell on one side has one of them moved across); they are listed when training starts."
            )
            self.holdout_list.hide()
            self._grow_to_contents()
            return
        self.holdout_label.setText(held_out_summary(preview, self.from_current.isChecked(), self._first_model))
        self.holdout_list.show()
        # the current model's seen digits first: what the run's figures mean, before the records' warnings
        self._show_digits_notes(tuple(filter(None, (preview.seen_digits_note(), *preview.digits_notes))))
        self._grow_to_contents()

    def _list_held_out(self, names: list[str]) -> None:
        """The held-out list holds ``names``; the same names as shown are left as they are (ticking the
        pre-labels box keeps the list, and where it was scrolled to)."""
        if names == self._listed:
            return
        self._listed = list(names)
        self.holdout_list.clear()
        self.holdout_list.addItems([visible(name) for name in names])  # no raw control/bidi characters

    def _previewed(self, holdout_preview: HoldoutPreview, fraction: float) -> Holdout:
        """The run's preview, the class choices of a fine-tune shown with it (or not) and the renames chosen
        there applied, as the run applies them (`options`): the pre-labels it leaves out as their model did not
        know a class follow them (a model that knew a class's old name knew it). Whether the choices are
        offered is the preview's without renames: a rename chosen never hides the choice that undoes it."""
        fine_tune = self.from_current.isChecked()
        preview = holdout_preview(fraction, fine_tune)
        if not self.train_prelabels.isChecked():  # the run leaves them out (`TrainingData.collect`)
            preview = preview.without_prelabels()
        offered = fine_tune and not preview.problem and bool(preview.new_classes)
        if offered:  # the same classes again keep the choices made (`RenameChoices.set_classes`)
            self.rename_choices.set_classes(preview.parent_classes, preview.new_classes, preview.unused_classes,
                                            self._session_renames)
            renamed = self.rename_choices.renamed()
            if renamed:
                preview = holdout_preview(fraction, fine_tune, renamed)
                if not self.train_prelabels.isChecked():
                    preview = preview.without_prelabels()
        # shown or hidden, never hidden and shown again: a choice made with the keyboard keeps the keyboard
        self.rename_choices.setVisible(offered)
        return preview

    def _show_digits_notes(self, notes: tuple[str, ...]) -> None:
        # the run's own warnings, before it starts: moving the record away and making it anew first is cheaper
        self.digits_note.setText("\n".join(f"Warning: {visible(note)}." for note in notes))
        self.digits_note.setVisible(bool(notes))

    def _show_prelabels(self, count: int, left_out: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        """``count``: the unreviewed pre-labels the run may train on; ``left_out``: those every run leaves out,
        by model (`Holdout.prelabels_left_out`), one line of their own."""
        # the preview reads the saved files: edits saved first may turn pre-labels into a person's boxes
        text = prelabel_note(count, self.save_first.isEnabled() and self.save_first.isChecked(),
                             self.train_prelabels.isChecked())
        text = "\n".join(line for line in (text, left_out_note(left_out or {}, more=count > 0)) if line)
        self.prelabel_note.setText(text)
        self.prelabel_note.setVisible(bool(text))
        self.train_prelabels.setText(f"Train on the {counted(count, 'unreviewed pre-label')} too")
        self.train_prelabels.setVisible(count > 0)
