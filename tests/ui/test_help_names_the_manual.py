"""F1 lists the keys and the review-queue rule, and now names the manual by its full path.

The window's manual is the README's "The window" section; a wheel installed the README only as
.dist-info/METADATA, so F1 and Help → About had nothing to send a wheel user to. F1 names
`cli.reference.README` (the wheel's `petloc_gui/_docs/README.md`, or the checkout's) as a link.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl

from petloc_gui.cli.reference import README
from petloc_gui.ui.help_dialog import HelpDialog


def test_f1_links_the_readme_by_its_full_path(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert README.is_file()
    text = dialog.manual.text()
    assert f'href="{QUrl.fromLocalFile(str(README)).toString()}"' in text and f">{README}</a>" in text
    assert '"The window"' in text
    assert dialog.manual.openExternalLinks()
