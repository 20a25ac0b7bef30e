"""Random sequences of edits, undo, redo, saves, image switches and reloads against a plain model.

Each seed drives a few hundred operations through the window's own paths (the edit controller as
the canvas and the keys call it, the Undo and Redo actions, Save, showing another image, another
program rewriting an image's file, Edit → Classes → Rename, autosave, F5) and checks after every
step, against `edit_model`:
the document shows the model's state; the undo stack's count, index and can-undo/redo are the
model's; each box carries the mark of a box accepted with A (ADR 0013) when the model says it does;
the image is modified (its document dirty, the window's "*") exactly when its state, or a mark as
a save writes it, differs from its file's; every box lies inside the image with a positive size in
whole pixels; and after each save (and before F5 reads them again) the files read back with core's
reader hold that state, those marks and the image's size. At the end every image's history is
undone to the annotation it was loaded with and redone to the last state. A failing seed prints its
operations, to be shortened into a test of its own.
"""

from __future__ import annotations

import random
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard

from ..conftest import GT, open_and_wait, write_annotation
from .edit_fuzz_edits import LABELS, NAMES, SIZE, CanvasEdits
from .edit_model import ImageHistory, clamp, marks_of, state_of

SEEDS = [3, 5, 7, 12, 15, 16]  # 5: another program takes the marks of boxes it rewrites alike
STEPS = 240


