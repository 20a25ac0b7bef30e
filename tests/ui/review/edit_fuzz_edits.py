"""The editing half of `test_edit_sequences_fuzz`'s driver: the window's boxes edited as the canvas,
the keys and the Edit menu edit them (draw, drag, keys, delete, relabel, accept with A, Edit → Classes →
Rename, verify, undo, redo), each step pushed onto `edit_model`'s plain model too. The saves, image
switches, another program's rewrites, reloads and the checks are the test's (`Fuzz`)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc_provenance import model_phrase
from petloc_gui.ui.review.class_editor import ClassEditor

from ..conftest import PRED
from .edit_model import ABSENT, ImageHistory, State, clamp, disk_marks, disk_state, replaced

NAMES = ["a.png", "b.png", "c.png", "d.png", "e.png"]
SIZE = (120, 90)
LABELS = ["cat", "dog", "bird"]
MIN_SIZE = 1.0  # a drag that makes a box smaller than this is given up by the canvas (`box_item.MIN_SIZE`)


class CanvasEdits:
    """The window's edits and the model's, one random edit at a time (`Fuzz` sets the attributes)."""

    window: Any  # the MainWindow
    folder: Path  # the folder open in it
    rng: random.Random
    log: list[str]  # every operation, printed when a seed fails
    models: dict[int, ImageHistory]  # each image's, by row
    row: int  # the image shown

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
        # none while the window chooses its model again (a class it does not know was given, or the folder
        # read again: the cache holds the previous choice's predictions then): A says so
        shown = self.window.predictions.cached(path) is not None and not self.window.session.model_pending
        prelabel = self.window.edits.doc is not None and self.window.edits.doc.prelabel
        info = self.window.shown_model.info()
        self.window.accept_prediction()
        objects, verified = self.model.state
        if not shown:
            return
        first = (prediction.label, clamp(prediction.box, *SIZE))
        if objects and objects[0] == first:
            if prelabel and not verified:  # the model's own pre-label: accepted as it is, marked verified
                self.model.push((objects, True))
            return  # the box stays whoever's it was
        mark = (model_phrase(info.mark_name if info else None, info.bundle_version if info else None), first[1])
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
