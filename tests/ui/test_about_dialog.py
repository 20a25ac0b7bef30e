"""Help → About petloc: the window showed neither petloc's version, its licence, the credits of what it
ships (NOTICE: the ImageNet MobileNet weights, the Oxford-IIIT Pet and MNIST datasets) nor where its
documentation is, though a wheel carries them all."""

from __future__ import annotations

import sys
import types
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import QDialog

from petloc_gui.cli.main import petloc_version
from petloc_gui.ui import about_dialog
from petloc_gui.ui.about_dialog import AboutDialog

ROOT = Path(__file__).resolve().parents[2]
IMAGENET_CREDIT = "ImageNet weights of MobileNet v1 (Apache License 2.0)"


def _dialog(qtbot, parent=None) -> AboutDialog:
    dialog = AboutDialog(parent)
    qtbot.addWidget(dialog)
    return dialog


def test_help_menu_has_about_with_the_about_role(window):
    [help_menu] = [entry.menu() for entry in window.menuBar().actions() if entry.text() == "&Help"]
    about = [action for action in help_menu.actions() if action.menuRole() == QAction.MenuRole.AboutRole]
    assert [action.text() for action in about] == ["&About petloc"]
    assert about[0] is window.act["about"]


def test_about_opens_from_the_menu_and_is_deleted_once_closed(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.header_text) or 0)
    window.act["about"].trigger()
    assert len(shown) == 1 and f"petloc {petloc_version()}" in shown[0]
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert not window.findChildren(QDialog)


def test_the_dialog_shows_the_version_the_licence_and_the_credits(qtbot):
    dialog = _dialog(qtbot)
    assert f"petloc {petloc_version()}" in dialog.header_text  # what `petloc --version` prints
    notice = dialog.texts["NOTICE"]
    assert IMAGENET_CREDIT in notice.toPlainText()
    assert "Oxford-IIIT Pet" in notice.toPlainText() and "MNIST" in notice.toPlainText()
    assert "MIT License" in dialog.texts["LICENSE"].toPlainText()
    assert "Apache License" in dialog.texts["LICENSES/Apache-2.0.txt"].toPlainText()
    assert all(view.isReadOnly() for view in dialog.texts.values())


def _wheel_metadata(tmp_path: Path) -> metadata.Distribution:
    """An installed wheel's .dist-info, its licence files under licenses/ (PEP 639) and in RECORD."""
    info = tmp_path / "site-packages" / "petloc-9.8.7.dist-info"
    (info / "licenses" / "LICENSES").mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.4\nName: petloc\nVersion: 9.8.7\n"
                                   "License-Expression: MIT AND Apache-2.0\n", encoding="utf-8")
    (info / "licenses" / "LICENSE").write_text("the wheel's LICENSE", encoding="utf-8")
    (info / "licenses" / "NOTICE").write_text(f"the wheel's NOTICE: {IMAGENET_CREDIT}", encoding="utf-8")
    (info / "RECORD").write_text("".join(f"petloc-9.8.7.dist-info/{name},,\n" for name in (
        "METADATA", "licenses/LICENSE", "licenses/NOTICE", "RECORD")), encoding="utf-8")
    return metadata.PathDistribution(info)


def test_the_licence_files_are_read_from_the_installed_wheel(tmp_path, monkeypatch):
    wheel = _wheel_metadata(tmp_path)
    monkeypatch.setattr(metadata, "distribution", lambda name: wheel)
    notice = about_dialog.licence_text("NOTICE")
    assert notice.text == f"the wheel's NOTICE: {IMAGENET_CREDIT}"
    assert notice.path == tmp_path / "site-packages" / "petloc-9.8.7.dist-info" / "licenses" / "NOTICE"
    # not in this wheel: the checkout's, as a run from it would show
    assert about_dialog.licence_text("LICENSES/Apache-2.0.txt").path == ROOT / "LICENSES" / "Apache-2.0.txt"


def _not_installed(name):
    raise metadata.PackageNotFoundError(name)


def test_a_run_from_the_checkout_reads_its_top_level_files(monkeypatch):
    monkeypatch.setattr(metadata, "distribution", _not_installed)
    notice = about_dialog.licence_text("NOTICE")
    assert notice.path == ROOT / "NOTICE" and IMAGENET_CREDIT in (notice.text or "")


