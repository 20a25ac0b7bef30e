"""`read_classes` was typed to return a plain list though both its returns give a `ClassNames` (the classes and
the notes on them), so `petloc stats`/`train` checked the type again before saying the notes (`if isinstance(read,
ClassNames):  # always`). It is typed as what it returns, checked by mypy, and every return is one."""

from __future__ import annotations

import typing

from petloc_gui.app.class_list import CLASSES_FILE, ClassNames, read_classes


def test_read_classes_is_typed_and_returns_class_names(tmp_path):
    assert typing.get_type_hints(read_classes)["return"] is ClassNames
    assert type(read_classes(tmp_path)) is ClassNames  # no file
    (tmp_path / CLASSES_FILE).write_text("cat\ndog\n", encoding="utf-8")
    read = read_classes(tmp_path)
    assert type(read) is ClassNames and read == ["cat", "dog"] and read.notes == ()
    (tmp_path / CLASSES_FILE).write_bytes(b"caf\xe9\n")  # not UTF-8: refused, with a note
    read = read_classes(tmp_path)
    assert type(read) is ClassNames and read == [] and read.notes
