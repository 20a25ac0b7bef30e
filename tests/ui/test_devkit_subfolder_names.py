"""The Images list of a VOC devkit export whose images are in subfolders names each image by its path
within ``JPEGImages/`` (it listed ``x.jpg`` and ``day/x.jpg`` both as "x.jpg"), and its search box
finds them by that path."""

from __future__ import annotations

import os

from petloc_gui.core.boxes import Box

from .conftest import names_in_view_order, open_and_wait, write_annotation, write_image


def test_the_list_names_subfolder_images_by_their_path_and_the_search_finds_them(qtbot, window, tmp_path):
    root = tmp_path / "export"
    for relative in ("x.jpg", "b.jpg", "day/x.jpg", "day/a.jpg"):
        image = root / "JPEGImages" / relative
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image)
    xml = root / "Annotations" / "day" / "x.xml"
    xml.parent.mkdir(parents=True)
    write_annotation(root / "JPEGImages" / "day" / "x.jpg", [("cat", Box(10, 10, 60, 50))]).replace(xml)
    open_and_wait(qtbot, window, root)
    day = "day" + os.sep
    assert names_in_view_order(window) == ["b.jpg", day + "a.jpg", day + "x.jpg", "x.jpg"]
    window.file_dock.search.setText(day)
    assert names_in_view_order(window) == [day + "a.jpg", day + "x.jpg"]
    window.file_dock.search.setText("x.jpg")
    assert names_in_view_order(window) == [day + "x.jpg", "x.jpg"]
    window.file_dock.search.setText("")
    window.show_row(2)
    assert window.session.dataset.items[2].image_path == root / "JPEGImages" / "day" / "x.jpg"
    assert [(obj.name, obj.box) for obj in window.edits.doc.objects] == [("cat", Box(10, 10, 60, 50))]
