"""The file list's IoU column (and so the review queue) clamps boxes to the image's real size, as the
opened image and `petloc evaluate` do, not to a wrong ``<size>`` in the XML."""

from __future__ import annotations

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset

from .conftest import FakePrediction, open_and_wait, write_annotation, write_image


def _resized(folder):
    """z.png is 120x90; its XML says 60x45 (as if drawn on a half-size copy) with a box past that."""
    write_image(folder / "z.png")
    write_annotation(folder / "z.png", [("cat", Box(10, 10, 100, 80))], size=(60, 45))
    # the swapped width and height of an old labelImg file on an EXIF-rotated photo reads the same way
    write_image(folder / "w.png")
    write_annotation(folder / "w.png", [("dog", Box(70, 10, 110, 80))], size=(90, 120))
    return open_dataset(folder)


def test_read_primary_clamps_to_the_image_s_header_size_as_the_opened_document_does(tmp_path):
    dataset = _resized(tmp_path)
    store = AnnotationStore(dataset)
    for row, item in enumerate(dataset.items):
        box = store.read_primary(row)[1]
        document = store.document(row, image_size=(120, 90))  # the size the window decodes
        assert box == document.primary.box, item.image_path.name
    assert store.read_primary(1)[1] == Box(10, 10, 100, 80)  # z.png: not cut to 60x45


def test_the_list_iou_agrees_with_the_opened_image(qtbot, window, folder, factory):
    _resized(folder)
    factory.table["z.png"] = FakePrediction("cat", 0.9, Box(10, 10, 100, 80))
    factory.table["w.png"] = FakePrediction("dog", 0.9, Box(70, 10, 110, 80))
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    rows = {name: row for row, name in enumerate(model.names)}
    # read off the UI thread, before either image is opened: the boxes agree with the predictions
    assert model.iou[rows["z.png"]] == 1.0 and model.iou[rows["w.png"]] == 1.0
    window.show_row(rows["z.png"])
    assert f"IoU <b style='color:{window.panel.tone('good')}'>1.00</b>" in window.panel.header.text()
    # another program rewrites w.xml, still at the swapped size: followed, and clamped the same way
    write_annotation(folder / "w.png", [("dog", Box(60, 10, 110, 80))], size=(90, 120))
    window.session.watchers.follower.look()
    qtbot.waitUntil(lambda: model.gt_box[rows["w.png"]] == Box(60, 10, 110, 80), timeout=10_000)
    assert model.iou[rows["w.png"]] == 0.8
