"""Compare two XML trees element by element, in meaning (whitespace-insensitive)."""

from __future__ import annotations

from lxml import etree


def differences(a: etree._Element, b: etree._Element, where: str = "", index: int = 0) -> list[str]:
    """Paths (``/tag[child index]/...``) where tag, attributes, stripped text or children differ."""
    here = f"{where}/{a.tag}[{index}]"
    found = []
    if a.tag != b.tag:
        return [f"{here}: tag {a.tag!r} != {b.tag!r}"]
    if dict(a.attrib) != dict(b.attrib):
        found.append(f"{here}: attributes {dict(a.attrib)} != {dict(b.attrib)}")
    if (a.text or "").strip() != (b.text or "").strip():
        found.append(f"{here}: text {a.text!r} != {b.text!r}")
    if len(a) != len(b):
        found.append(f"{here}: {len(a)} children != {len(b)}")
    for position, (child_a, child_b) in enumerate(zip(a, b, strict=False)):
        found.extend(differences(child_a, child_b, here, position))
    return found


def parse(path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
