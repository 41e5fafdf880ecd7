"""Start-up of `python -m bot ask` as a user runs it: process start to the printed answer.

Two cases: the very first run on a machine (the SQLite file does not exist yet, so it is created,
migrated and seeded) and every later run (the usual case). Prints the median and worst of N runs.
Target: ≤ 1.5 s to the first answer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "When do the joint patrols begin?"


def one_run(db: Path) -> float:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{db}", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", QUESTION], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - start
    assert "15 March 2020" in result.stdout, result.stdout
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    first: list[float] = []
    later: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.runs):
            db = Path(tmp) / f"fresh{index}.sqlite3"
            first.append(one_run(db))
        db = Path(tmp) / "fresh0.sqlite3"
        for _ in range(args.runs):
            later.append(one_run(db))
    for label, values in (("first run (create, migrate, seed)", first), ("later runs", later)):
        print(f"{label:<36} median {statistics.median(values):.2f} s  worst {max(values):.2f} s  (n={len(values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
