"""How a conversion's messages name the choices that change it, in the caller's words.

A warning ends with what to do about it ("Use --annotated-only to leave them
out"), but the window has no command-line flags: it has checkboxes in its
export options. The caller puts its :class:`OptionWords` on the
ConversionReport (``ConversionReport.words``) and every message names an
option through it, so core names no widget and the CLI's text stays its own
(`CLI_WORDS`, the default).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# The options a message may name (keys of OptionWords' mappings).
ANNOTATED_ONLY = "annotated_only"
SKIP_DIFFICULT = "skip_difficult"
OVERWRITE = "overwrite"
FROM_COCO = "from_coco"  # reading a COCO file back as VOC


@dataclass(frozen=True)
class OptionWords:
    """What a caller calls each option (``names``) and how it tells a user to choose it (``remedies``)."""

    names: Mapping[str, str]     # "(--skip-difficult)" in a sentence that says what was done
    remedies: Mapping[str, str]  # "pass --skip-difficult" to end a sentence that says what to do

    def name(self, option: str) -> str:
        return self.names[option]

    def remedy(self, option: str, *, capital: bool = False) -> str:
        """How to choose ``option``, lower-case unless it starts a sentence (``capital``)."""
        text = self.remedies[option]
        return text[:1].upper() + text[1:] if capital else text


CLI_WORDS = OptionWords(
    names={ANNOTATED_ONLY: "--annotated-only", SKIP_DIFFICULT: "--skip-difficult", OVERWRITE: "--overwrite",
           FROM_COCO: "--from coco"},
    remedies={ANNOTATED_ONLY: "use --annotated-only", SKIP_DIFFICULT: "pass --skip-difficult",
              OVERWRITE: "pass --overwrite"},
)
