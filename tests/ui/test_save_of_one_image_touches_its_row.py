"""A save of one edited image changes that image's row of the list only.

Start training with an unsaved edit on a 20,000-image folder was profiled with some 200 rows set and
matched (`best_gt_match`) in the pass that saved one image: those were the opening scan's chunks landing
in the same pass, not the save. This keeps it so: the save tells the view of the saved row alone, and
matches that row's boxes alone. (The folder's follower then reads the file the save wrote, and its
`ReviewSession._scanned` asks every listed row to be repainted: not the save's doing, and not checked here.)
"""

from __future__ import annotations

from petloc_gui.core.metrics import best_gt_match
from petloc_gui.ui.review import file_list

from .conftest import edit_b, open_and_wait, write_image


def test_saving_one_image_emits_data_changed_for_its_row_only(qtbot, window, folder, monkeypatch):
    for i in range(20):  # more rows than the save's, unannotated
        write_image(folder / f"z{i:02d}.png", seed=10 + i)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    model = window.session.model
    row_b = model.view_row(1)
    model._flush()  # the opening's batched refresh, done before the save
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *roles: changed.append((top.row(), bottom.row())))
    layouts: list[int] = []
    model.layoutChanged.connect(lambda *args: layouts.append(1))
    matched: list[object] = []
    monkeypatch.setattr(file_list, "best_gt_match", lambda *args: matched.append(args[0]) or best_gt_match(*args))
    assert window.save_all()
    assert not window.has_unsaved()
    assert changed and set(changed) == {(row_b, row_b)}
    assert model._pending <= {row_b}  # no batched refresh of other rows is due either
    assert not layouts
    assert matched == [model.gt_objects[1] or model._objects(1)]  # b's boxes, once
