"""A fill of the list from the cache (`CacheFill`) picks its images when it is asked for, reads their keys in a
worker and looks them up in slices: one asked for before a folder's outage was noticed (another model chosen) but
answered after it queued that folder's images in the model's walk all the same. The model was called on day/c.png
and day/d.png, and both rows read "cannot open image: Permission denied" while the window said nothing there is
asked for while it cannot be read. Now the walk is queued without the images of a folder that cannot be read then."""

from __future__ import annotations

import threading

from petloc_gui.ui.review import image_keys

from .conftest import look_now
from .outage_folder import C, D, opened_on_a, outage_begins


def test_a_fill_answered_after_the_outage_was_noticed_leaves_its_folder_out(
        qtbot, window, factory, tmp_path, monkeypatch):
    root = opened_on_a(qtbot, window, tmp_path)
    model = window.session.model
    gate = threading.Event()
    real_read_keys = image_keys.read_keys

    def held_read_keys(*args, **kwargs):  # the keys read once the outage has been noticed
        gate.wait(10)
        return real_read_keys(*args, **kwargs)

    monkeypatch.setattr(image_keys, "read_keys", held_read_keys)
    service = window.session.parts.predictions
    walks: list[list] = []
    queue_walk = service.request_background
    monkeypatch.setattr(service, "request_background", lambda keys: (walks.append(list(keys)), queue_walk(keys)))
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        window.set_model("other")  # its fill's images picked now, their keys held back
        look_now(qtbot, window)  # the outage noticed: the walk left its images
        assert window.statusBar().currentMessage().startswith("Cannot read the folder")
        qtbot.waitUntil(lambda: len(factory.handles) == 2 and service.version() is not None, timeout=10_000)
        qtbot.waitUntil(service.is_idle, timeout=10_000)  # a.png and its readable neighbours, with "other"
        # (the walk of "fake" begun again for "other" may have failed on them before the outage was noticed:
        # forgotten here, the window could not know)
        model.pred_errors[C] = model.pred_errors[D] = None
        calls, walks[:] = len(factory.handles[-1].calls), []
        gate.set()  # the keys read: the fill answers, then queues the walk
        qtbot.waitUntil(lambda: any(walks), timeout=10_000)
        qtbot.waitUntil(service.is_idle, timeout=10_000)
        qtbot.wait(200)  # (a result's way back to its row)
        asked = [name for call in factory.handles[-1].calls[calls:] for name in call]
        assert "c.png" not in asked and "d.png" not in asked
        assert model.pred_errors[C] is None and model.pred_errors[D] is None
