"""The window on real data: the Oxford pets subset (fake model) and the bundled digits model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir

from .conftest import open_and_wait
from .model_chosen import wait_model_chosen

OXFORD_PICK = ("Abyssinian_34", "Abyssinian_5", "Abyssinian_1", "Bengal_1", "american_bulldog_10")


def _copy_oxford_subset(oxford_dir: Path, out: Path) -> Path:
    root = out / "oxford"
    (root / "images").mkdir(parents=True)
    (root / "annotations" / "xmls").mkdir(parents=True)
    for stem in OXFORD_PICK:
        for image in (oxford_dir / "images").glob(f"{stem}.*"):
            shutil.copy2(image, root / "images" / image.name)
        xml = oxford_dir / "annotations" / "xmls" / f"{stem}.xml"
        if xml.exists():
            shutil.copy2(xml, root / "annotations" / "xmls" / xml.name)
    for name in ("list.txt", "trainval.txt", "test.txt"):
        shutil.copy2(oxford_dir / "annotations" / name, root / "annotations" / name)
    return root


@pytest.mark.shared
def test_oxford_subset_with_traps_opens_and_saves(qtbot, window, oxford_dir, tmp_path):
    from petloc_gui.core.voc import read_voc

    root = _copy_oxford_subset(oxford_dir, tmp_path)
    open_and_wait(qtbot, window, root)
    session = window.session
    assert window.dataset.layout == "oxford"
    names = session.model.names
    for row in range(len(names)):
        window.show_row(row)  # a GIF named .jpg, an RGBA PNG named .jpg: none may raise
    row = names.index("Abyssinian_1.jpg")
    window.show_row(row)
    doc = session.store.document(row)
    assert doc.image_size == (600, 400) and doc.primary.name == "cat"
    window.accept_prediction()
    assert window.save_current()
    xml = root / "annotations" / "xmls" / "Abyssinian_1.xml"
    saved = read_voc(xml)
    assert saved.objects[0].box == doc.objects[0].box
    assert saved.objects[0].pose == "Frontal", "fields the user did not touch are kept"
    assert "<database>OXFORD-IIIT Pet Dataset</database>" in xml.read_text()


@pytest.mark.slow
def test_real_digits_model_predicts_in_the_window(qtbot, tmp_path):
    """The bundled digits model, loaded by the real factory in the worker thread."""
    if not (resources_dir() / "models" / "digits" / "meta.json").is_file():
        pytest.skip("bundled digits model not built yet (make models)")
    from petloc_gui.app.demo_folder import write_demo
    from petloc_gui.ui.main_window import MainWindow

    folder = tmp_path / "digits"
    folder.mkdir()
    changed = write_demo(folder, count=30, seed=5)
    window = MainWindow()
    window.show()
    try:
        assert window.open_folder(folder)
        wait_model_chosen(qtbot, window)
        assert window.current_model_spec() == "digits"
        qtbot.waitUntil(lambda: window.current_model_info() is not None or window.model_problem, timeout=120_000)
        assert window.model_problem is None
        model = window.session.model
        qtbot.waitUntil(lambda: all(b is not None for b in model.pred_box), timeout=120_000)
        model.update_ranks()
        truth = [n.split("digit")[1][0] for n in model.names]
        correct = sum(p == t for p, t in zip(model.pred_label, truth, strict=False))
        assert correct >= 0.8 * len(truth), f"only {correct}/{len(truth)} digits right"
        # A flipped label is a label disagreement: it must come before agreeing images.
        window.file_dock.set_review_order(True)
        order = [model.index(r, 0).data() for r in range(model.rowCount())]
        agreeing = [n for n in order if model.queue_entry(model.names.index(n)).labels_agree]
        flipped_caught = [n for n in changed["flipped"] if model.pred_label[model.names.index(n)] ==
                          n.split("digit")[1][0]]
        for name in flipped_caught:
            assert order.index(name) < order.index(agreeing[-1])
    finally:
        window.guard.confirm_leave = lambda reload=False: True
        window.close()
        window.shutdown()


@pytest.mark.slow
@pytest.mark.shared
def test_real_pets_model_is_chosen_for_oxford_and_predicts(qtbot, oxford_dir, tmp_path):
    """The bundled pets model, picked from the folder's labels, loaded in the worker thread."""
    if not (resources_dir() / "models" / "pets" / "meta.json").is_file():
        pytest.skip("bundled pets model not built yet (make models)")
    from petloc_gui.ui.main_window import MainWindow

    root = _copy_oxford_subset(oxford_dir, tmp_path)
    window = MainWindow()
    window.show()
    try:
        assert window.open_folder(root)
        wait_model_chosen(qtbot, window)
        assert window.current_model_spec() == "pets"
        model = window.session.model
        qtbot.waitUntil(lambda: model.count_predicted_or_failed() == len(model.names), timeout=180_000)
        assert window.model_problem is None
        row = model.names.index("Abyssinian_1.jpg")
        assert model.pred_label[row] == "cat"
        assert model.iou[row] is not None and model.iou[row] > 0.3
        assert set(model.pred_label) - {None} <= {"cat", "dog"}
    finally:
        window.guard.confirm_leave = lambda reload=False: True
        window.close()
        window.shutdown()
