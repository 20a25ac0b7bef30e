"""What the README says of the window is what the window does: Qt's own options on `petloc-gui`'s command
line (argparse refused them until ui/qt_options.py; the README named none)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WINDOW = README.split("## The window: `petloc-gui`", 1)[1].split("\n## ", 1)[0]


def _window_command_lines() -> list[list[str]]:
    """The arguments of each `petloc-gui` line of the section's first code block, comments cut."""
    block = WINDOW.split("```sh", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("#", 1)[0])[1:] for line in block.splitlines() if line.startswith("petloc-gui")]


def test_every_window_command_line_of_the_readme_parses():
    from petloc_gui.ui.app import parse_args  # argparse only: no Qt is imported

    for args in _window_command_lines():
        parse_args(args)  # a line argparse refuses exits 2 (SystemExit), failing here


def test_the_qt_options_the_readme_names_are_the_ones_passed_on_to_qt():
    from petloc_gui.ui.qt_options import split_qt_options

    prose = " ".join(WINDOW.split())
    named = re.findall(r"`(-[a-z]+)(?: [A-Z+x]+)?`", prose)  # `-reverse`, `-style NAME`, …
    assert {"-reverse", "-style", "-platform", "-qwindowgeometry"} <= set(named), named
    for option in named:
        qt, own = split_qt_options([option, "value"])
        assert qt[:1] == [option] and own in ([], ["value"]), f"README names {option}, which is not Qt's"


def test_the_readme_shows_a_folder_named_like_an_option_after_the_double_dash():
    from petloc_gui.ui.app import parse_args

    folders = [parse_args(args).folder for args in _window_command_lines() if "--" in args]
    assert any(folder and folder.startswith("-") for folder in folders), folders


def _retrain_section() -> str:
    return " ".join(README.split("## Retraining from the app", 1)[1].split("\n## ", 1)[0].split())


def test_the_retrain_section_says_the_thin_classes_line_and_the_number_fields_ranges(qtbot):
    # the Retrain dialog's line on thin classes (app.thin_classes) and its locale-free fields (ui/number_fields.py)
    from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=40, has_unsaved=False)
    qtbot.addWidget(dialog)
    fraction, epochs = dialog.val_fraction, dialog.epochs
    section = _retrain_section()
    assert f"fewer than {MIN_BOXES_PER_CLASS} person-reviewed images" in section
    assert (f"({fraction.minimum():g} to {fraction.maximum():g}, epochs {epochs.minimum()} to {epochs.maximum()}) "
            "is refused where it is typed") in section
    assert "`0,35` is taken too" in section


def test_the_class_list_file_is_said_to_be_changed_under_its_lock_with_the_folder_s_classes_only():
    # app/class_list.py change_classes, ui/review/class_editor.py _after_file: the model's classes on no box
    # are no longer written into the file (the README said "the model's classes too")
    from petloc_gui.app.class_list import CLASSES_FILE, LOCK_FILE

    readme = " ".join(README.split())
    assert f"under a lock file `{LOCK_FILE}` beside it" in readme
    assert f"writes the folder's classes into `{CLASSES_FILE}`" in readme
    assert "not the model's classes that no box has" in readme
    assert "the model's classes too" not in readme
    # ui/review/dataset_panel.py _unsaved_note: a rename's unsaved boxes are not in the panel's figures
    assert "The Dataset panel's figures are those of the saved files" in readme
    adr = " ".join((ROOT / "docs" / "adr" / "0005-gui-structure.md").read_text(encoding="utf-8").split())
    class_list = adr.split("*Class list.*", 1)[1].split("Amendment (", 1)[0]
    assert f"`{LOCK_FILE}` beside it" in class_list and "not the model's that no box has" in class_list


def test_the_keys_table_says_what_f1_says_of_the_keys_with_no_box_selected():
    # ui/editing/edit_actions.py on_the_selected_box: Del, the arrows and Alt+arrows change no box unselected
    from petloc_gui.ui.help_dialog import NO_BOX_SELECTED_ROW

    table = README.split("| Keys | Action |", 1)[1].split("\n\n", 1)[0]
    arrows = next(line for line in table.splitlines() if line.startswith("| arrows, Shift+arrows |"))
    f1 = NO_BOX_SELECTED_ROW[1]
    assert "Del, the arrows and Alt+arrows change no box" in f1
    assert "after a click on empty space or a Del, they, Alt+arrows and Del change no box" in arrows
    for words in ("a held Del deletes one box", "next box drawn"):
        assert words in f1 and words in table, words


def test_the_readme_names_the_isolates_right_to_left_names_are_set_apart_with():
    from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
    from petloc_gui.ui.review.wrapped_names import FIRST_STRONG_ISOLATE as PANEL_FIRST

    assert PANEL_FIRST == FIRST_STRONG_ISOLATE
    said = f"Unicode isolates (U+{ord(FIRST_STRONG_ISOLATE):04X} … U+{ord(POP_DIRECTIONAL_ISOLATE):04X})"
    assert said in " ".join(README.split())
