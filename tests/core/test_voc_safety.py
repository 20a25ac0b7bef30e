"""Issue 12 in core: external changes, symbolic links, passed-on constructs, huge labels."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.disk_state import MISSING
from petloc_gui.core.errors import ExternalChangeError, LinkTargetError, SaveError
from petloc_gui.core.voc import MAX_LABEL_CHARS, VocObject, new_annotation, read_voc, write_voc

from .helpers import snapshot

ONE = """<?xml version="1.0"?>
<annotation><filename>a.jpg</filename><size><width>100</width><height>80</height><depth>3</depth></size>
<object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object>
</annotation>
"""

THEIRS = ONE.replace("</annotation>", "<object><name>dog</name><bndbox><xmin>5</xmin><ymin>5</ymin>"
                                      "<xmax>9</xmax><ymax>9</ymax></bndbox></object></annotation>")


def _moved(annotation):
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], box=Box(3, 4, 33, 44))
    return annotation


# --- point 1: another program's change is never overwritten silently -------------

@pytest.mark.parametrize("edit", [True, False], ids=["edited", "unedited"])
def test_external_rewrite_between_read_and_save_is_refused(tmp_path, edit):
    path = tmp_path / "a.xml"
    path.write_text(ONE)
    annotation = read_voc(path)
    if edit:
        _moved(annotation)
    path.write_text(THEIRS)  # another program adds an object
    before = snapshot(path)
    with pytest.raises(ExternalChangeError) as info:
        write_voc(annotation, path)
    assert isinstance(info.value, SaveError) and info.value.path == path
    assert "changed by another program" in str(info.value)
    assert snapshot(path) == before  # their object is still there
    assert [o.name for o in read_voc(path).objects] == ["cat", "dog"]


def test_same_size_rewrite_within_the_same_tick_is_caught(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(ONE)
    annotation = read_voc(path)
    stat = path.stat()
    path.write_text(ONE.replace("cat", "cow"))  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    with pytest.raises(ExternalChangeError):
        write_voc(_moved(annotation), path)


def test_file_created_since_and_file_deleted_since_are_refused(tmp_path):
    path = tmp_path / "new.xml"
    annotation = new_annotation(tmp_path / "new.jpg", 100, 80)
    annotation.objects.append(VocObject("cat", Box(1, 1, 5, 5)))
    path.write_text(ONE)  # appeared after the image was opened with no annotation
    with pytest.raises(ExternalChangeError, match="created"):
        write_voc(annotation, path, expected=MISSING)
    assert path.read_text() == ONE
    read_back = read_voc(path)
    path.unlink()
    with pytest.raises(ExternalChangeError, match="deleted"):
        write_voc(_moved(read_back), path)
    assert not path.exists()


def test_save_then_save_again_and_explicit_keep_mine(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(ONE)
    annotation = read_voc(path)
    write_voc(_moved(annotation), path)  # our own write becomes the new baseline
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], name="lynx")
    write_voc(annotation, path)
    path.write_text(THEIRS)
    with pytest.raises(ExternalChangeError):
        write_voc(annotation, path)
    write_voc(annotation, path, expected=None)  # "keep mine", said explicitly
    assert [o.name for o in read_voc(path).objects] == ["lynx"]


def test_touch_without_content_change_is_not_a_conflict(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(ONE)
    annotation = read_voc(path)
    later = time.time_ns() + 5_000_000_000
    os.utime(path, ns=(later, later))
    write_voc(_moved(annotation), path)
    assert read_voc(path).objects[0].box == Box(3, 4, 33, 44)


# --- point 2: symbolic links ------------------------------------------------------

def test_link_to_voc_outside_the_folder_is_refused_naming_the_target(tmp_path):
    dataset, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    dataset.mkdir()
    elsewhere.mkdir()
    target = elsewhere / "real.xml"
    target.write_text(ONE)
    link = dataset / "a.xml"
    link.symlink_to(target)
    annotation = _moved(read_voc(link))
    before = snapshot(target)
    with pytest.raises(LinkTargetError) as info:
        write_voc(annotation, link, root=dataset)
    assert info.value.outside and info.value.target == target
    assert str(target) in str(info.value)
    assert snapshot(target) == before and link.is_symlink()
    write_voc(annotation, link, root=dataset, allow_link_outside=True)  # after the user agreed
    assert link.is_symlink() and read_voc(target).objects[0].box == Box(3, 4, 33, 44)


def test_link_inside_the_folder_is_written_through(tmp_path):
    (tmp_path / "sub").mkdir()
    target = tmp_path / "sub" / "real.xml"
    target.write_text(ONE)
    link = tmp_path / "a.xml"
    link.symlink_to(target)
    write_voc(_moved(read_voc(link)), link, root=tmp_path)
    assert link.is_symlink() and read_voc(target).objects[0].box == Box(3, 4, 33, 44)


def test_link_to_a_non_voc_file_is_never_replaced(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    link = tmp_path / "b.xml"
    link.symlink_to(notes)
    annotation = new_annotation(tmp_path / "b.jpg", 100, 80)
    annotation.objects.append(VocObject("cat", Box(1, 1, 5, 5)))
    for overwrite in (False, True):  # not even when "overwrite unreadable" was confirmed
        with pytest.raises(LinkTargetError) as info:
            write_voc(annotation, link, overwrite_unreadable=overwrite, root=tmp_path)
        assert str(notes) in str(info.value)
    assert notes.read_text() == "my notes\n"


# --- point 14: DOCTYPE, XInclude and processing instructions are dropped on save ------

HOSTILE = """<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/evil.xsl"?>
<!-- kept comment -->
<!DOCTYPE annotation SYSTEM "http://127.0.0.1:9/x.dtd">
<annotation xmlns:xi="http://www.w3.org/2001/XInclude">
<filename>a.jpg</filename><xi:include href="file:///etc/passwd" parse="text"/>
<size><width>100</width><height>80</height><depth>3</depth></size><?php system('x') ?>
<object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox>
<?other pi?></object>
</annotation>
"""


def test_passed_on_constructs_are_reported_at_reading_and_dropped_on_save(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(HOSTILE)
    annotation = read_voc(path)
    assert sum("removed when saved" in p for p in annotation.problems) == 5
    write_voc(_moved(annotation), path)
    text = path.read_text()
    for gone in ("DOCTYPE", "xml-stylesheet", "XInclude\"/>", "xi:include", "<?php", "<?other"):
        assert gone not in text, gone
    assert "<!-- kept comment -->" in text and "<name>cat</name>" in text
    assert len(annotation.dropped) == 5
    assert any("DOCTYPE" in note for note in annotation.dropped)
    assert any("/etc/passwd" in note for note in annotation.dropped)
    assert read_voc(path).problems == []


def test_clean_file_is_unchanged_by_an_unedited_save(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n" + ONE.split("\n", 1)[1])
    annotation = read_voc(path)
    write_voc(annotation, path)
    first = path.read_bytes()
    write_voc(read_voc(path), path)
    assert path.read_bytes() == first and annotation.dropped == []


# --- point 8: a huge label is shortened for display and reported ---------------------

@pytest.mark.timeout(60)
def test_million_character_label_reads_fast_shortened_and_reported(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(ONE.replace("<name>cat</name>", "<name>" + "x" * 1_000_000 + "</name>"))
    annotation = read_voc(path)
    name = annotation.objects[0].name
    assert len(name) == MAX_LABEL_CHARS and name.endswith("…")
    assert any("1,000,000 characters" in p for p in annotation.problems)
    # Editing the box only keeps the file's full label.
    write_voc(_moved(annotation), path)
    assert "x" * 1_000_000 in path.read_text()


@pytest.mark.timeout(120)
def test_stats_of_a_folder_with_a_million_character_label_finishes(tmp_path):
    from PIL import Image

    from petloc_gui.core.stats import dataset_stats

    Image.new("RGB", (100, 80)).save(tmp_path / "a.jpg")
    (tmp_path / "a.xml").write_text(ONE.replace("<name>cat</name>", "<name>" + "y" * 1_000_000 + "</name>"))
    stats = dataset_stats(tmp_path)
    assert stats.n_objects == 1
    assert all(len(name) <= MAX_LABEL_CHARS for name in stats.class_counts)
    assert any("1,000,000 characters" in p.message for p in stats.problems)
    assert sum(len(line) for line in stats.summary_lines()) < 10_000


def _core_imports(module: str) -> set[str]:
    """The petloc_gui.core modules a core module imports (any depth in its source)."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return set()
    source = spec.origin
    found = set()
    for node in ast.walk(ast.parse(Path(source).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("petloc_gui.core"):
            if node.module == "petloc_gui.core":  # from petloc_gui.core import voc
                found.update(f"petloc_gui.core.{a.name}" for a in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("petloc_gui.core"))
    return found


def test_reading_and_writing_modules_do_not_import_each_other():
    for start in ("petloc_gui.core.voc_write", "petloc_gui.core.voc_tree", "petloc_gui.core.voc_types"):
        seen, todo = set(), [start]
        while todo:
            module = todo.pop()
            for imported in _core_imports(module) - seen:
                seen.add(imported)
                todo.append(imported)
        assert "petloc_gui.core.voc" not in seen, start
