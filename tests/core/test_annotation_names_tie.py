"""Two annotations differing only in case (``a.XML`` and ``a.Xml``, no ``a.xml``) beside ``a.jpg``.

Which one was a.jpg's came from the order of a set of names, which PYTHONHASHSEED sets: two runs of
`petloc train` on one folder could train on different boxes. The first in natural order is chosen (as
`shared_owner` chooses), whatever the seed; the other is still named as an annotation with no image.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import voc_xml, write_image

_REPORT = """
import json, sys
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
dataset = open_dataset(sys.argv[1])
print(json.dumps([[item.annotation_path.name for item in dataset.items],
                  [path.name for path in annotations_without_image(dataset)]]))
"""


def test_the_pair_is_the_same_under_every_hash_seed_and_the_other_file_is_named(tmp_path):
    write_image(tmp_path / "a.jpg", 40, 30)
    for name, label in (("a.Xml", "dog"), ("a.XML", "cat")):
        (tmp_path / name).write_text(voc_xml("a.jpg", 40, 30, [(label, (1, 1, 20, 20))]), encoding="utf-8")
    root = str(Path(__file__).resolve().parents[2])
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": os.pathsep.join(
            [root, *filter(None, [os.environ.get("PYTHONPATH")])])}
        result = subprocess.run([sys.executable, "-c", _REPORT, str(tmp_path)], env=env, capture_output=True,
                                text=True, check=True)
        seen.add(result.stdout.strip())
    assert [json.loads(line) for line in seen] == [[["a.XML"], ["a.Xml"]]]
