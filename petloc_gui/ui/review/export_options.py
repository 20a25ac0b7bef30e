"""The export options step of File -> Export as YOLO / COCO: what `petloc convert --to` offers as flags.

Asked before the folder is chosen and remembered between exports (in the
window's ui.settings.Settings: petloc's settings file, or the file the window
was given). The exporters' warnings name these options as the window shows
them (`WINDOW_WORDS`), not as command-line flags a window user does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from petloc_gui.core.interop.files import COPY, LINK
from petloc_gui.core.interop.options import ANNOTATED_ONLY, FROM_COCO, OVERWRITE, SKIP_DIFFICULT, OptionWords
from petloc_gui.ui.modal import modal

ANNOTATED_ONLY_TEXT = "Leave out images with no annotation"
SKIP_DIFFICULT_TEXT = "Leave out boxes marked difficult"
COPY_IMAGES_TEXT = "Copy the images instead of hard-linking them"

WINDOW_WORDS = OptionWords(
    names={ANNOTATED_ONLY: f"'{ANNOTATED_ONLY_TEXT}'", SKIP_DIFFICULT: f"'{SKIP_DIFFICULT_TEXT}'",
           OVERWRITE: "writing into a folder that is not empty", FROM_COCO: "petloc convert --from coco"},
    remedies={ANNOTATED_ONLY: f"tick '{ANNOTATED_ONLY_TEXT}' in the export options",
              SKIP_DIFFICULT: f"tick '{SKIP_DIFFICULT_TEXT}' in the export options",
              OVERWRITE: "export again and answer Yes when asked whether to write into it"},
)


@dataclass(frozen=True)
class ExportOptions:
    """The choices `petloc convert --to` takes as --annotated-only, --skip-difficult, --images copy."""

    annotated_only: bool = False
    skip_difficult: bool = False
    copy_images: bool = False

    @property
    def images(self) -> str:
        """The exporters' ``images`` mode."""
        return COPY if self.copy_images else LINK


class ExportOptionsDialog(QDialog):
    """Three checkboxes; OK goes on to choosing the folder."""

    def __init__(self, format_text: str, options: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export as {format_text}")
        note = QLabel(f"Writes the open folder's annotations as a {format_text} dataset into a folder you "
                      "choose next. Boxes are those of the image as displayed.")
        note.setWordWrap(True)
        self.annotated_only = QCheckBox(ANNOTATED_ONLY_TEXT)
        self.annotated_only.setToolTip("Otherwise images nobody has annotated are exported without boxes, "
                                       "and trainers learn them as background (no objects)")
        self.skip_difficult = QCheckBox(SKIP_DIFFICULT_TEXT)
        self.skip_difficult.setToolTip(f"{format_text} has no 'difficult' mark: otherwise such boxes are "
                                       "exported as ordinary ones. Ultralytics' own VOC converter leaves "
                                       "them out; an image with only such boxes is then left out whole")
        self.copy_images = QCheckBox(COPY_IMAGES_TEXT)
        self.copy_images.setToolTip("Hard links take no extra disk space but share the files with this folder; "
                                    "a copy is independent of it (copies are made anyway where links "
                                    "are impossible, e.g. on another drive)")
        self.annotated_only.setChecked(options.annotated_only)
        self.skip_difficult.setChecked(options.skip_difficult)
        self.copy_images.setChecked(options.copy_images)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose folder…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        for box in (self.annotated_only, self.skip_difficult, self.copy_images):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def options(self) -> ExportOptions:
        return ExportOptions(annotated_only=self.annotated_only.isChecked(),
                             skip_difficult=self.skip_difficult.isChecked(),
                             copy_images=self.copy_images.isChecked())


def ask_export_options(format_text: str, options: ExportOptions, parent: QWidget | None) -> ExportOptions | None:
    """The options the user chose starting from ``options``, or None when cancelled."""
    with modal(ExportOptionsDialog(format_text, options, parent)) as dialog:
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
