"""A child that reports what it was started with, for the tests of how the window starts its training child.

Run as ``python -m tests.child_environment_report [arguments]``: writes one JSON line (``event``:
"environment"): its arguments, and the bytes (hex; null where unset) of PYTHONPATH and PETLOC_DATA_DIR as
it received them. It lives in tests/, never in the product.
"""

from __future__ import annotations

import json
import os
import sys


def _hex(name: bytes) -> str | None:
    value = os.environb.get(name)
    return None if value is None else value.hex()


if __name__ == "__main__":
    print(json.dumps({"event": "environment", "argv": sys.argv[1:], "PYTHONPATH": _hex(b"PYTHONPATH"),
                      "PETLOC_DATA_DIR": _hex(b"PETLOC_DATA_DIR")}), flush=True)
