"""Model → Versions: the bundled models, then every trained version, newest first; picking one uses it.

A version folder that cannot be used (model.keras missing or broken, meta.json
unreadable) is listed greyed, with why in its tooltip, as `petloc models` lists
it unavailable; one whose version.json is damaged is usable, with a note of
what is lost.

Each entry names the model by its date and its figures, with the images they
were measured on (app.model_metrics: the same figures as the status bar), and
their cautions in short, as the status bar's compact form says them
(app.figures_short: "acc 1.000 · IoU 0.927 on 1 validation image · optimistic ·
too few to compare"); the whole text is in its tooltip. With the whole caution
text in it, an entry was ~1300 px wide: cut at a 1024 px screen's edge, or
opened over its parent menu.

The entry of the model in use carries what the window's check of it against
the open folder found (`TrainedHereWatch.found`): images its figures were
measured on re-boxed since its run ("1 re-boxed since"), as the model label
says it; the figures listed were those before the correction, with no word.
Those found here with no annotation are said too ("1 unannotated here"),
with a re-box or without one, as the label says them.

A version whose run finished but for which neither Use nor Discard was chosen
says so: this window's new model "new: not kept yet" (its Retraining window
asks), one whose window closed first (killed, a crash: its version.json says
``"decided": false``) "not kept or discarded yet", with how to decide in its
tooltip; it was listed as an ordinary version. The mark comes right after the
date: last, it was cut first ("… · pets-20261206T095852Z-329e98 · new: not kep"
at scale 1.5 on a 1366 px screen), and an entry wider than the screen the menu
opens on has its id shortened, then its end cut (`versions_entry_fit`); the
tooltip has it all.

Delete versions… (after Open the versions folder) opens `DeleteVersionsDialog`: versions retrained daily piled
up with no way to delete one but by hand, past Discard's checks; the menu is listed again once it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from petloc_gui.app.figures_short import Caution
from petloc_gui.app.model_metrics import (
    figures_said,
    headline_metrics,
    held_out_count,
    metrics_text,
    not_measured,
    shown_split,
    split_of_figures,
    usable_metrics,
    with_meta_accepted,
)
from petloc_gui.app.trained_here_said import cautions
from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.model.versions import UNDECIDED_NOTE, Version, VersionStore
from petloc_gui.ui.keyboard_back import keyboard_back, open_with_keyboard_back
from petloc_gui.ui.modal import modal
from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog, model_folder
from petloc_gui.ui.models.model_handle import BUNDLED_MODELS
from petloc_gui.ui.models.versions_entry_fit import fit_entries, joined, keyed, menu_text, screen_width
from petloc_gui.ui.plain_text import literal

UNUSABLE = "unusable:"  # data of the entries of version folders that cannot be used
UNDECIDED = "new: not kept yet"
LEFT_UNDECIDED = "not kept or discarded yet"  # no window of this run asks (`Version.undecided`); the note says why
UNDECIDED_TIP = ("The run that made this version has finished and waits for your decision: Use the new model or "
                 "Discard it in the Retraining window (picking it here keeps it).")
OPEN_FOLDER_TEXT = "&Open the versions folder"
DELETE_TEXT = "De&lete versions…"  # (d is the bundled digits' key)
REASON_CHARS = 70  # of the why in the entry's text; the tooltip has it whole
CLASSES_SHOWN = 12  # class names in an entry's tooltip; the others are counted


class VersionsMenu(QMenu):
    """Rebuilt each time it opens, so it always shows what is on disk."""

    version_chosen = Signal(object)  # Version
    bundled_chosen = Signal(str)  # "pets", "digits"

    def __init__(
        self,
        store: VersionStore,
        current_spec: Callable[[], str],
        parent: QWidget | None = None,
        undecided: Callable[[], str | None] = lambda: None,
        in_use_found: Callable[[], Any] = lambda: None,
    ) -> None:
        super().__init__("&Versions", parent)
        self._store = store
        self._current_spec = current_spec
        self._undecided = undecided  # the id of the new version a finished run has not had Use / Discard for
        # the model in use checked against the open folder (`model.trained_here.TrainedHere`), or None
        self._in_use_found = in_use_found
        self.message_box: QMessageBox | None = None  # the last message (the versions folder cannot be shown)
        self.setToolTipsVisible(True)  # a version's path and figures; why a greyed one cannot be used
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """List the stored versions (name, date, metrics); check the current one."""
        self.clear()
        try:
            found, left_out = self._store.scan()
        except Exception as exc:  # noqa: BLE001 - the menu (and the window that builds it) must still open
            found, left_out = [], [(self._store.root, f"cannot be listed: {str(exc) or type(exc).__name__}")]
        versions = list(reversed(found))
        spec = self._current_spec()
        current = model_folder(spec)
        checked_here = self._in_use_found()
        for name in BUNDLED_MODELS:
            def cautions(path: Path, split: str, name: str = name) -> tuple[Caution, ...]:
                return _reboxed(checked_here, split) if _bundled_in_use(name, path, spec, current) else ()

            text, tip, path = _bundled_entry(name, cautions)
            text = menu_text(text)  # the access key: the name's first letter (none on a greyed entry)
            action = QAction(text.replace(f"Bundled: {name}", f"Bundled: &{name}", 1) if path else text, self)
            action.setCheckable(True)
            action.setChecked(_bundled_in_use(name, path, spec, current))
            action.setEnabled(path is not None)  # greyed, with why, as `petloc models` lists it unavailable
            action.setToolTip(literal(tip))  # a path "<b>res/…" named as it is, not drawn as markup
            action.setData(f"bundled:{name}")
            action.triggered.connect(lambda _checked=False, n=name: self.bundled_chosen.emit(n))
            self.addAction(action)
        self.addSeparator()
        if not versions and not left_out:
            empty = self.addAction("No trained versions yet (Model → Retrain…)")
            empty.setEnabled(False)
        undecided = self._undecided()
        keys = _access_keys(taken={name[0] for name in BUNDLED_MODELS} | {"o", "l"})
        entries: list[tuple[QAction, str, tuple[str, ...]]] = []  # each version's action, key and parts
        for version in versions:
            # the figures' own split, as the status line and `petloc models` name it (a copy of a bundled model
            # stored as a version holds its test figures); one validation image: on the image that chose the epoch
            split = shown_split(split_of_figures(version.metrics), version.metrics,
                                version.extra.get("training_metrics"))
            held_out = _held_out(version) if not_measured(version.metrics) else None  # none, or none readable
            # "too few images ..." on under 20; "15 of 16 hold boxes accepted from a model", as the status line says
            record = with_meta_accepted(version.path / "meta.json", version.metrics)
            in_use = current is not None and model_folder(version.path) == current
            figures, short = _figures(record, split, held_out, _reboxed(checked_here, split) if in_use else ())
            # A finished run's new version is in the store before Use / Discard: it looked like a kept one.
            pending = UNDECIDED if version.id == undecided else LEFT_UNDECIDED if version.undecided else ""
            # the record's own "not kept or discarded yet" is the entry's word above: as a note, in the tooltip only,
            # and not at all for this window's new model (its Retraining window asks: UNDECIDED_TIP)
            notes = [note for note in version.notes if note != UNDECIDED_NOTE or version.id != undecided]
            shown_notes = [note for note in notes if note != UNDECIDED_NOTE]
            # Named by its folders, as `petloc models` (pets/d1) and the status line (pets d1) name it, not by
            # what version.json says nor by meta.json's preset: a digits bundle filed in pets/ read "digits …
            # d1" here only. Its note says where it belongs; a damaged version.json (the model is fine) is
            # said the same way; whole in the tooltip.
            note = f"note: {_shortened(shown_notes[0])}" if shown_notes else ""
            # the mark before the figures and the id: an entry too wide is cut at its end (`fit_entries`)
            parts = (f"{version.path.parent.name} {_date(version.created)}", pending, short, version.id, note)
            key = next(keys, "")  # (a list longer than the keys: the rest have none)
            action = QAction(keyed(key, visible(joined(parts))), self)
            entries.append((action, key, parts))
            action.setCheckable(True)
            action.setChecked(in_use)
            tip = _tooltip(version, self._store, figures, notes)
            action.setToolTip(literal(f"{tip}\n{UNDECIDED_TIP}" if pending == UNDECIDED else tip))
            action.setData(version.id)
            action.triggered.connect(lambda _checked=False, v=version: self.version_chosen.emit(v))
            self.addAction(action)
        for folder, reason in left_out:  # as `petloc models` lists them: there, greyed, with why
            self.addAction(_unusable_entry(folder, reason, self))
        self.addSeparator()
        open_folder = self.addAction(OPEN_FOLDER_TEXT)  # (its key, o, is kept from the versions')
        open_folder.triggered.connect(self._open_folder)
        self.delete_action = self.addAction(DELETE_TEXT)  # (its key, l, is kept from the versions' too)
        self.delete_action.triggered.connect(self.delete_versions)
        fit_entries(self, entries, screen_width(self))  # on the screen it opens on: not yet its own

    def version_actions(self) -> list[QAction]:
        """The actions that stand for usable trained versions (tests, accessibility)."""
        return [a for a in self.actions() if a.data() and not str(a.data()).startswith(("bundled:", UNUSABLE))]

    def unusable_actions(self) -> list[QAction]:
        """The greyed entries of version folders that cannot be used (tooltip: why)."""
        return [a for a in self.actions() if str(a.data() or "").startswith(UNUSABLE)]

    def bundled_actions(self) -> list[QAction]:
        return [a for a in self.actions() if str(a.data() or "").startswith("bundled:")]

    def delete_versions(self) -> None:
        """Model → Versions → Delete versions…: the dialog, modal, over the window; the menu listed again after."""
        dialog = DeleteVersionsDialog(self._store, self._current_spec, self._window(), undecided=self._undecided)
        with keyboard_back(), modal(dialog):
            dialog.exec()
        self.rebuild()

    def _window(self) -> QWidget | None:
        """The window the menu belongs to (a menu's popup is no parent for a dialog)."""
        parent = self.parentWidget()
        while isinstance(parent, QMenu):
            parent = parent.parentWidget()
        return parent

    def _open_folder(self) -> None:
        """Model → Versions → Open the versions folder: in the file manager, or a message saying why not
        (an OSError in this slot went to stderr only: a read-only data folder showed nothing)."""
        root = self._store.root
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._tell(f"The versions folder {root} cannot be created ({exc.strerror or exc}), so it cannot be "
                       "shown. Trained versions are kept there: make its folder writable, or start petloc with "
                       "PETLOC_DATA_DIR set to a writable folder.")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(root))):
            self._tell(f"No file manager could be started to show the versions folder. It is {root}.")

    def _tell(self, text: str) -> None:
        # Non-modal, on the window the menu belongs to.
        box = QMessageBox(QMessageBox.Icon.Warning, "Versions folder", visible(text, keep_newlines=True),
                          QMessageBox.StandardButton.Ok, self._window())
        box.setTextFormat(Qt.TextFormat.PlainText)  # a folder "<b>data" named as it is, not as markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_with_keyboard_back(box)
        self.message_box = box


