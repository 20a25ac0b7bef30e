"""README's "Your own classes" and docs/cli.md's `petloc predict` say what a folder hears when the model it
remembers is made for the other kind of images (app.model_kind): they said only that a folder with no boxes uses
its own model "whatever its classes", and the note the window and `petloc predict` now give was nowhere."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset

ROOT = Path(__file__).resolve().parents[1]
README = re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))
CLI = re.sub(r"\s+", " ", (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"))
OWN_CLASSES = README.split("### Your own classes", 1)[1].split(" #", 1)[0]
PREDICT = CLI.split("## `petloc predict", 1)[1].split(" ## `petloc ", 1)[0]


def _note_for_photos_remembering_digits(folder: Path) -> str:
    folder.mkdir(parents=True)
    for i in range(3):
        Image.new("RGB", (320, 240)).save(folder / f"photo_{i}.png")  # photos: not 75x75 canvases
    FolderMemory().remember(folder, "digits")
    choice = choose_model(open_dataset(folder))
    assert choice.other_kind
    return choice.note


def test_the_readme_says_the_note_where_it_says_the_remembered_model_rule(tmp_path, _isolated_user_data):
    note = _note_for_photos_remembering_digits(tmp_path / "photos")
    said = f"{note[:1].upper()}{note[1:]}: Model → Bundled or Versions to change it"  # the window's status line
    assert said in OWN_CLASSES, "README's Your own classes does not give the note on a model of the other kind"


def test_cli_md_says_the_note_where_predict_s_model_choice_is_described(tmp_path, _isolated_user_data):
    note = _note_for_photos_remembering_digits(tmp_path / "photos")
    assert f"`petloc: DIR: {note}`" in PREDICT, "docs/cli.md's petloc predict does not give the line it prints"
