"""An image not on screen that another program replaced (a sync tool's temporary file renamed over it, a ``cp``
over its name, a half-copied file completed) kept its old file's prediction in its row, or its "error", for as
long as the folder was open: its key was read once per open, and only the image shown was followed. Within a
few seconds its row now holds the prediction of the file as it is now."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.image_set_watch import POLL_MS

from .conftest import FakeFactory, FakeHandle, FakePrediction, names_in_view_order, open_and_wait

DARK, BRIGHT = 40, 220
WAIT_MS = 2 * POLL_MS + 3000  # two of the folders' polls, and the prediction


class PixelHandle(FakeHandle):
    """Predicts from the pixels: "cat" on a bright picture, "dog" on a dark one (confidence: the brightness)."""

    def predict_paths(self, paths):
        from petloc_gui.core.errors import ImageLoadError
        from petloc_gui.core.images import load_image

        self.calls.append([p.name for p in paths])
        out: list = []
        for path in paths:
            try:
                bright = float(load_image(path).mean()) / 255
            except ImageLoadError as exc:
                out.append(exc)
                continue
            out.append(FakePrediction("cat" if bright > 0.5 else "dog", round(bright, 2), Box(10, 10, 50, 50)))
        return out


class PixelFactory(FakeFactory):
    def __call__(self, spec: str):
        handle = PixelHandle(spec, self.table)
        self.handles.append(handle)
        return handle


@pytest.fixture
def factory() -> PixelFactory:
    return PixelFactory({})


def _picture(path: Path, grey: int) -> None:
    Image.new("RGB", (120, 90), (grey, grey, grey)).save(path, format="PNG")


@pytest.fixture
def pictures(tmp_path) -> Path:
    root = tmp_path / "pets"
    root.mkdir()
    for i in range(12):
        _picture(root / f"img{i:02d}.png", DARK)
    return root


def _far_from_the_shown_one(window) -> int:
    """A row neither shown nor one of its prefetched neighbours (4 after it, 1 before, in view order)."""
    session = window.session
    view = names_in_view_order(window)
    shown = view.index(session.model.names[session.current])
    return session.model.names.index(view[(shown + 6) % len(view)])


def _predicted_dark(qtbot, window, row: int) -> None:
    model = window.session.model
    assert (model.pred_label[row], model.pred_conf[row]) == ("dog", round(DARK / 255, 2))


def test_an_image_renamed_over_from_a_temporary_file_is_predicted_again(qtbot, window, pictures, tmp_path):
    open_and_wait(qtbot, window, pictures)
    model = window.session.model
    row = _far_from_the_shown_one(window)
    _predicted_dark(qtbot, window, row)
    temporary = pictures / ".sync-tmp"  # a sync tool's: written beside it, renamed over it
    _picture(temporary, BRIGHT)
    os.replace(temporary, pictures / model.names[row])
    qtbot.waitUntil(lambda: model.pred_label[row] == "cat", timeout=WAIT_MS)
    assert model.pred_conf[row] == round(BRIGHT / 255, 2)


def test_an_image_rewritten_in_place_is_predicted_again(qtbot, window, pictures):
    open_and_wait(qtbot, window, pictures)
    model = window.session.model
    row = _far_from_the_shown_one(window)
    _predicted_dark(qtbot, window, row)
    path = pictures / model.names[row]
    inode = path.stat().st_ino
    _picture(path, BRIGHT)  # `cp other.png img.png`: the same file (inode), truncated and written again
    assert path.stat().st_ino == inode
    qtbot.waitUntil(lambda: model.pred_label[row] == "cat", timeout=WAIT_MS)
    assert model.pred_conf[row] == round(BRIGHT / 255, 2)
    others = [r for r in range(len(model.names)) if r != row]
    assert all(model.pred_label[r] == "dog" for r in others)  # the others as they were


def test_a_half_copied_image_completed_loses_its_decode_error(qtbot, window, pictures, tmp_path):
    whole = tmp_path / "whole.png"
    _picture(whole, BRIGHT)
    data = whole.read_bytes()
    path = pictures / "img11.png"
    path.write_bytes(data[: len(data) // 2])  # still being copied as the folder opens
    open_and_wait(qtbot, window, pictures)
    model = window.session.model
    row = model.names.index(path.name)
    assert row != window.session.current
    assert model.image_errors[row] is not None and model.pred_label[row] is None  # "error"
    with path.open("ab") as rest:  # the copy goes on, into the same file
        rest.write(data[len(data) // 2:])
    qtbot.waitUntil(lambda: model.image_errors[row] is None and model.pred_label[row] == "cat", timeout=WAIT_MS)
    assert model.pred_errors[row] is None
