"""The Retrain dialog's line on the classes too thin to be both trained on and measured (`app.thin_classes`),
said before the run (the Retraining window said "No image of 84 of the 127 classes…" only after it, where
`petloc train` warns at its start). It never stops the run."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from petloc_gui.app.thin_classes import thin_classes, thin_classes_line, thin_groups
from petloc_gui.ui.training.retrain_holdout import Holdout


class ThinClassesNote(QLabel):
    """One wrapped line, the classes' names and why in its tooltip; hidden when no class is thin."""

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
        image's first box and many images' second for well boxed, where `petloc train` warns of it)."""
        thin = thin_classes(preview.images_by_class, preview.prelabel_images_by_class if with_prelabels else None) \
            if preview is not None and not preview.problem else {}
        groups = thin_groups(thin)
        self.setText(thin_classes_line(thin))
        # rich text, so that the tooltip wraps: 80 names one a line ran off the screen
        self.setToolTip("".join(f"<p><b>{html.escape(why)}</b>: {html.escape(', '.join(names))}</p>"
                                for why, names in groups))
        self.setAccessibleDescription("\n".join(f"{why}: {', '.join(names)}" for why, names in groups))
        self.setVisible(bool(thin))
