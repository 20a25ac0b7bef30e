"""The window on a VOC devkit export whose images are in subfolders (CVAT: ``JPEGImages/day/x.jpg``,
``Annotations/day/x.xml``): every image is listed with its boxes, and an image copied into a new
subfolder later is noticed as one copied into a sidecar folder is."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import folder_notice, look_now, open_and_wait, write_annotation, write_image


def _photo(root, relative, boxed=True):
    image = root / "JPEGImages" / relative
    image.parent.mkdir(parents=True, exist_ok=True)
    write_image(image)
    if boxed:
        xml = (root / "Annotations" / relative).with_suffix(".xml")
        xml.parent.mkdir(parents=True, exist_ok=True)
        write_annotation(image, [("cat", Box(10, 10, 60, 50))]).replace(xml)  # from beside the image


def test_the_list_holds_the_subfolders_images_and_notices_a_new_subfolder(qtbot, window, tmp_path):
    root = tmp_path / "export"
    for relative in ("x.jpg", "day/a.jpg", "day/x.jpg", "day/deep/b.jpg"):
        _photo(root, relative)
    open_and_wait(qtbot, window, root)
    session = window.session
    paths = [session.dataset.items[row].image_path.relative_to(root / "JPEGImages").as_posix()
             for row in range(len(session.dataset.items))]
    assert paths == ["day/a.jpg", "day/deep/b.jpg", "day/x.jpg", "x.jpg"]
    window.show_row(paths.index("day/x.jpg"))
    assert [(obj.name, obj.box) for obj in window.edits.doc.objects] == [("cat", Box(10, 10, 60, 50))]
    look_now(qtbot, window)
    assert folder_notice(window) == ""  # the folders as the index saw them: nothing to say
    _photo(root, "night/n.jpg", boxed=False)
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder"
