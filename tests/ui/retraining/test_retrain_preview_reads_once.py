"""The Retrain dialog's preview reads the folder once per view, off the window's thread.

Before: a fine-tune that could not start was collected again with the pre-labels left out (every
annotation read a third time: slow on a big folder), and the pre-labels it could use were counted by a
copy of `TrainingData.collect`'s parent-test match that read the parent's meta.json and hashed them again.
Now the fine-tune's read of the folder (`collect_folder`) gives both reasons and the count.
"""

from __future__ import annotations

import json
import threading
from collections import Counter

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.model.test_skip_prelabels import mark_prelabels

CANNOT_START = ("This run cannot start: need at least 2 usable annotated images, found 1 (11 more held out: the "
                "parent model's test images, which fine-tuning never trains on so that its test figures stay "
                "honest, or excluded on request).")
CANNOT_START_WITHOUT = ("This run cannot start: need at least 2 usable annotated images, found 0 (11 more held "
                        "out: the parent model's test images, which fine-tuning never trains on so that its test "
                        "figures stay honest, or excluded on request); 1 unreviewed pre-label was left out as "
                        "asked (review and save it, or train on it too).")


@pytest.fixture
def blocked_fine_tune(tmp_path):
    """(folder, parent): 12 canvases, 3 of them pre-labels; all but one pre-label are the parent's test
    images (one pre-label renamed: a test image by its bytes), so a fine-tune cannot start."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    marked = sorted(p.with_suffix(".png").name for p in folder.glob("*.xml"))[:3]
    mark_prelabels(folder, marked)
    run = TrainingData.collect(folder, val_fraction=0.2)
    parent = tmp_path / "parent"
    parent.mkdir()
    test = sorted(name for part in run.splits_record().values() for name in part if name != marked[0])
    (parent / "meta.json").write_text(json.dumps({"class_names": run.class_names, "images": run.images_record(),
                                                  "splits": {"train": [], "validation": [], "test": test}}))
    image = folder / marked[1]
    image.rename(folder / f"renamed_{image.name}")
    xml = image.with_suffix(".xml")
    (folder / f"renamed_{xml.name}").write_text(xml.read_text().replace(image.name, f"renamed_{image.name}"))
    xml.unlink()
    return folder, parent


def _counting_reads(monkeypatch) -> tuple[list[str], Counter]:
    """(the thread of each collection of the folder, how often each annotation file was read), from
    `model.data.collect_samples`'s own calls, wherever it is called from."""
    from petloc_gui.model import data

    threads: list[str] = []
    reads: Counter = Counter()
    open_dataset, read_voc = data.open_dataset, data.read_voc

    def counted_open(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return open_dataset(*args, **kwargs)

    def counted_read(path, *args, **kwargs):
        reads[str(path)] += 1
        return read_voc(path, *args, **kwargs)

    monkeypatch.setattr(data, "open_dataset", counted_open)
    monkeypatch.setattr(data, "read_voc", counted_read)
    return threads, reads


def test_a_blocked_fine_tune_is_previewed_from_one_read_of_the_folder(qtbot, monkeypatch, blocked_fine_tune):
    folder, parent = blocked_fine_tune
    threads, reads = _counting_reads(monkeypatch)
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)

    # one collection for the plain split (training from scratch), one for the fine-tune: none again to
    # leave the pre-labels out; both on a worker thread, never the window's
    assert len(threads) == 2, threads
    assert threading.main_thread().name not in threads
    assert reads and max(reads.values()) <= 2, reads.most_common(3)

    # what the dialog says is what it said before: the run's own reasons, either way
    assert dialog.holdout_label.text() == CANNOT_START
    assert dialog.train_prelabels.text() == "Train on the 1 unreviewed pre-label too"  # the one it could use
    assert not dialog.start_button.isEnabled()
    dialog.train_prelabels.setChecked(False)
    assert dialog.holdout_label.text() == CANNOT_START_WITHOUT
    dialog.from_scratch.setChecked(True)
    assert dialog.start_button.isEnabled() and dialog.holdout_label.text().startswith("0 images are held out")
    assert len(threads) == 2  # toggling reads nothing
