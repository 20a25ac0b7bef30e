"""The class list of the open folder: add, rename (relabels the boxes), delete (when unused).

Implements editing.class_list_dialog.ClassActions for one ReviewSession. The
predefined classes file is changed at once: read again and only this change
applied to it (`app.class_list.change_classes`), so the classes another window,
labelImg or an editor wrote there since are kept and listed here too. Relabelled
boxes are edits like any other: undoable per image, marked unsaved, written on save; the rename of a class
on boxes reaches the file once every image it relabelled is saved with it (`write_saved_renames`), so undone or
discarded it leaves the file, and the number keys, as they were (`app.unsaved_renames`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from petloc_gui.app.class_list import CLASSES_FILE, change_classes, classes_on_disk, rows_using
from petloc_gui.app.known_share import KNOWN_SHARE, boxes_known
from petloc_gui.app.unsaved_renames import file_then, renamed

# (why a typed class is refused: one sentence here and in the Label box, by the rules a class of the file is
# read by)
from petloc_gui.app.unstorable_class import refused_class
from petloc_gui.core.errors import SaveError
from petloc_gui.core.label_variants import form_notes, shown_apart, spelled_as
from petloc_gui.core.label_variants import shown as spelling  # a label, its spacing told apart
from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.ui.editing.class_list_dialog import told_apart
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import key_of
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.models.model_handle import BUNDLED_MODELS
from petloc_gui.ui.review.review_session import ReviewSession


def keys_moved(shown: list[str], now: list[str], old: str = "", new: str = "") -> list[tuple[str, str | None]]:
    """The classes whose number key (`number_keys`: a class named by a digit has that key, the others
    take the keys left in list order) is not what it was when the list was ``shown``, with their key
    now (None: none), in the list's order. After renaming ``old`` to ``new``, ``new`` may keep its own
    key or take ``old``'s (its boxes are ``old``'s now); ``old`` itself, merged away, may stay listed
    as a model's class."""
    before = key_of(shown)
    after = key_of(now)
    was_shown = set(shown)  # (a list's ``in`` per class: 0.13 s at 5,000 classes, each Add, Rename, Delete)
    moved = []
    for name in now:
        if name == old:
            continue
        if name == new:  # renamed (or merged into): old's key, or its own
            kept = {before.get(old), before.get(new)} if name in was_shown else {before.get(old)}
        else:
            kept = {before.get(name)} if name in was_shown else {after.get(name)}  # added: a key of its own
        if after.get(name) not in kept:
            moved.append((name, after.get(name)))
    return moved


def keys_note(moved: list[tuple[str, str | None]], named: int = 3) -> str:
    """One sentence naming the classes whose number key moved (`keys_moved`); empty when none did. Where the
    only change is classes left with no key (a class renamed past the ten keys: each key still gives what it
    gave), that is what it says: "The number keys moved: three has no key" was said of a rename that moved none."""
    if not moved:
        return ""
    if all(key is None for _, key in moved):
        names = [visible(name) for name, _ in moved]
        has = "has" if len(names) == 1 else "have"
        return f" {first_of(names, named)} {has} no number key (Edit → Classes… and F1 list every class's key)."
    said = ", ".join(f"key {key} gives {visible(name)}" if key else f"{visible(name)} has no key"
                     for name, key in moved[:named])
    more = f" and {len(moved) - named} more moved" if len(moved) > named else ""
    return f" The number keys moved: {said}{more} (Edit → Classes… and F1 list every class's key)."


def prelabels_note(prelabels: int, images: int) -> str:
    """What a rename says of the ``prelabels`` of its ``images`` that are unreviewed pre-labels and stay so
    when saved (`ImageDocument.stays_prelabel`): a class renamed is no look at them. Empty when none is."""
    if not prelabels:
        return ""
    if prelabels == 1:
        which = "The image is" if images == 1 else f"1 of the {images} images is"
        return f" {which} an unreviewed pre-label: a rename is no review, so it stays one when saved."
    which = "Both images are" if prelabels == images == 2 else \
        f"All {images} images are" if prelabels == images else f"{prelabels} of the {images} images are"
    return f" {which} unreviewed pre-labels: a rename is no review, so they stay pre-labels when saved."


