"""Help → About petloc: its version, the versions it runs on, its licence and credits, its documentation.

The version is the one `petloc --version` prints (`cli.main.petloc_version`). The licence texts are read
from the installed distribution, where a wheel (and an editable install) keeps them under
``.dist-info/licenses/`` (PEP 639); a run from a checkout that was never installed reads the
repository's top-level files. The documentation is the wheel's ``petloc_gui/_docs`` or the
checkout's ``docs/`` (`cli.reference.docs_dir`), shown as a link that opens it, and the manual is the
README (the wheel's copy in ``_docs``, or the checkout's: `cli.reference.README`), linked by its full path.
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QFocusEvent, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.cli.main import petloc_version
from petloc_gui.cli.reference import README, docs_dir
from petloc_gui.core.paths import DISTRIBUTION, checkout_root
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.modal import modal
from petloc_gui.ui.window_geometry import shrink_to_screen

# (tab title, file name as pyproject's license-files gives it, what a screen reader calls its text)
LICENCE_TABS = (("Licence", "LICENSE", "petloc's licence (LICENSE)"),
                ("Credits", "NOTICE", "Credits of the works petloc ships (NOTICE)"),
                ("Apache-2.0", "LICENSES/Apache-2.0.txt", "The Apache License 2.0 (LICENSES/Apache-2.0.txt)"))


@dataclass(frozen=True)
class LicenceText:
    name: str  # "NOTICE"
    text: str | None  # None: found nowhere
    path: Path | None  # where it was read, when known


def _from_distribution(name: str) -> LicenceText | None:
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    # PEP 639 (setuptools 77+) puts them under licenses/; older setuptools at the .dist-info's top
    for relative in (f"licenses/{name}", name):
        for recorded in dist.files or ():
            if recorded.parts[0].endswith(".dist-info") and "/".join(recorded.parts[1:]) == relative:
                path = Path(str(recorded.locate()))
                try:
                    return LicenceText(name, path.read_text(encoding="utf-8"), path)
                except (OSError, UnicodeDecodeError):
                    break  # listed but unreadable: the read below, then the checkout
        try:  # no RECORD: read inside the .dist-info all the same
            text = dist.read_text(relative)
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None:
            return LicenceText(name, text, None)
    return None


def licence_text(name: str) -> LicenceText:
    """``name`` (LICENSE, NOTICE, LICENSES/Apache-2.0.txt) from the installed distribution, else from
    the checkout; its text None when neither has it."""
    found = _from_distribution(name)
    if found is not None:
        return found
    root = checkout_root()
    if root is not None:
        path = root / name
        try:
            return LicenceText(name, path.read_text(encoding="utf-8"), path)
        except (OSError, UnicodeDecodeError):
            pass
    return LicenceText(name, None, None)


def declared_licence() -> str:
    """The licence the installed distribution declares (its SPDX expression), "" when not installed."""
    try:
        fields = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return ""
    # (get_all: the typed PackageMetadata has no get() before Python 3.12; its first value is what get() gives)
    expression, licence = ((fields.get_all(name) or [""])[0] for name in ("License-Expression", "License"))
    return expression or licence or ""


def not_found_text(name: str) -> str:
    """What the tab says when ``name`` is found nowhere, rather than nothing."""
    declared = declared_licence()
    return (f"{name} was not found: not in the installed petloc's .dist-info/licenses/ folder, and petloc "
            "does not run from a source checkout that has it.\n\n"
            + (f"The installed distribution declares its licence as: {declared}." if declared else
               "petloc's own code is under the MIT License; the ImageNet MobileNet weights it ships are under "
               "the Apache License 2.0 (see the project's LICENSE and NOTICE files)."))


def runtime_versions() -> str:
    """Python and Qt, and the runtimes that predict once they have been imported (by a model's load, in a
    worker): LiteRT, which runs the bundled models without TensorFlow (ADR 0004), and TensorFlow. Neither is
    imported for this line, and a module still being imported shows no version yet."""
    parts = [f"Python {platform.python_version()}", f"Qt {qVersion()} (PySide6 {PySide6.__version__})"]
    for module_name, shown in (("ai_edge_litert", "LiteRT"), ("tensorflow", "TensorFlow")):
        module = sys.modules.get(module_name)
        # vars(): a plain look-up, where getattr could run the module's lazy loader on this thread
        version = vars(module).get("__version__") if module is not None else None
        if isinstance(version, str):
            parts.append(f"{shown} {version}")
    return " · ".join(parts)


def _link(path: Path, text: str) -> str:
    return f'<a href="{html.escape(QUrl.fromLocalFile(str(path)).toString())}">{html.escape(text)}</a>'


def docs_html(folder: Path, readme: Path) -> str:
    """Where the documentation is, with links that open it; said plainly when it is not there. The manual
    (``readme``) by its full path: the one file to open for the window, retraining and the models."""
    if not folder.is_dir():
        return f"Documentation: not found (looked in {html.escape(str(folder))})."
    reference = folder / "cli.md"
    command = f" — the command reference: {_link(reference, 'cli.md')}" if reference.is_file() else ""
    manual = f"The manual: {_link(readme, str(readme))}<br>" if readme.is_file() else ""
    return f"{manual}Documentation (Markdown): {_link(folder, str(folder))}{command}"


class LinksLabel(QLabel):
    """A label of links that Tab steps through, from its first (Shift+Tab: its last) at once. Tab gave Qt's label
    the keyboard as a whole first, no link marked and no focus drawn, and only the next Tab reached a link; a label
    with no link lets the keyboard go on past it."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt's name
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            # the label's own step to its next (previous) link, as its second Tab did
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)


