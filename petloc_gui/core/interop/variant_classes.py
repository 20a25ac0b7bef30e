"""The warning of an export (`petloc convert --to yolo|coco`, the window's export) whose labels name one class
spelled two ways: "Bengal" and "bengal", a composed "chat_été" (NFC) and the decomposed one macOS writes (NFD).
Labels are exported as written, each its own class; the two of one Unicode form pair read the same in
classes.txt, data.yaml and a COCO category list, and nothing said so ("0 problems, 0 warnings"). Said in
`petloc stats`' words (`core.label_variants`: each spelling quoted with its boxes and what tells it apart)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.label_variants import differences, shown_apart, variant_groups, variants_text
from petloc_gui.core.text import counted


def warn_of_variant_classes(records: Sequence[ImageRecord], report: ConversionReport, written_to: str) -> None:
    """One warning per class spelled two ways among ``records``' labels (``written_to``: where the classes are
    listed, "classes.txt and data.yaml"), at the first image with the rarest spelling, likely the slip."""
    boxes = Counter(obj.label for record in records if record.annotated for obj in record.objects)
    for found in variant_groups(boxes):
        group = sorted(found, key=lambda name: -boxes[name])  # the most used spelling first
        rarest = group[-1]
        first = next(record for record in records if record.annotated
                     and any(obj.label == rarest for obj in record.objects))
        counts = {name: counted(boxes[name], "box", "boxes") for name in group}
        report.warning(first.image_path, (
            f"labels {variants_text(group, counts)} differ only in {differences([group])}: written as "
            f"{len(group)} classes of {written_to}; give them one name (the window's Edit → Classes…, Ctrl+L: "
            f"renaming one to the other merges them) and convert again; this image has the first "
            f"{shown_apart(rarest, group)} box"))
