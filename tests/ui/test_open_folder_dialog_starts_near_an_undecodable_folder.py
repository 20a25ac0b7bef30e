"""File → Open folder… after a folder whose name is not UTF-8 (pets\\xff): the dialog was given "pets\\ufffd" (a QString
holds no such byte), a folder that does not exist, and started above it with that bogus name typed in and its
Choose greyed, or, for a folder inside it, in the current folder. It starts in the nearest folder Qt can name: Qt
lists and enters no folder whose name it cannot decode, so for pets\\xff that is the one holding it."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog

from petloc_gui.ui.folders import dialog_start


def _dialog_started_in(monkeypatch, window, last_folder: str) -> str:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda _parent, _title, start: asked.append(start) or "")
    window.settings.last_folder = last_folder
    window.act["open_folder"].trigger()
    assert len(asked) == 1 and window.settings.last_folder == last_folder  # kept byte for byte
    return asked[0]


@pytest.fixture
def undecodable(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"pets\xff")
    os.mkdir(folder)
    os.mkdir(os.path.join(folder, b"images"))
    return os.fsdecode(folder)


def test_it_starts_in_the_folder_holding_one_whose_name_is_not_utf8(monkeypatch, window, tmp_path, undecodable):
    assert _dialog_started_in(monkeypatch, window, undecodable) == str(tmp_path)
    assert "pets\ufffd" not in QDir(str(tmp_path)).entryList()  # (Qt does not show it, nor can it enter it)


def test_and_for_a_folder_inside_one(monkeypatch, window, tmp_path, undecodable):
    assert _dialog_started_in(monkeypatch, window, os.path.join(undecodable, "images")) == str(tmp_path)


def test_a_utf8_last_folder_is_where_it_starts(monkeypatch, window, tmp_path):
    (tmp_path / "chats é").mkdir()
    assert _dialog_started_in(monkeypatch, window, str(tmp_path / "chats é")) == str(tmp_path / "chats é")


def test_none_yet_leaves_the_dialog_its_own_start():
    assert dialog_start("") == ""
    assert dialog_start(os.fsdecode(b"/pets\xff")) == "/"
