"""The Retrain dialog's lines on the classes the run trains too little to measure or not at all: those boxed only on
the test images it holds out (`Holdout.test_only_note`: the new model will not know them, where the dialog had
listed the new model's classes without them), and those too thin to be both trained on and measured
(`app.thin_classes`), said before the run (the Retraining window said "No image of 84 of the 127 classes…" only
after it, where `petloc train` warns at its start). They never stop the run."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from petloc_gui.app.thin_classes import thin_classes, thin_classes_line, thin_groups
from petloc_gui.ui.training.retrain_holdout import Holdout


class ThinClassesNote(QLabel):
    """Wrapped lines: the classes only on test images, the thin classes (their names and why in its tooltip);
    hidden when there are none."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a class "<b>cat" is a name, not markup
        self.hide()

    def show_for(self, preview: Holdout | None, with_prelabels: bool) -> None:
        """Said of a run the ``preview`` can start (None: nothing said). The preview counts the images the run
        trains on by class, each by its first box, after the run's check of the images
        (`Holdout.images_by_class`): a person's, and the pre-labels' when the run trains on them
        (``with_prelabels``), as `petloc train` counts them (counting boxes, the dialog took a class on one
        image's first box and many images' second for well boxed, where `petloc train` warns of it). A class
        boxed only on test images is said first, as `petloc train` says it before the thin ones."""
        thin: dict[str, int] = {}
        test_only = ""
        if preview is not None and not preview.problem:
            thin = thin_classes(preview.images_by_class, preview.prelabel_images_by_class if with_prelabels else None)
            test_only = preview.test_only_note()
        groups = thin_groups(thin)
        self.setText("\n".join(line for line in (test_only, thin_classes_line(thin)) if line))
        # rich text, so that the tooltip wraps: 80 names one a line ran off the screen
        self.setToolTip("".join(f"<p><b>{html.escape(why)}</b>: {html.escape(', '.join(names))}</p>"
                                for why, names in groups))
        self.setAccessibleDescription("\n".join(f"{why}: {', '.join(names)}" for why, names in groups))
        self.setVisible(bool(thin or test_only))