def _others_note(known: list[str], read: list[str], named: int = 3) -> str:
    """What another writer did to the file since this window read it (``known``), as found there now
    (``read``); empty when nothing."""
    known_names, read_names = set(known), set(read)  # (two lists' ``in``: 0.25 s at 5,000 classes)
    added = [visible(n) for n in read if n not in known_names]
    removed = [visible(n) for n in known if n not in read_names]
    if not (added or removed):
        return ""
    said = []
    if added:
        said.append(f"{first_of(added, named)} added there {'is' if len(added) == 1 else 'are'} listed now")
    if removed:
        said.append(f"{first_of(removed, named)} removed there {'is' if len(removed) == 1 else 'are'} no longer in it")
    return (f" {CLASSES_FILE} had been changed by another window or program: {'; '.join(said)} "
            "(only this change was made to it).")


class EditorHost(Protocol):
    """What `ClassEditor` asks of the window."""

    def model_state(self) -> tuple[ModelInfo | None, str | None]: ...

    def show_status(self, text: str, ms: int) -> None: ...


class ClassEditor:
    """The folder's classes change through its `FolderClasses`, which keeps the list's rule (a class
    leaves it only once no box has it); the boxes through ``edits``, undoably."""

    def __init__(self, session: ReviewSession, edits: EditController,
                 model_classes: Callable[[], tuple[str, ...]], host: EditorHost) -> None:
        """``host``: the window the dialog belongs to."""
        self.session = session
        self.classes = session.classes
        self.edits = edits
        self.model_classes = model_classes
        self.host = host
        self._in_file: frozenset[str] | None = None  # the file's classes, for `describe` (`_file_classes`)
        self._take_the_file()  # the file as it is now: it was read when the folder opened

    def _take_the_file(self) -> None:
        """The window's list takes in the file's classes as they are on disk (another window, labelImg or
        an editor may have changed it), and what it does not offer is said, once (`FolderClasses`); an
        unreadable file leaves the list as it was."""
        try:
            on_disk = classes_on_disk(self.session.dataset.root)
        except SaveError:
            return
        # with its notes even when its classes are the list's: a line another writer added that no annotation
        # can store changes no class, and went unsaid until the next change of the list
        if on_disk != self.classes.predefined or on_disk.notes:
            self._set_predefined(on_disk)

    def _set_predefined(self, names: list[str]) -> None:
        self._in_file = None  # made again when `describe` asks next
        self.classes.set_predefined(names)

    def _file_classes(self) -> frozenset[str]:
        """The file's classes as the window lists them, as a set made once per change of them: the dialog asks
        `describe` of every class, and `predefined` is a copy searched as a list (0.15 s at 5,000 classes).
        Only this editor changes them while its dialog is open (`_set_predefined`)."""
        if self._in_file is None:
            self._in_file = frozenset(self.classes.predefined)
        return self._in_file

    def names(self) -> list[str]:
        return self.classes.names()

    def describe(self, name: str) -> str:
        where = []
        if name in self._file_classes():
            where.append("in predefined_classes.txt")
        if name in self.model_classes():
            where.append("one of the model's classes")
        if name in self.classes.used:
            where.append("used on boxes in this folder")
        return ", ".join(where) or "typed in this session"

    def add(self, name: str) -> str:
        if refused := refused_class(name):
            return refused
        if name in self.names():
            return f"{name} is already in the list."
        if (listed := self._spelled_otherwise(name)) is not None:
            how = (f"To write the class {shown_apart(name, [listed])}, select {shown_apart(listed, [name])} and "
                   "Rename it.")
            return self._two_spellings(name, listed, how)
        # after the classes listed now, which keep their places (and number keys): added first, the new
        # class took key 1 from the class that had it. One named by a digit takes that key all the same.
        shown = self.names()
        after_file = self._after_file(shown)
        self._keep_model_places(shown, after_file)
        done, note = self._change_file(lambda file: file if name in file else [*file_then(file, after_file), name])
        return f"Added {name}.{note}{keys_note(keys_moved(shown, self.names()))}" if done else note

    def rename(self, old: str, new: str) -> str:
        if old == new:
            return "The name is unchanged."
        if refused := refused_class(new):  # before any box is relabelled
            return refused
        if new not in self.names() and (listed := self._spelled_otherwise(new, besides=old)) is not None:
            # (a class of its own typed another way is how its spelling is changed; into a listed class, a merge)
            theirs = shown_apart(listed, [new])  # "été" (composed), where the new name is the decomposed one
            return self._two_spellings(new, listed, f'Rename "{spelling(old)}" to {theirs} to merge the '
                                                    f"two, or rename {theirs} to change how it is written.")
        shown = self.names()  # before the edits: a relabelled box adds its new name to the list
        after_file = self._after_file(shown, renaming=old)
        self._keep_model_places(shown, after_file)
        model, _problem = self.host.model_state()  # the edits may take it away (ADR 0010)
        rows = rows_using(self.session.store, old)
        for row, _indices in rows.items():
            self.edits.rename_in(row, self.session.store.document(row), old, new)
        boxes = sum(len(indices) for indices in rows.values())
        if self.edits.default_label == old:
            self.edits.default_label = new  # the next box drawn gets the new name
        if boxes:  # the file's rename waits for a relabelled image saved (`write_saved_renames`), shown meanwhile
            self.classes.unsaved.add(old, new, after_file, list(rows))
            done, note = True, ""
        self.classes.renamed(old, new, kept=bool(boxes))
        if not boxes:  # the list as the file holds it now, then the classes listed after the file's here
            done, note = self._change_file(lambda file: renamed(file_then(file, after_file), file, old, new))
        problem = None if done else note
        notes = form_notes([old, new])  # one name in two Unicode forms read "Renamed chat_été to chat_été"
        told_old, told_new = told_apart(old, notes), told_apart(new, notes)
        text = f"Renamed {told_old} to {told_new} on {counted(boxes, 'box', 'boxes')} in {counted(len(rows), 'image')}"
        text += f" (unsaved: Save all writes them, and {CLASSES_FILE} with them)." if boxes else "."
        text += prelabels_note(sum(self.session.store.document(row).stays_prelabel for row in rows), len(rows))
        missed = self.classes.rows_labelled(old)
        if missed:  # boxes `rows_using` did not find in their files: said, and the class stays listed
            text += (f" {counted(len(missed), 'image')} still {'has' if len(missed) == 1 else 'have'} boxes "
                     f"labelled {told_old} that were not renamed ({self._first_names(missed)}): relabel them by hand.")
        text += keys_note(keys_moved(shown, self.names(), old, new))  # e.g. a merge took a class out from between
        text += self._model_note(model, old, new)
        if done:
            text += note
        return f"{text} {problem}" if problem else text

    def _spelled_otherwise(self, name: str, besides: str | None = None) -> str | None:
        """The listed class (other than ``besides``) that ``name`` names typed another way, by the rule petloc
        train and the Retrain dialog refuse classes by (`core.label_variants.same_class`: Turkish "KIR" is
        "k\u0131r" too); None if none."""
        return spelled_as(name, [n for n in self.names() if n not in (name, besides)])

    @staticmethod
    def _two_spellings(name: str, listed: str, how: str) -> str:
        """Why ``name`` is not made a class: two spellings of one class are two classes, which a run refuses."""
        return (f"{shown_apart(name, [listed])} is the class {shown_apart(listed, [name])} typed another way (case, "
                "spacing, Unicode form or invisible characters): the two would be two classes, which petloc train "
                f"and the Retrain dialog refuse, so nothing changed. {how}")

    def _model_note(self, model: ModelInfo | None, old: str, new: str) -> str:
        """What the rename did to ``model`` (the one used before it): an automatically chosen model
        that does not know the new name is no longer used, and the window says why (before, it went
        silently: the note that it still predicts the old name was looked up once it was gone)."""
        if model is None or old not in model.class_names:
            return ""
        now, no_model = self.host.model_state()
        if now is not None and now.spec == model.spec:
            return f" The model still predicts {old}: accepting its predictions brings the name back."
        if no_model is None:  # another model, which knows the folder's classes, is loading
            why = (f"{visible(model.name)} does not know {visible(new)}: another model that knows this folder's "
                   "classes is used now.")
            said = f" The model {why}"
        else:
            why = self._dropped_why(model, old, new)
            said = f" {why[:1].upper()}{why[1:]}"  # "With cat gone …" (a fixed word first, never a name)
        self.host.show_status(f"Renamed {visible(old)} to {visible(new)}: {why}", 20000)
        return said

    def _dropped_why(self, model: ModelInfo, old: str, new: str) -> str:
        """Why the rule no longer uses ``model`` (`app.model_choice`): the rename took its class ``old`` out of
        the folder, so it knows the classes of too few boxes. It said "pets does not know rabbit", which the
        window then contradicted: Model → Bundled: pets used it again, still not knowing rabbit, and a box
        typed "rabbit" keeps it (it knows the classes of most boxes still)."""
        name, counts = visible(model.name), self.session.model.box_counts(every_box=True)
        # counted as the rule counts, over the classes ModelController._share_changed gives it: a count of its
        # own said "2 of 4" where the rule weighed 2 of 5, and the note then disagreed with the choice
        labels = frozenset(self.session.classes.used or counts)
        known, total = boxes_known(model.class_names, labels, counts), boxes_known(labels, labels, counts)
        least = "half" if KNOWN_SHARE == 0.5 else f"{KNOWN_SHARE:.0%}"
        share = (f"{name} knows the classes of only {known} of the folder's {total} boxes (a model is chosen "
                 f"for a folder while it knows those of more than {least})" if known else
                 f"{name} knows the class of none of the folder's {counted(total, 'box', 'boxes')}")
        # the menu names a bundled model by its spec ("pets"), as `ModelController` lists them
        pick = f"Model → Bundled: {model.spec}" if model.spec in BUNDLED_MODELS else "picking it in Model → Versions"
        return (f"with {visible(old)} gone from this folder, {share}, so no model is used for this folder and "
                f"nothing is predicted (renaming {visible(new)} back to {visible(old)} brings {name} back; {pick} "
                f"uses it anyway, though it never predicts {visible(new)}; or train a model for these classes).")

    def delete(self, name: str) -> str:
        shown = self.names()
        if name in self.model_classes():
            if name not in self.classes.predefined:
                return f"{name} is one of the model's classes: it stays in the list while this model is used."
            # written there by an Add or a rename (the list as shown): the user can take it out again
            done, note = self._change_file(lambda file: [n for n in file if n != name])
            # Listed after the file's classes now (the list is the file's, then the model's): said, as
            # the number keys of the classes after it may move.
            return (f"Removed {name} from predefined_classes.txt; it stays in the list as one of the "
                    f"model's classes while this model is used, after the file's classes now.{note}"
                    f"{keys_note(keys_moved(shown, self.names()))}") if done else note
        rows = rows_using(self.session.store, name)
        if rows:
            boxes = sum(len(indices) for indices in rows.values())
            return (f"{counted(boxes, 'box', 'boxes')} in {counted(len(rows), 'image')} "
                    f"{'is' if boxes == 1 else 'are'} labelled {name}: rename the class or delete those boxes first.")
        still = self.classes.forget(name)
        if still:  # boxes `rows_using` did not find in their files: the class stays while they have it
            return (f"{counted(len(still), 'image')} still {'has' if len(still) == 1 else 'have'} boxes labelled "
                    f"{name} ({self._first_names(still)}): relabel or delete those boxes first.")
        # (out of the file too when another writer put it there since: the user deleted the class)
        in_file = name in self.classes.predefined
        done, note = self._change_file(lambda file: [n for n in file if n != name])
        if self.edits.default_label == name:
            self.edits.default_label = ""
        if not done and not in_file:  # gone from the list; a file it was never in, unreadable: nothing to undo
            return f"Deleted {name}.{keys_note(keys_moved(shown, self.names()))}"
        return f"Deleted {name}.{note}{keys_note(keys_moved(shown, self.names()))}" if done else note

    def _first_names(self, rows: list[int], named: int = 3) -> str:
        return first_of([visible(self.session.image_path(row).name) for row in rows], named)

    def _after_file(self, shown: list[str], renaming: str | None = None) -> list[str]:
        """The folder's classes of the list ``shown`` listed after the file's (on boxes; ``renaming``, which
        the user names anew): an Add or a rename writes them into the file before its own class, so they
        do not move and keep their number keys. Not the model's classes no box has: shown for reference
        while it is used, they are not the folder's (a rename under the digits model wrote 0 … 9 into the
        file, said "on no box" from then on, holding the number keys)."""
        # (the list is the file's classes, the model's, then those on boxes: `FolderClasses.names`). The file's
        # classes taken once, as a set: `predefined` is a copy, and its list's ``in`` per class took 0.15 s at 5,000
        # (renames not saved yet in their old names' places: written there once saved, not appended now)
        in_file = set(self.classes.shown_predefined)
        return [n for n in shown if n not in in_file and (n in self.classes.used or n == renaming)]

    def _keep_model_places(self, shown: list[str], after_file: list[str]) -> None:
        """The model's classes no box has, which an Add or a rename leaves out of the file (`_after_file`), keep
        their places in the list ``shown`` (`FolderClasses.keep_places`): listed after the file's classes, the
        first Add in a folder moved every number key (cat 1, dog 2, pug 3 became pug 1 … cat 6)."""
        left_out, model = set(self.classes.shown_predefined) | set(after_file), set(self.model_classes())
        self.classes.keep_places(shown, {n for n in shown if n not in left_out and n in model})

    def _change_file(self, change: Callable[[list[str]], list[str]]) -> tuple[bool, str]:
        """Apply ``change`` to the predefined classes file as it is on disk now (`change_classes`) and list
        its classes as it holds them. Returns (done, what to add to the action's message: the classes another
        writer added or removed there since this window read it) or (False, why nothing changed)."""
        known = self.classes.predefined
        try:
            read, names = change_classes(self.session.dataset.root, change)
        except (SaveError, OSError) as exc:
            return False, f"Could not write {CLASSES_FILE}: {exc}"
        if names != known:
            self._set_predefined(names)
        return True, _others_note(known, read)


def write_saved_renames(session: ReviewSession, row: int) -> str:
    """Image ``row`` was saved: the renames that relabelled it, now saved on every image they relabelled and in
    effect (`UnsavedRenames.due`), are made in the predefined classes file now, after the image, so a crash
    between leaves no saved box's class moved from its key. Returns why the file could not be written ("" when
    it was, or nothing was due); they wait for the next save then."""
    classes = session.classes
    if not classes.unsaved:
        return ""
    store = session.store

    def dirty(index: int) -> bool:  # (a document with edits is kept: one not alive is as saved)
        doc = store.loaded(index)
        return doc is not None and doc.dirty

    due = classes.unsaved.due(row, session.model.labels_of, dirty)
    if not due:
        return ""

    def change(file: list[str]) -> list[str]:
        for rename in due:
            file = rename.apply(file)
        return file

    try:
        _read, names = change_classes(session.dataset.root, change)
    except (SaveError, OSError) as exc:
        classes.unsaved.put_back(due)
        return f"Could not write the renamed classes into {CLASSES_FILE}: {exc} (tried again at the next save)."
    classes.set_predefined(names)
    return ""
