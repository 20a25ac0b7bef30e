"""Past `MAX_CLASSES`, the classes the note counts as "the other N" are told apart by the rule the offered ones
are, `core.text.tidy_name`: the count wrote its own copy of the rule, which a change of the rule (the Label box,
Edit → Classes and the case-variant key share it) would have left counting names the list holds as one."""

from __future__ import annotations

from petloc_gui.app import class_list
from petloc_gui.app.class_list import CLASSES_FILE, MAX_CLASSES, classes_on_disk, classes_path


def _note(beyond: int) -> str:
    return (f"{CLASSES_FILE} lists {MAX_CLASSES + beyond:,} classes: only its first {MAX_CLASSES:,} are offered "
            f"(Label box, number keys, Edit → Classes), the other {beyond:,} stay in the file, unused")


def test_a_class_past_the_cap_spaced_otherwise_is_no_other_class(tmp_path):
    lines = [f"class {i}" for i in range(MAX_CLASSES)]
    classes_path(tmp_path).write_text("\n".join([*lines, "  class\t0 ", "bengal\u00a0 cat"]) + "\n", encoding="utf-8")
    assert classes_on_disk(tmp_path).notes == (_note(1),)


def test_the_count_follows_the_one_rule(tmp_path, monkeypatch):
    lines = [f"class_{i}" for i in range(MAX_CLASSES)]
    classes_path(tmp_path).write_text("\n".join([*lines, "Extra", "CLASS_0"]) + "\n", encoding="utf-8")
    tidy = class_list.tidy_name
    monkeypatch.setattr(class_list, "tidy_name", lambda name: tidy(name).lower())  # the rule, changed
    read = classes_on_disk(tmp_path)
    assert read == lines
    assert read.notes == (_note(1),)  # "CLASS_0" is class_0 by the rule: only "Extra" is another