def _unusable_entry(folder: Path, reason: str, parent: QMenu) -> QAction:
    """A greyed entry for a version folder that cannot be read or used; the tooltip says why."""
    short = _shortened(reason)
    action = QAction(menu_text(visible(f"{folder.parent.name}/{folder.name}  ·  cannot be used: {short}")), parent)
    action.setEnabled(False)
    action.setToolTip(literal(visible(f"{folder}: {reason}")))
    action.setData(f"{UNUSABLE}{folder}")
    return action


def _access_keys(taken: set[str]) -> Iterator[str]:
    """The versions' access keys, newest first: 1 … 9, 0, then the letters the menu's other entries
    leave (every entry its own key, as KDE's and GNOME's guidelines ask; Alt+M, V, 1 is the newest)."""
    return (key for key in "1234567890abcdefghijklmnopqrstuvwxyz" if key not in taken)


def _bundled_in_use(name: str, path: Path | None, spec: str, current: Path | None) -> bool:
    """Whether the bundled model ``name`` (its folder ``path``, None when unusable) is the model in use (``spec``,
    its folder ``current``)."""
    return spec == name or (current is not None and path is not None and model_folder(path) == current)


def _classes_line(folder: Path | str) -> list[str]:
    """ "knows 4 classes: Abyssinian, Bengal, american_bulldog, bulldog" (meta.json; none when unreadable):
    which version knows a class boxed since was not to be told from the menu."""
    from petloc_gui.app.model_choice import class_names  # remembered per file state: the menu is rebuilt often

    names = class_names(str(folder))
    if not names:
        return []
    shown = first_of([visible(name) for name in names], CLASSES_SHOWN)
    return [f"knows {counted(len(names), 'class', 'classes')}: {shown}"]