class Fuzz(CanvasEdits):
    """The window, the model, and one random operation at a time."""

    def __init__(self, qtbot, window, folder, monkeypatch, answers, seed: int) -> None:
        self.qtbot, self.window, self.folder, self.answers = qtbot, window, folder, answers
        self.rng = random.Random(seed)
        self.log: list[str] = []
        self.models = {row: ImageHistory(disk=self._file_state(row)) for row in range(len(NAMES))}
        self.loaded = {row: model.disk for row, model in self.models.items()}  # as the folder was opened
        self.conflict_choice = save_guard.CANCEL
        monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: self.conflict_choice)
        self.row = window.session.current
        self.autosaving = False

    # --- saves, image switches, another program's rewrites, reloads ------------------------------
    def save(self) -> None:
        """Ctrl+S: the file is written; with another program's version seen, the question is answered."""
        self.conflict_choice = self.rng.choice([save_guard.KEEP_MINE, save_guard.TAKE_THEIRS,
                                                save_guard.SHOW_BOTH, save_guard.CANCEL])
        self.log.append(f"save ({self.conflict_choice if self.model.theirs is not None else 'no conflict'})")
        warnings = len(self.answers["warnings"])
        ok = self.window.save_current()
        assert ok == self.saved_as_asked(self.row, force=True)
        assert len(self.answers["warnings"]) == warnings  # the only save not done is a Cancel: it warns of nothing

    def save_all(self) -> None:
        """Ctrl+Shift+S: every edited image, each question about another program's version answered alike."""
        self.conflict_choice = self.rng.choice([save_guard.KEEP_MINE, save_guard.TAKE_THEIRS,
                                                save_guard.SHOW_BOTH, save_guard.CANCEL])
        self.log.append(f"save all ({self.conflict_choice})")
        warnings = len(self.answers["warnings"])
        ok = self.window.save_all()
        expected = True
        for row in [row for row in sorted(self.models) if self.models[row].dirty]:
            if not self.saved_as_asked(row):  # Cancel: Save all stops there, the images after it left as they are
                expected = False
                break
        assert ok == expected
        assert len(self.answers["warnings"]) == warnings  # nor does Save all's Cancel warn

    def saved_as_asked(self, row: int, force: bool = False, quiet: bool = False) -> bool:
        """One image saved (`ImageHistory.save`), its file read back; False when it is left unsaved."""
        model = self.models[row]
        if not model.dirty and not force:
            return True
        written = model.save(self.conflict_choice, quiet)
        assert self._file_state(row) == (model.theirs if model.theirs is not None else model.disk)
        # the marks the save wrote (another program's version has none)
        assert self._file_marks(row) == (model.disk_marks if model.theirs is None else (None,) * len(model.theirs[0]))
        if written:
            annotation = read_voc(self.folder / NAMES[row].replace(".png", ".xml"), find_image=False)
            assert (annotation.width, annotation.height) == SIZE
        return written is not None

    def switch(self) -> None:
        self.switch_to(self.rng.randrange(len(NAMES)))

    def autosave(self) -> None:
        self.autosaving = not self.autosaving
        self.log.append(f"autosave {self.autosaving}")
        self.window.act["autosave"].setChecked(self.autosaving)

    def rewrite(self) -> None:
        """Another program rewrites an image's file; the window compares its opened ones (as its watcher does).
        Now and then the image shown's, with the boxes the file or the window shows, in other bytes."""
        same_boxes = self.rng.random() < 0.3
        row = self.row if same_boxes else self.rng.randrange(len(NAMES))
        model = self.models[row]
        alike = [state[0] for state in (model.disk, model.state) if not state[1]]  # (the tool writes no flag)
        if same_boxes and alike:
            objects = self.rng.choice(alike)
        else:
            objects = tuple((self.rng.choice(LABELS), clamp(Box(*self.random_point(0), *self.random_point(0)), *SIZE))
                            for _ in range(self.rng.randint(0, 2)))
            objects = tuple(o for o in objects if o[1].width >= 1 and o[1].height >= 1)
        self.log.append(f"rewrite {NAMES[row]} {objects}")
        xml = self.folder / NAMES[row].replace(".png", ".xml")
        before = xml.read_bytes() if xml.exists() else None
        write_annotation(self.folder / NAMES[row], list(objects))
        if objects in alike:  # other bytes (a comment, new each time): the file changed, not what it says
            xml.write_bytes(xml.read_bytes().replace(b"<annotation>", b"<annotation><!-- %d -->" % len(self.log), 1))
        if xml.read_bytes() == before:
            return  # the same file: no news
        theirs = (objects, False)
        self.window.session.watchers.disk.check()
        if self.window.session.store.loaded(row) is None:  # read when it is opened
            model.disk = self.loaded[row] = theirs
            model.forget(disk_marks=(None,) * len(objects))
            # the folder's follower notices the new file (Edit → Classes renames in the files it knows)
            items = self.window.session.dataset.items
            self.qtbot.waitUntil(lambda: items[row].has_annotation, timeout=10_000)
        elif model.dirty:
            model.theirs = theirs
        else:
            model.take_theirs(theirs)

    def reload_folder(self) -> None:
        """F5, its question about unsaved edits answered Discard or Save All."""
        if any(m.theirs is not None for m in self.models.values()):
            return  # (a save would ask about another program's version too)
        discard = self.rng.random() < 0.5
        self.log.append(f"F5 ({'discard' if discard else 'save all'})")
        self.answers["queue"].append(QMessageBox.Discard if discard else QMessageBox.SaveAll)
        asked = len(self.answers["questions"])
        assert self.window.reload_folder()
        self.answers["queue"].clear()
        unsaved = [row for row, m in self.models.items() if m.dirty]
        if self.autosaving:
            for row in unsaved:
                self.saved_as_asked(row, quiet=True)
        elif unsaved:
            assert len(self.answers["questions"]) == asked + 1
            for row in unsaved:
                if not discard:
                    self.saved_as_asked(row)
        self.qtbot.waitUntil(lambda: self.window.session.loading is None, timeout=10_000)
        for row, model in self.models.items():
            assert self._file_marks(row) == model.disk_marks  # what F5 reads
            model.forget()
            self.loaded[row] = model.disk
        self.row = self.window.session.current

    OPERATIONS: ClassVar = [(CanvasEdits.draw, 10), (CanvasEdits.drag, 10), (CanvasEdits.keys, 6),
                            (CanvasEdits.delete, 5), (CanvasEdits.relabel, 6), (CanvasEdits.accept, 4),
                            (CanvasEdits.verify, 3), (CanvasEdits.rename, 2), (CanvasEdits.undo, 16),
                            (CanvasEdits.redo, 9), (save, 5), (save_all, 2), (switch, 8), (rewrite, 3),
                            (reload_folder, 1), (autosave, 1)]

    def step(self) -> None:
        functions, weights = zip(*self.OPERATIONS, strict=True)
        self.rng.choices(functions, weights)[0](self)
        self.check()

    # --- the invariants -------------------------------------------------------------------------
    def check(self) -> None:
        window, model, doc = self.window, self.model, self.doc
        assert state_of(doc) == model.state
        assert marks_of(doc) == tuple(model.marks)
        stack = window.edits.stack()
        assert stack is window.edits.stack_for(self.row)
        assert (stack.count(), stack.index()) == (len(model.states) - 1, model.index)
        assert (stack.canUndo(), stack.canRedo()) == (model.index > 0, model.index < len(model.states) - 1)
        assert doc.dirty == model.dirty
        unsaved = any(m.dirty for m in self.models.values())
        assert window.has_unsaved() == unsaved
        assert window.isWindowModified() == unsaved
        for name, box in model.state[0]:
            assert box == box.whole() and 0 <= box.xmin < box.xmax <= SIZE[0] and 0 <= box.ymin < box.ymax <= SIZE[1], \
                (name, box)

    def undo_and_redo_everything(self) -> None:
        """Every image: undone to the annotation it was loaded with, redone to its last state."""
        for row, model in self.models.items():
            self.switch_to(row)
            final = model.states[-1]
            while model.index > 0:
                self.undo()
                self.check()
            assert state_of(self.doc) == self.loaded[row] == model.states[0]
            while model.index < len(model.states) - 1:
                self.redo()
                self.check()
            assert state_of(self.doc) == final

    def switch_to(self, row: int) -> None:
        """Show image ``row``; with autosave on, the one left is saved first (no question asked)."""
        self.log.append(f"show {NAMES[row]}")
        self.window.show_row(row)
        if self.autosaving and row != self.row and self.model.dirty:
            self.saved_as_asked(self.row, quiet=True)
        self.row = row


@pytest.mark.parametrize("seed", SEEDS)
def test_random_edit_sequences_keep_the_promises(qtbot, window, folder, answers, monkeypatch, seed):
    open_and_wait(qtbot, window, folder)
    fuzz = Fuzz(qtbot, window, folder, monkeypatch, answers, seed)
    assert fuzz.models[0].disk == (tuple(GT["a.png"]), False)
    try:
        fuzz.check()
        for _ in range(STEPS):
            fuzz.step()
        fuzz.undo_and_redo_everything()
    except BaseException:
        print(f"seed {seed}, operations:\n  " + "\n  ".join(fuzz.log))
        raise
