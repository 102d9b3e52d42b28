"""Peak memory of a process that reads each crafted upload bomb through the app's reader.

    PYTHONPATH=src DOINGOAI_VAR_DIR=var python benchmarks/bench_upload_bombs.py [CAP_MB]

Each bomb is written to a temporary folder, then read by ``python -m
doingoai.core.tests.bombs`` in a process whose address space is capped (3072 MB by default),
so a reader without bounds ends in a MemoryError at the cap instead of taking the machine.
Prints one line per bomb: its name, its size on disk, the peak resident memory and the
message the app gave. Measured, not timed.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from doingoai.core.tests import bombs

BOMBS = [
    ("docx", "docx of 200 MB of text", lambda path: bombs.docx_bomb(path, 200)),
    ("docx", "docx of 20,000 parts", bombs.docx_of_many_members),
    ("pdf", "pdf of 2,000 pages", bombs.pdf_of_many_pages),
    ("xlsx", "xlsx of empty rows, 1,048,576 x 16,384", lambda p: bombs.xlsx_bomb(p, "rows")),
    ("xlsx", "xlsx declaring 1,048,576 rows", lambda p: bombs.xlsx_bomb(p, "dimension")),
    ("xlsx", "xlsx with 200 MB of shared strings", lambda p: bombs.xlsx_bomb(p, "strings")),
    ("backup", "backup zip of 2 GB of zeros", bombs.zip_bomb),
    ("iati", "IATI activity of 200 MB of text", bombs.iati_with_huge_text),
]


def main() -> None:
    cap = sys.argv[1] if len(sys.argv) > 1 else "3072"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    with tempfile.TemporaryDirectory() as tmp:
        for kind, label, make in BOMBS:
            path = Path(tmp) / f"bomb.{kind}"
            make(path)
            run = subprocess.run(
                [sys.executable, "-m", "doingoai.core.tests.bombs", kind, str(path), cap, "en"],
                capture_output=True, text=True, env=env, check=False)
            lines = run.stdout.strip().splitlines()
            if run.returncode == 0 and lines:
                outcome = json.loads(lines[-1])
            else:
                outcome = {"peak_mb": "?", "message": (run.stderr.strip().splitlines()
                                                       or ["crashed"])[-1]}
            size = path.stat().st_size / 1024 / 1024
            print(f"{label:42} {size:6.1f} MB on disk  peak {outcome['peak_mb']:>5} MB  "
                  f"{outcome['message'][:110] or '(accepted)'}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