def _tooltip(version: Version, store: VersionStore, figures: str, notes: list[str]) -> str:
    """The version's path, its figures' whole text (the entry says them in short), what it knows, its ``notes``, how
    it was made."""
    lines = [visible(version.path), *([visible(figures)] if figures else []), *_classes_line(version.path),
             *(visible(f"note: {note}") for note in notes),
             visible(f"created {version.created or 'at an unknown date'}")]
    if version.parent:  # by the name `petloc models` lists, whoever trained it (a path, an id, "pets")
        name = store.model_name(version.parent)
        lines.append(visible(f"trained from {name}" if name else f"trained from {version.parent} (not in the store)"))
    if version.data_fingerprint:
        lines.append(visible(f"data fingerprint {version.data_fingerprint}"))
    for key, value in sorted(usable_metrics(version.metrics).items()):  # the one rule: no inf, no 10**400
        lines.append(visible(f"{key}: {value}" if isinstance(value, int) else f"{key}: {value:.4g}"))
    return "\n".join(lines)


def _shortened(reason: str) -> str:
    """The why as an entry's text shows it (the tooltip has it whole)."""
    return reason if len(reason) <= REASON_CHARS else reason[:REASON_CHARS - 1] + "…"


def _unusable_bundled(name: str, reason: str, tip: str) -> tuple[str, str, None]:
    short = _shortened(reason)
    return visible(f"Bundled: {name}  ·  cannot be used: {short}"), visible(tip), None


