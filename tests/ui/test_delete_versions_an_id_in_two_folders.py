"""Model → Versions → Delete versions… deletes the version checked when its id is in two preset folders.

A version filed in another preset's folder ("move it to ...") copied there with its old folder left behind is
listed twice, digits/<id> and pets/<id>. Checking pets/<id> deleted digits/<id> (the store's first folder holding
the id) and said "Deleted <id>": the dialog kept the id only. It keeps each row's folder now.
"""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import Qt

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog
from tests.model_files import keras_like_zip, loadable_meta


def _twice(store: VersionStore):
    staging = store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset="digits")), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    version = store.commit(staging)
    (store.root / "pets").mkdir(exist_ok=True)
    shutil.copytree(version.path, store.root / "pets" / version.id)  # filed in pets/ too, the old one kept
    return version, store.root / "pets" / version.id


def _row(dialog: DeleteVersionsDialog, preset: str):
    """The row the user sees for the version in the preset folder ``preset`` (its text starts with it)."""
    [item] = [item for item in (dialog.list.item(row) for row in range(dialog.list.count()))
              if item.text().split()[0] == preset]
    return item


def test_the_copy_checked_is_the_one_deleted_and_named(qtbot):
    store = VersionStore()
    version, copy = _twice(store)
    dialog = DeleteVersionsDialog(store, lambda: "pets")
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(row) for row in range(dialog.list.count())]
    assert sorted(item.text().split()[0] for item in rows) == ["digits", "pets"]  # both listed

    _row(dialog, "pets").setCheckState(Qt.CheckState.Checked)
    dialog.delete_checked()

    assert not copy.exists() and version.path.is_dir()  # pets/<id> deleted, digits/<id> kept
    assert dialog.said.text().startswith(f"Deleted pets/{version.id} (")
    assert [item.text().split()[0] for item in (dialog.list.item(row) for row in range(dialog.list.count()))] == [
        "digits"]


def test_the_other_copy_is_greyed_by_its_own_use(qtbot):
    from petloc_gui.core import in_use_marks

    store = VersionStore()
    version, _copy = _twice(store)
    mark = in_use_marks.mark(version.path)  # a window has digits/<id> loaded, not pets/<id>
    try:
        dialog = DeleteVersionsDialog(store, lambda: "pets")
        qtbot.addWidget(dialog)
        assert not _row(dialog, "digits").flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert _row(dialog, "pets").flags() & Qt.ItemFlag.ItemIsUserCheckable  # the copy nobody uses
    finally:
        in_use_marks.unmark(mark)
