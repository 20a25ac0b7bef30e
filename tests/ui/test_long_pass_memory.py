"""A pass through a big folder leaves nothing per image behind: the window kept a finished
decode worker, a parsed annotation document and an undo stack for every image it ever showed
(19 KB an image: +190 MB over 10,000), and gave none back. Images with edits keep theirs:
their unsaved boxes, Save all and Ctrl+Z across images work as before."""

from __future__ import annotations

import gc

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation, write_image

PASS = 200


def _many(tmp_path, count=PASS + 3):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(count):
        image = root / f"img_{i:04d}.png"
        write_image(image, size=(40, 30), seed=i)
        if i % 3:
            write_annotation(image, [("cat", Box(5, 5, 25, 20))], size=(40, 30))
    return root


def _live(kind) -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, kind))


def test_a_pass_through_many_images_keeps_what_edits_need_and_nothing_else(qtbot, window, tmp_path):
    from petloc_gui.app.image_document import ImageDocument
    from petloc_gui.ui import background

    # Counted from here: earlier tests' closed windows may still hold theirs until the process ends (the
    # edit fuzz's six keep ~38 through their undo commands), which is not this window's to let go.
    before_docs, before_workers = _live(ImageDocument), _live(background.Worker)
    open_and_wait(qtbot, window, _many(tmp_path))
    session, edits = window.session, window.edits
    window.show_row(0)
    assert edits.add_box(Box(2, 2, 30, 25), "dog")  # unsaved
    edited = session.store.loaded(0)
    window.show_row(1)
    assert edits.add_box(Box(3, 3, 20, 20), "dog")
    edits.undo_group.undo()  # back to the file, with a redo to keep
    undone = session.store.loaded(1)
    assert not undone.dirty

    for row in range(2, PASS + 2):
        window.show_row(row)
    qtbot.waitUntil(window.images.is_idle, timeout=10_000)
    qtbot.wait(100)  # the last decodes' workers are released on the UI thread

    assert len(edits.undo_group.stacks()) <= 3  # images 0 and 1, and the one shown
    assert _live(ImageDocument) - before_docs <= 20
    assert len(session.store.loaded_items()) <= 12
    assert _live(background.Worker) - before_workers <= 10
    assert session.store.dirty_indices() == [0] and window.has_unsaved()

    window.show_row(0)
    assert session.store.loaded(0) is edited and edits.doc is edited
    assert [o.name for o in edited.objects][-1] == "dog"
    edits.undo_group.undo()
    assert not edited.dirty and not window.has_unsaved()
    edits.undo_group.redo()
    assert edited.dirty

    window.show_row(1)
    assert edits.doc is undone
    edits.undo_group.redo()
    assert undone.dirty and [o.name for o in undone.objects][-1] == "dog"
    assert session.store.dirty_indices() == [0, 1]


def test_an_image_left_untouched_is_read_again_when_shown_again(qtbot, window, tmp_path):
    """Its document is let go, and a file changed meanwhile is shown as it is now."""
    from petloc_gui.core.voc import read_voc, write_voc

    folder = _many(tmp_path, count=30)
    open_and_wait(qtbot, window, folder)
    session = window.session
    window.show_row(1)
    for row in range(2, 30):
        window.show_row(row)
    gc.collect()
    assert session.store.loaded(1) is None
    annotation = read_voc(folder / "img_0001.xml")
    annotation.objects[0] = annotation.objects[0].__class__(name="dog", box=Box(1, 1, 30, 25))
    write_voc(annotation, folder / "img_0001.xml")
    window.show_row(1)
    doc = session.store.loaded(1)
    assert [(o.name, o.box) for o in doc.objects] == [("dog", Box(1, 1, 30, 25))]
    assert not doc.dirty