def _figures(metrics: dict[str, Any], split: str, held_out: int | None,
             extra: tuple[Caution, ...] = ()) -> tuple[str, str]:
    """The figures' whole text (`metrics_text`'s, for the tooltip) and the entry's, as the status line's compact
    form says them (`FiguresSaid.least`: every caution in its short form, built with its sentence); the whole text
    in both when there are none to shorten ("no validation images: figures not measured"). Their parts are worked
    out once (`figures_said`: every caution read from the record), the menu rebuilt each time it opens. ``extra``:
    cautions after the record's (`_reboxed`), as the model label adds them (`model_label_fit.cautioned_line`)."""
    said = figures_said(metrics, split)
    if said is None:
        figures = metrics_text(metrics, split, held_out)
        return figures, figures
    if extra:
        said = replace(said, cautions=(*said.cautions, *extra))
    return said.text(), said.least()


def _reboxed(found: Any, split: str) -> tuple[Caution, ...]:
    """The model label's cautions on the images the figures (on ``split``) were measured on, from the window's check
    of the model in use (``found``: `model.trained_here.TrainedHere`, None while there is none): re-boxed since the
    run, and found here with no annotation (never re-boxed: none to re-score them on), each said whether or not the
    other is, as the label and `petloc models` say them; its other cautions are of the open folder (the images here
    it trained on, the folder its figures were measured on), not of the figures an entry lists."""
    if found is None or getattr(found, "pending", False):
        return ()
    if not getattr(found, "reboxed", 0) and not getattr(found, "measured_unannotated", 0):
        return ()
    return cautions(replace(found, count=None, training_folder=""), split)


def _held_out(version: Version) -> int | None:
    """How many validation images the version's run held out (its meta.json; None when unreadable): read
    only for a version whose figures were measured on none, to say whether it held none out or could
    read none of them."""
    from petloc_gui.model.bundle import read_meta

    try:
        return held_out_count(read_meta(version.path))
    except Exception:  # noqa: BLE001 - unreadable: the entry says it may be either
        return None


def _date(created: str) -> str:
    """ "2026-11-23 18:52" from an ISO 8601 time."""
    return created[:16].replace("T", " ") if created else "date unknown"


def _bundled_entry(name: str, extra: Callable[[Path, str], tuple[Caution, ...]] = lambda path, split: ()
                   ) -> tuple[str, str, Path | None]:
    """(menu text, tooltip, folder) of a bundled model, from its meta.json (no TensorFlow); folder None
    when it cannot be used (missing, its meta.json or model file broken: `model.bundle_check`). ``extra``:
    the cautions to add to its figures (on the split given), for its folder (`_reboxed` when it is in use)."""
    from petloc_gui.model.bundle_check import model_file_problem

    try:
        from petloc_gui.model.bundle import read_meta, resolve_model

        path = Path(resolve_model(name))
        problem = model_file_problem(path)
        meta = read_meta(path) if problem is None else {}
    except Exception as exc:  # noqa: BLE001 - a missing bundle is listed, not fatal
        why = " ".join(str(exc).split()) or type(exc).__name__  # an exception with no message: what it was
        return _unusable_bundled(name, why, why)
    if problem is not None:  # the why in the entry, the path in its tooltip (as a broken version's)
        return _unusable_bundled(name, problem, f"{path}: {problem}")
    metrics, split = headline_metrics(meta)
    split = shown_split(split, meta.get("metrics"))
    figures, short = _figures(metrics, split, held_out_count(meta), extra(path, split))
    text = "  ·  ".join(part for part in (f"Bundled: {name} {_date(str(meta.get('created') or ''))}",
                                          short) if part)
    return text, "\n".join([visible(path), *([visible(figures)] if figures else []), *_classes_line(path)]), path
