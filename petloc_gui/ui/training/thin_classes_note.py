"""The Retrain dialog's line on the classes too thin to be both trained on and measured (`app.thin_classes`),
said before the run (the Retraining window said "No image of 84 of the 127 classes…" only after it, where
`petloc train` warns at its start). It never stops the run."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from petloc_gui.app.thin_classes import thin_classes, thin_classes_line, thin_groups
from petloc_gui.ui.training.retrain_support import Holdout


class ThinClassesNote(QLabel):
    """One wrapped line, the classes' names and why in its tooltip; hidden when no class is thin."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a class "<b>cat" is a name, not markup
        self.hide()

    def show_for(self, preview: Holdout | None, with_prelabels: bool) -> None:
        """Said of a run the ``preview`` can start (None: nothing said). The preview counts the boxes of the
        images the run trains on by class (`Holdout.box_counts`): a person's, and the pre-labels' when the run
        trains on them (``with_prelabels``). `petloc train` counts images by their first box, after its check
        of the images: the same numbers on a folder of one box an image, all readable; the preview carries no
        per-image count to tell the others apart."""
        thin = thin_classes(preview.box_counts, preview.prelabel_box_counts if with_prelabels else None) \
            if preview is not None and not preview.problem else {}
        groups = thin_groups(thin)
        self.setText(thin_classes_line(thin))
        # rich text, so that the tooltip wraps: 80 names one a line ran off the screen
        self.setToolTip("".join(f"<p><b>{html.escape(why)}</b>: {html.escape(', '.join(names))}</p>"
                                for why, names in groups))
        self.setAccessibleDescription("\n".join(f"{why}: {', '.join(names)}" for why, names in groups))
        self.setVisible(bool(thin))
