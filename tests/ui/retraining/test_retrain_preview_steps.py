"""The Retrain dialog's preview at each step of "Validation fraction" and each tick of the pre-labels box.

Before: every step ran the preview on the window's thread from the start: each image's path hashed again for
the split, the pre-labels a fine-tune uses and the boxes it trains on counted again, and the held-out list
emptied and filled anew (a 20,000-image folder froze the dialog 0.15-0.45 s a step). Now what no step changes
is worked out once, in the loader's thread (`splits.ValidationChooser`, the run's own `validation_members`),
and the list is refilled only when its names change, laid out in batches. The images listed stay exactly the
run's own split, also from scratch on a folder with an unreadable annotated image: the dialog split every
annotated image read, the unreadable one counted (listed as held out, or its class's count moving another across),
while the run checks each image's header first (`training_data.checked_item`) and splits the rest.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QListView

from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.model.test_skip_prelabels import mark_prelabels

FRACTIONS = (0.05, 0.15, 0.2, 0.33, 0.5)


@pytest.fixture(scope="module")
def folder_and_parent(tmp_path_factory):
    """(folder, parent, the parent's meta.json): 300 canvases, every tenth an unreviewed pre-label, one that
    validated at 5% made unreadable (its annotation kept); a parent model whose test images are 12 of them,
    whose validation images are 9 others and which trained on 40 more (those never validate its fine-tune:
    the rest is split by the fraction)."""
    from petloc_gui.core.digits import write_digits_dataset

    root = tmp_path_factory.mktemp("steps")
    folder = root / "digits"
    write_digits_dataset(folder, "train", count=300, seed=0)
    names = sorted(p.with_suffix(".png").name for p in folder.glob("*.xml"))
    mark_prelabels(folder, names[::10])
    validated = TrainingData.collect(folder, val_fraction=0.05, seed=SPLIT_SEED).splits_record()["validation"]
    (folder / validated[0]).write_bytes(b"not a png")  # a truncated or mislabelled file: its header reads not
    record = TrainingData.collect(folder, val_fraction=0.2).splits_record()
    everything = TrainingData.collect(folder, val_fraction=0.2)
    parent = root / "parent"
    parent.mkdir()
    meta = {"class_names": everything.class_names, "images": everything.images_record(),
            "splits": {"train": record["train"][12:52], "validation": record["validation"][:9],
                       "test": record["train"][:12]}}
    (parent / "meta.json").write_text(json.dumps(meta))
    return folder, parent, meta


def _run_validation(folder, parent, meta, fraction: float, fine_tune: bool, skip_prelabels: bool) -> list[str]:
    """The validation images of the run the dialog would start, split by the run's own code."""
    tuned = {"parent_meta": meta, "parent_class_names": meta["class_names"], "parent_path": parent} if fine_tune else {}
    run = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED, skip_prelabels=skip_prelabels, **tuned)
    return sorted(run.splits_record()["validation"])


def _listed(dialog: RetrainDialog) -> list[str]:
    return [dialog.holdout_list.item(row).text() for row in range(dialog.holdout_list.count())]


def _opened(qtbot, folder, parent) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=300, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=20000)
    return dialog


def test_the_dialog_lists_the_runs_own_validation_images_at_every_fraction(qtbot, folder_and_parent):
    folder, parent, meta = folder_and_parent
    dialog = _opened(qtbot, folder, parent)
    assert dialog.train_prelabels.isVisibleTo(dialog)  # the folder's 30 pre-labels are offered
    for fine_tune in (True, False):
        (dialog.from_current if fine_tune else dialog.from_scratch).setChecked(True)
        for with_prelabels in (True, False):
            dialog.train_prelabels.setChecked(with_prelabels)
            counts = set()
            for fraction in FRACTIONS:
                dialog.val_fraction.setValue(fraction)
                expected = _run_validation(folder, parent, meta, fraction, fine_tune, not with_prelabels)
                assert _listed(dialog) == expected, (fine_tune, with_prelabels, fraction)
                assert dialog.holdout_label.text().startswith(f"{len(expected)} images are held out")
                # the image the run leaves out as unreadable is said, not listed
                assert "(1 annotated image is left out: unreadable, or a box outside the image. Another that turns " \
                       "out unreadable is left out" in dialog.holdout_label.text()
                counts.add(len(expected))
            assert len(counts) == len(FRACTIONS)  # each step moved images across
    # a fine-tune's list keeps the parent's validation images at any fraction, and never its test images
    dialog.from_current.setChecked(True)
    dialog.val_fraction.setValue(0.05)
    assert set(meta["splits"]["validation"]) <= set(_listed(dialog))
    assert not set(meta["splits"]["test"]) & set(_listed(dialog))


def test_a_step_hashes_no_path_and_counts_no_pre_label_again(monkeypatch, folder_and_parent):
    from petloc_gui.model import splits
    from petloc_gui.ui.training import retrain_prelabels

    folder, parent, _meta = folder_and_parent
    preview = holdout_preview_for(folder, parent_spec=str(parent))  # the loader (the dialog's thread)
    hashed, counted = [], []
    split_key, run_prelabels = splits.split_key, retrain_prelabels.run_prelabels
    monkeypatch.setattr(splits, "split_key", lambda *args: hashed.append(args) or split_key(*args))
    monkeypatch.setattr(retrain_prelabels, "run_prelabels",
                        lambda *args: counted.append(args) or run_prelabels(*args))
    shown = {(f, fine_tune): preview(f, fine_tune) for f in FRACTIONS for fine_tune in (True, False)}
    assert not hashed and not counted  # worked out in the loader: the same at every fraction
    assert shown[0.2, True].prelabels == shown[0.5, True].prelabels > 0
    assert shown[0.2, True].box_counts == shown[0.5, True].box_counts
    renamed = {"zero": "0"}  # a rename chosen: the pre-labels it keeps counted once for it, then kept
    assert [preview(f, True, renamed).prelabels for f in FRACTIONS] == [shown[0.2, True].prelabels] * len(FRACTIONS)
    assert len(counted) == 1 and not hashed


def test_ticking_the_pre_labels_box_keeps_the_list_and_big_lists_are_laid_out_in_batches(qtbot, folder_and_parent):
    folder, parent, _meta = folder_and_parent
    dialog = _opened(qtbot, folder, parent)
    assert dialog.holdout_list.layoutMode() == QListView.LayoutMode.Batched
    dialog.holdout_list.setCurrentRow(5)  # the user looked at one of them
    listed = _listed(dialog)
    dialog.train_prelabels.toggle()  # pre-labels never validate: the same names
    assert _listed(dialog) == listed and dialog.holdout_list.currentRow() == 5  # not emptied and filled again
    dialog.val_fraction.setValue(0.5)  # other names: listed anew
    assert _listed(dialog) != listed and dialog.holdout_list.currentRow() == -1
