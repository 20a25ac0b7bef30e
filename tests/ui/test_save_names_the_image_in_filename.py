"""A save in the window kept a `<filename>` that names another file: `<filename>A.PNG</filename>` beside the
image a.png (or the name of an image renamed since) stayed after an edit and a save, and tools that open the
image by `<filename>` (TF Object Detection's create_pascal_tf_record) failed on a case-sensitive disk. labelImg
rewrites it at every save; petloc now writes the image's own name there when it names another file, and keeps
every other byte of the file as it was (ADR 0003: the minimal diff): `<folder>` and `<path>` stay as read."""

from __future__ import annotations

import difflib

from .conftest import open_and_wait

STALE_PATH = "C:\\Users\\Jérôme\\Données\\été 2026\\a.png"


def _lines_changed(before: str, after: str) -> list[str]:
    return [f"{line[0]} {line[2:].strip()}" for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line.startswith(("- ", "+ "))]


def _nudged_and_saved(qtbot, window, folder, name: str) -> None:
    open_and_wait(qtbot, window, folder)
    window.show_row(window.session.model.names.index(name))
    assert window.edits.nudge(1, 0) and window.save_current()


def test_a_filename_of_another_case_is_the_image_name_after_a_save(qtbot, window, folder):
    xml = folder / "a.xml"
    before = xml.read_text(encoding="utf-8").replace("<filename>a.png<", "<filename>A.PNG<")
    xml.write_text(before, encoding="utf-8")
    _nudged_and_saved(qtbot, window, folder, "a.png")
    after = xml.read_text(encoding="utf-8")
    assert "<filename>a.png</filename>" in after
    assert _lines_changed(before, after) == [
        "- <filename>A.PNG</filename>", "+ <filename>a.png</filename>",
        "- <xmin>10</xmin>", "+ <xmin>11</xmin>", "- <xmax>50</xmax>", "+ <xmax>51</xmax>"]  # a pixel to the right


def _box_only(before: str, after: str, filename: bool) -> bool:
    """Every changed line is the box's xmin/xmax (and, with ``filename``, the `<filename>` line)."""
    allowed = ("<xmin>", "<xmax>") + (("<filename>",) if filename else ())
    changed = _lines_changed(before, after)
    return bool(changed) and all(line[2:].startswith(allowed) for line in changed)


def test_a_filename_naming_another_file_and_a_stale_path_from_another_machine(qtbot, window, folder):
    xml = folder / "a.xml"
    text = xml.read_text(encoding="utf-8")
    before = text.replace("<filename>a.png<", "<filename>IMG_0001.png<")
    start, end = before.index("<path>") + len("<path>"), before.index("</path>")
    before = before[:start] + STALE_PATH + before[end:]
    xml.write_text(before, encoding="utf-8")
    _nudged_and_saved(qtbot, window, folder, "a.png")
    after = xml.read_text(encoding="utf-8")
    assert "<filename>a.png</filename>" in after
    assert f"<path>{STALE_PATH}</path>" in after  # kept: no tool opens the image by it, and it is not this disk's
    assert _box_only(before, after, filename=True), _lines_changed(before, after)


def test_a_right_filename_leaves_every_line_but_the_box(qtbot, window, folder):
    xml = folder / "a.xml"
    before = xml.read_text(encoding="utf-8")
    assert "<filename>a.png</filename>" in before
    _nudged_and_saved(qtbot, window, folder, "a.png")
    after = xml.read_text(encoding="utf-8")
    assert _box_only(before, after, filename=False), _lines_changed(before, after)