class AboutDialog(QDialog):
    """petloc's version, what it runs on, its documentation, and its licence texts in tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About petloc")
        title = QLabel(f"<b>petloc {html.escape(petloc_version())}</b>")
        # the version, to copy into a bug report
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel("Review, correct and retrain single-object localisation + classification models "
                         "(Pascal VOC XML).")
        summary.setWordWrap(True)
        runtime = QLabel(runtime_versions())
        runtime.setWordWrap(True)
        docs = LinksLabel(docs_html(docs_dir(), README))
        docs.setWordWrap(True)
        docs.setOpenExternalLinks(True)  # the file manager or Markdown viewer the desktop has
        # Tab reaches the links and Enter opens one (by default a label's links are the mouse's only)
        docs.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.docs = docs
        docs.setAccessibleName("Where petloc's documentation is")
        # parented by the layout, after the labels: Tab goes in the order shown (links, tab bar, text, Close)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Licence and credits")
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # NOTICE's underlined headings line up
        self.texts: dict[str, QPlainTextEdit] = {}
        for tab, name, spoken in LICENCE_TABS:
            found = licence_text(name)
            view = QPlainTextEdit(found.text if found.text is not None else not_found_text(name))
            view.setReadOnly(True)
            view.setFont(fixed)
            view.setTabChangesFocus(True)  # Tab goes on to Close
            view.setAccessibleName(spoken)
            if found.path is not None:
                view.setToolTip(f"Read from {found.path}")
            self.tabs.addTab(view, tab)
            self.texts[name] = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (title, summary, runtime, docs):
            layout.addWidget(label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._keyboard_on_the_texts()
        self.header_text = "\n".join(label.text() for label in (title, summary, runtime, docs))
        self.resize(720, 600)
        shrink_to_screen(self, parent)  # the texts scroll

    def _keyboard_on_the_texts(self) -> None:
        """The keyboard starts on the first tab's text, named for a screen reader, where the arrows and Page Down
        read it: by Qt's rule the first widget Tab reaches had it, the tab bar, which said nothing of what it shows.
        (Enter and Escape close the dialog from the text and the tab bar alike: Close is its default button.)"""
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())  # (the bar has the keyboard, not the tabs)
        self.texts[LICENCE_TABS[0][1]].setFocus(Qt.FocusReason.OtherFocusReason)


def show_about(window: QWidget) -> None:
    with keyboard_back(), modal(AboutDialog(window)) as dialog:
        dialog.exec()


def add_about_action(window: QWidget, action: QAction) -> None:
    """Make ``action`` Help → About petloc: the About role (macOS moves it to the application menu, as
    its users look for it there), and opening the dialog."""
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda: show_about(window))
