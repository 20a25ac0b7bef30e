"""The preset and the kind of label a model was trained on, read from its meta.json once while it is unchanged.

The window asks `train_worker.label_source_for` when the Retrain dialog opens, again when Start training
is pressed (on the UI thread: a meta.json holding a 20,000-image record took 16-31 ms to read and check)
and again while the saved edits are checked. What is kept of a meta.json is these two values, by the
file's stamp (path, inode, size, times), as `parent_chain.ancestor_at` keeps an ancestor's: a meta.json
rewritten since is read again, and one written within `SETTLED_NS` of its read is never memoised (a
same-size rewrite in that clock tick keeps its stamp).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from typing import Any

from petloc_gui.model.bundle import META_FILE, read_meta, resolve_model, trained_label
from petloc_gui.model.parent_chain import MEMO_SIZE, SETTLED_NS

# (the saved edits' check asks from a worker thread while the window may ask too)
_LOCK = threading.Lock()
_READ: OrderedDict[tuple[Any, ...], tuple[Any, str | None]] = OrderedDict()


def preset_and_label(spec: str) -> tuple[Any, str | None]:
    """meta.json's ``preset`` (None when absent) and `bundle.trained_label` of the model ``spec`` names;
    BundleError (or OSError) when it cannot be read, as `bundle.read_meta`."""
    meta_path = resolve_model(spec) / META_FILE
    info = os.stat(meta_path)
    stamp = (os.path.abspath(meta_path), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    with _LOCK:
        known = _READ.get(stamp)
        if known is not None:
            _READ.move_to_end(stamp)
            return known
    meta = read_meta(spec)
    facts = (meta.get("preset"), trained_label(meta))
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) >= SETTLED_NS:
        with _LOCK:
            _READ[stamp] = facts
            while len(_READ) > MEMO_SIZE:
                _READ.popitem(last=False)
    return facts
