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
from petloc_gui.core.voc_provenance import model_phrase
from petloc_gui.ui.review import save_guard
from petloc_gui.ui.review.class_editor import ClassEditor

from ..conftest import GT, PRED, open_and_wait, write_annotation
from .edit_model import ABSENT, ImageHistory, State, clamp, disk_marks, disk_state, marks_of, replaced, state_of

NAMES = ["a.png", "b.png", "c.png", "d.png", "e.png"]
SIZE = (120, 90)
LABELS = ["cat", "dog", "bird"]
SEEDS = [3, 5, 7, 12, 15, 16]  # 5: another program takes the marks of boxes it rewrites alike
STEPS = 240
MIN_SIZE = 1.0  # a drag that makes a box smaller than this is given up by the canvas (`box_item.MIN_SIZE`)


class Fuzz:
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

    # --- reading ------------------------------------------------------------------------------
    def _file_state(self, row: int) -> State:
        path = self.folder / NAMES[row].replace(".png", ".xml")
        return disk_state(path) if path.exists() else ((), False)

    def _file_marks(self, row: int) -> tuple:
        path = self.folder / NAMES[row].replace(".png", ".xml")
        return disk_marks(path) if path.exists() else ()

    @property
    def doc(self):
        return self.window.session.store.document(self.row)

    @property
    def model(self) -> ImageHistory:
        return self.models[self.row]

    def target(self) -> int | None:
        """Select a random box (as a click on it does), or None when there is none."""
        objects = self.model.state[0]
        if not objects:
            return None
        index = self.rng.randrange(len(objects))
        self.window.edits.select(index)
        return index

    def random_point(self, margin=15.0) -> tuple[float, float]:
        """A point on or around the image; often on a half pixel, as the mouse gives at a zoom of 200%."""
        x, y = self.rng.uniform(-margin, SIZE[0] + margin), self.rng.uniform(-margin, SIZE[1] + margin)
        if self.rng.random() < 0.4:
            x, y = round(x * 2) / 2, round(y * 2) / 2
        return x, y

    # --- operations -------------------------------------------------------------------------------
    def draw(self) -> None:
        (x0, y0), (x1, y1) = self.random_point(), self.random_point()
        if self.rng.random() < 0.2:  # a tiny drag
            x1, y1 = x0 + self.rng.uniform(-1.5, 1.5), y0 + self.rng.uniform(-1.5, 1.5)
        label = self.rng.choice(LABELS)
        self.log.append(f"draw Box({x0:.2f}, {y0:.2f}, {x1:.2f}, {y1:.2f}) {label}")
        pushed = self.window.edits.add_box(Box(x0, y0, x1, y1), label)
        box = clamp(Box(x0, y0, x1, y1), *SIZE)
        objects, verified = self.model.state
        expected = box.width >= 1 and box.height >= 1
        assert pushed == expected
        if expected:
            self.model.push(((*objects, (label, box)), verified), change=("insert", len(objects), None))

    def drag(self) -> None:
        """Move a box, or drag one of its corners, as the canvas does: kept inside the image, and
        given up when smaller than MIN_SIZE."""
        index = self.target()
        if index is None:
            return
        objects, verified = self.model.state
        old = objects[index][1]
        moving = self.rng.random() < 0.5
        if moving:
            dx, dy = self.rng.uniform(-60, 60), self.rng.uniform(-60, 60)
            if self.rng.random() < 0.4:  # at a zoom of 200%, the mouse moves by half pixels
                dx, dy = round(dx * 2) / 2, round(dy * 2) / 2
            dx = min(max(old.xmin + dx, 0.0), SIZE[0] - old.width) - old.xmin
            dy = min(max(old.ymin + dy, 0.0), SIZE[1] - old.height) - old.ymin
            new = old.translated(dx, dy)
        else:
            px, py = (min(max(v, 0.0), top) for v, top in zip(self.random_point(), SIZE, strict=True))
            x0, y0, x1, y1 = old.as_tuple()
            if self.rng.random() < 0.5:
                x0 = px
            else:
                x1 = px
            if self.rng.random() < 0.5:
                y0 = py
            else:
                y1 = py
            new = Box(x0, y0, x1, y1).sorted()
            if new.width < MIN_SIZE or new.height < MIN_SIZE or new == old:
                return
        self.log.append(f"drag {index} {old} -> {new}")
        pushed = self.window.edits.set_box(index, old, new, "Move/resize box")
        box = clamp(new, *SIZE)
        assert pushed == (box != old)
        if moving:  # a move never changes a box's size
            shown = self.doc.objects[index].box
            assert (shown.width, shown.height) == (old.width, old.height), (old, new, shown)
        if pushed:
            changed = replaced(objects, index, (objects[index][0], box))
            self.model.push((changed, verified))

    def keys(self) -> None:
        """A burst of arrow (nudge) or Alt+arrow (one edge) presses on one selected box; each burst
        merges into one undo step, unless a save came in between."""
        index = self.target()
        if index is None:
            return
        serial = object()  # a new selection: a new merge key
        edge_keys = self.rng.random() < 0.5
        for _ in range(self.rng.randint(1, 6)):
            if self.rng.random() < 0.15 and self.model.theirs is None:
                self.save()  # no merge into the command the file was saved after
            objects, verified = self.model.state
            old = objects[index][1]
            x0, y0, x1, y1 = old.as_tuple()
            if edge_keys:
                edge, delta = self.rng.choice(["left", "right", "top", "bottom"]), self.rng.choice([-1, 1])
                self.log.append(f"edge {index} {edge} {delta}")
                pushed = self.window.edits.move_edge(edge, delta)
                if edge == "left":
                    x0 = min(x0 + delta, x1 - 1)
                elif edge == "right":
                    x1 = max(x1 + delta, x0 + 1)
                elif edge == "top":
                    y0 = min(y0 + delta, y1 - 1)
                else:
                    y1 = max(y1 + delta, y0 + 1)
                key = ("edge", index, serial)
                new = clamp(Box(x0, y0, x1, y1), *SIZE)
            else:
                dx, dy = self.rng.choice([(-1, 0), (1, 0), (0, -1), (0, 1)])
                step = self.rng.choice([1, 10])
                self.log.append(f"nudge {index} {dx * step},{dy * step}")
                pushed = self.window.edits.nudge(dx * step, dy * step)
                moved = old.translated(dx * step, dy * step)
                moved = moved.translated(min(0.0, SIZE[0] - moved.xmax) - min(0.0, moved.xmin),
                                         min(0.0, SIZE[1] - moved.ymax) - min(0.0, moved.ymin))
                key = ("nudge", index, serial)
                new = clamp(moved, *SIZE)
                shown = self.doc.objects[index].box
                assert (shown.width, shown.height) == (old.width, old.height)  # a move keeps the size
            assert pushed == (new != old)
            if pushed:
                changed = replaced(objects, index, (objects[index][0], new))
                self.model.push((changed, verified), key)
            self.check()

    def delete(self) -> None:
        index = self.target()
        if index is None:
            return
        self.log.append(f"delete {index}")
        assert self.window.edits.delete_selected()
        objects, verified = self.model.state
        self.model.push((replaced(objects, index), verified), change=("remove", index, self.model.marks[index]))

    def relabel(self) -> None:
        index = self.target()
        label = self.rng.choice(LABELS)
        self.log.append(f"label {index} {label}")
        pushed = self.window.edits.set_label(label)
        objects, verified = self.model.state
        if index is None or objects[index][0] == label:
            assert not pushed
            return
        assert pushed
        self.model.push((replaced(objects, index, (label, objects[index][1])), verified))

    def accept(self) -> None:
        """A: the model's prediction becomes the first box, marked as the model's (the model loaded, else the
        one loading whose kept predictions are shown: `ShownModel`, which tests/ui has its own tests of)."""
        self.log.append("accept")
        prediction = PRED[NAMES[self.row]]
        path = self.folder / NAMES[self.row]
        # none while the window chooses its model again (a class it does not know was given): A says so
        shown = self.window.predictions.cached(path) is not None
        info = self.window.shown_model.info()
        self.window.accept_prediction()
        objects, verified = self.model.state
        if not shown:
            return
        first = (prediction.label, clamp(prediction.box, *SIZE))
        if objects and objects[0] == first:
            return  # nothing changes: the box stays whoever's it was
        mark = (model_phrase(info.name if info else None, info.bundle_version if info else None), first[1])
        old = self.model.marks[0] if objects else ABSENT
        self.model.push(((first, *objects[1:]), verified), change=("first", old, mark))

    def rename(self) -> None:
        """Edit → Classes → Rename: every box of the folder with that label, each image's own undo step."""
        old, new = self.rng.sample(LABELS, 2)
        self.log.append(f"rename {old} {new}")
        ClassEditor(self.window.session, self.window.edits, lambda: (), host=self.window).rename(old, new)
        for model in self.models.values():
            objects, verified = model.state
            if any(name == old for name, _box in objects):
                model.push((tuple((new if name == old else name, box) for name, box in objects), verified))

    def verify(self) -> None:
        self.log.append("verify")
        self.window.act["verify"].trigger()
        objects, verified = self.model.state
        self.model.push((objects, not verified))

    def undo(self) -> None:
        self.log.append("undo")
        self.window.act["undo"].trigger()
        self.model.undo()

    def redo(self) -> None:
        self.log.append("redo")
        self.window.act["redo"].trigger()
        self.model.redo()

    def save(self) -> None:
        """Ctrl+S: the file is written; with another program's version seen, the question is answered."""
        self.conflict_choice = self.rng.choice([save_guard.KEEP_MINE, save_guard.TAKE_THEIRS,
                                                save_guard.SHOW_BOTH, save_guard.CANCEL])
        self.log.append(f"save ({self.conflict_choice if self.model.theirs is not None else 'no conflict'})")
        warnings = len(self.answers["warnings"])
        ok = self.window.save_current()
        assert ok == self.saved_as_asked(self.row, force=True)
        assert len(self.answers["warnings"]) == warnings + (not ok)

    def save_all(self) -> None:
        """Ctrl+Shift+S: every edited image, each question about another program's version answered alike."""
        self.conflict_choice = self.rng.choice([save_guard.KEEP_MINE, save_guard.TAKE_THEIRS,
                                                save_guard.SHOW_BOTH, save_guard.CANCEL])
        self.log.append(f"save all ({self.conflict_choice})")
        warnings = len(self.answers["warnings"])
        ok = self.window.save_all()
        # (a list, not a generator: every image is saved, the failed ones too)
        expected = all([self.saved_as_asked(row) for row in sorted(self.models) if self.models[row].dirty])
        assert ok == expected
        assert len(self.answers["warnings"]) == warnings + (not ok)

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

    OPERATIONS: ClassVar = [(draw, 10), (drag, 10), (keys, 6), (delete, 5), (relabel, 6), (accept, 4), (verify, 3),
                            (rename, 2), (undo, 16), (redo, 9), (save, 5), (save_all, 2), (switch, 8), (rewrite, 3),
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