def test_licence_found_nowhere_is_said_not_left_blank(qtbot, monkeypatch):
    monkeypatch.setattr(metadata, "distribution", _not_installed)
    monkeypatch.setattr(metadata, "metadata", _not_installed)
    monkeypatch.setattr(about_dialog, "checkout_root", lambda: None)
    assert about_dialog.licence_text("NOTICE").text is None
    dialog = _dialog(qtbot)
    text = dialog.texts["NOTICE"].toPlainText()
    assert text.startswith("NOTICE was not found") and "MIT License" in text


def test_tensorflow_is_named_only_once_imported_and_never_imported_for_it(monkeypatch):
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)
    assert "TensorFlow" not in about_dialog.runtime_versions()
    assert "tensorflow" not in sys.modules
    importing = types.ModuleType("tensorflow")  # still being imported: no __version__ yet
    monkeypatch.setitem(sys.modules, "tensorflow", importing)
    assert "TensorFlow" not in about_dialog.runtime_versions()
    importing.__version__ = "2.99.1"
    assert about_dialog.runtime_versions().endswith(" · TensorFlow 2.99.1")


def test_litert_is_named_once_imported_as_the_bundled_models_run_without_tensorflow(monkeypatch):
    """The window runs the bundled models with LiteRT and never imports TensorFlow for them: About named no
    runtime that predicts at all."""
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)
    monkeypatch.delitem(sys.modules, "ai_edge_litert", raising=False)
    assert "LiteRT" not in about_dialog.runtime_versions()
    assert "ai_edge_litert" not in sys.modules
    litert = types.ModuleType("ai_edge_litert")
    litert.__version__ = "2.3.0"
    monkeypatch.setitem(sys.modules, "ai_edge_litert", litert)
    assert about_dialog.runtime_versions().endswith(" · LiteRT 2.3.0")
    tensorflow = types.ModuleType("tensorflow")
    tensorflow.__version__ = "2.99.1"
    monkeypatch.setitem(sys.modules, "tensorflow", tensorflow)
    assert about_dialog.runtime_versions().endswith(" · LiteRT 2.3.0 · TensorFlow 2.99.1")


def test_the_documentation_is_a_local_link_or_said_missing(tmp_path):
    shown = about_dialog.docs_html(ROOT / "docs", ROOT / "README.md")
    assert f'href="file://{ROOT / "docs"}"' in shown and f'href="file://{ROOT / "docs" / "cli.md"}"' in shown
    assert about_dialog.docs_html(tmp_path / "gone", tmp_path / "README.md") == (
        f"Documentation: not found (looked in {tmp_path / 'gone'}).")


def test_the_manual_is_the_readme_by_its_full_path(qtbot, tmp_path):
    """About pointed to the docs folder only, where a wheel had no README: the window's manual (README "The
    window") was not among the installed files. The README is linked by its full path, the installed copy
    in a wheel (cli.reference.README, tests/cli/test_wheel.py)."""
    from petloc_gui.cli.reference import README

    shown = about_dialog.docs_html(ROOT / "docs", ROOT / "README.md")
    assert f'The manual: <a href="file://{ROOT / "README.md"}">{ROOT / "README.md"}</a>' in shown
    assert "manual" not in about_dialog.docs_html(ROOT / "docs", tmp_path / "README.md")  # not there: not named
    assert f'href="file://{README}"' in _dialog(qtbot).docs.text()


def test_the_dialog_fits_a_small_screen(qtbot, window, monkeypatch):
    # 683 x 466 logical pixels: a 1024 x 700 screen at 150% scale; the licence texts scroll
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 683, 466))
    dialog = _dialog(qtbot, window)
    assert dialog.height() < 466 and dialog.width() < 683


def test_every_control_has_a_name_a_screen_reader_can_say(qtbot):
    from .test_accessible_names import _unnamed

    dialog = _dialog(qtbot)
    assert _unnamed(dialog) == []


def test_tab_reaches_the_documentation_links(qtbot):
    # Tab went round the tabs, the text and Close only: the links were the mouse's alone
    dialog = _dialog(qtbot)
    assert dialog.docs.textInteractionFlags() & Qt.LinksAccessibleByKeyboard
    assert dialog.docs.focusPolicy() & Qt.TabFocus
