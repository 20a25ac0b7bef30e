"""A crash while the first run's demo was written left its hidden ``.demo-digits-*`` staging folder (half of
200 images) in the data folder for good: nothing ever removed it. The next preparation now removes the
staging folders of preparers that have ended, and keeps one a preparer in another process is still filling.

The preparers are real processes running the real `ensure_demo_folder`, its writing stood in for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from petloc_gui.core.paths import user_data_dir

ROOT = Path(__file__).resolve().parents[2]

# A preparer that writes one image into its staging folder, says so, then crashes or keeps writing.
_PREPARER = """\
import os, sys, time
from petloc_gui.app import demo_folder

def write_demo(out, count, final_dir=None):
    (out / "000000.png").write_bytes(b"half of the demo")
    print("writing", flush=True)
    if sys.argv[1] == "crash":
        os._exit(1)  # a crash: nothing of the preparer runs after it
    while True:
        time.sleep(0.05)

demo_folder.write_demo = write_demo
demo_folder.ensure_demo_folder()
"""


def _preparer(how: str) -> subprocess.Popen[str]:
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *([path] if path else [])]))
    proc = subprocess.Popen([sys.executable, "-c", _PREPARER, how], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    return proc


def _staging() -> set[str]:
    return {name for name in os.listdir(user_data_dir()) if name.startswith(".demo-digits-")}


def test_a_crashed_preparation_s_staging_goes_and_a_running_one_s_stays():
    from petloc_gui.app.demo_folder import ensure_demo_folder

    crashed = _preparer("crash")
    assert crashed.wait(timeout=60) == 1
    (left,) = _staging()
    running = _preparer("keep writing")
    try:
        (filling,) = _staging() - {left}

        demo = ensure_demo_folder(count=8)

        assert len(list(demo.glob("*.png"))) == 8
        assert _staging() == {filling}  # the crashed one's gone, the running one's untouched
        assert (user_data_dir() / filling / "000000.png").read_bytes() == b"half of the demo"
    finally:
        running.kill()
        running.wait(timeout=60)
