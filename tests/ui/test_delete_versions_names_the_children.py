"""Delete versions…: a version others were fine-tuned from says so in its row (still deletable) and as deleted.

Deleted, it said only "Deleted digits/<id>": the children's record of the images they learned from was then
incomplete (`petloc evaluate` said its parent model is not found), with no word before or at the delete.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from petloc_gui.model.version_id import new_version_id
from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, **meta):
    staging = store.new_staging_dir("digits")
    meta = {"version_id": new_version_id("digits"), **meta}
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset="digits", **meta)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def test_the_parents_row_and_the_result_line_name_the_child(qtbot):
    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog

    store = VersionStore()
    parent = _version(store)
    child = _version(store, parent=parent.id, parent_version_id=parent.id)
    dialog = DeleteVersionsDialog(store, lambda: "digits")
    qtbot.addWidget(dialog)
    said = f"digits/{child.id} was fine-tuned from it: its record of the images it learned from becomes incomplete"

    row = dialog.item_of(parent.path)
    assert said in row.text()
    assert row.flags() & Qt.ItemFlag.ItemIsUserCheckable  # a note, not a reason to keep it
    assert "fine-tuned" not in dialog.item_of(child.path).text()

    row.setCheckState(Qt.CheckState.Checked)
    dialog.delete_button.click()

    assert not parent.path.exists() and child.path.is_dir()
    assert dialog.said.text().startswith(f"Deleted digits/{parent.id} (") and said in dialog.said.text()
