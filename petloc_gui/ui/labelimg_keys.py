"""labelImg's keys that petloc has no action for, and what petloc has instead.

A labelImg user's hands press Ctrl+E (edit the selected box's label) and Ctrl+Shift+D (delete the image): here
they did nothing and nothing said so. Ctrl+E's counterpart is the Label box (Alt+L, its caption's access key);
petloc deletes no image. F1's labelImg row names both (`help_dialog.labelimg_row`), as it names A and Space.
"""

from __future__ import annotations

LABEL_BOX_KEY = "Alt+L"  # the Label box caption's access key ("&Label:", `label_box.LabelBox`)

# (labelImg's key, what it does there, what petloc has instead)
KEY_HINTS: tuple[tuple[str, str, str], ...] = (
    ("Ctrl+E", "edit label", f"{LABEL_BOX_KEY} (the Label box)"),
    ("Ctrl+Shift+D", "delete image", "petloc deletes no image"),
)


def hint_row_text() -> str:
    """The keys' part of F1's labelImg row: "Ctrl+E (edit label): Alt+L (the Label box); ..."."""
    return "; ".join(f"{key} ({there}): {here}" for key, there, here in KEY_HINTS)
