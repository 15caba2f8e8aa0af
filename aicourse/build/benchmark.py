"""How long the notebooks take to run, against the floor of a fresh kernel (a command, not a test).

    python3 tasks.py benchmark [--repeat N]

In one run on one machine it measures:

- the floor: a fresh kernel that only imports pandas, matplotlib.pyplot and ipywidgets;
- each notebook in notebooks/, exercises/ and solutions/, in a fresh kernel;
- the total for the course, and the ratio of the total to (number of notebooks x floor).

Runs are interleaved (floor, every notebook, floor, every notebook, ...) so that a busy moment
of the machine spreads over all of them, and each figure is the median of ``--repeat`` runs.
It prints a table with the ratio last and writes the results to benchmarks/results/.
Targets: ratio at most 1.25; no notebook more than 3 s above the floor (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build.kernelenv import use_kernel_env

RATIO_TARGET = 1.25
ABOVE_FLOOR_TARGET = 3.0
FLOOR_CODE = "import pandas, matplotlib.pyplot, ipywidgets"


def run_once(nb, folder: Path) -> float:
    from aicourse.build.store import client_class

    started = time.perf_counter()
    client_class()(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - started


def measure(repeat: int, root: Path = meta.ROOT) -> dict:
    import nbformat

    use_kernel_env()
    paths = meta.runnable_notebooks(root)
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CODE)])
    times: dict[str, list[float]] = {"floor": []}
    times.update({str(p.relative_to(root)): [] for p in paths})
    for _ in range(repeat):
        times["floor"].append(run_once(floor_nb, root / "notebooks"))
        for p in paths:
            times[str(p.relative_to(root))].append(
                run_once(nbformat.read(p, as_version=4), p.parent))
    median = {name: statistics.median(values) for name, values in times.items()}
    floor = median.pop("floor")
    total = sum(median.values())
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "repeat": repeat, "floor_s": floor,
        "notebooks": {name: {"seconds": s, "above_floor_s": s - floor} for name, s in median.items()},
        "total_s": total, "ratio": total / (len(median) * floor),
        "targets": {"ratio": RATIO_TARGET, "above_floor_s": ABOVE_FLOOR_TARGET},
    }


def report(results: dict) -> str:
    rows = [f"{'notebook':<45} {'seconds':>8} {'above floor':>12}", "-" * 67]
    rows.append(f"{'floor (fresh kernel + imports)':<45} {results['floor_s']:>8.2f} {'':>12}")
    for name, r in results["notebooks"].items():
        flag = "  over target" if r["above_floor_s"] > ABOVE_FLOOR_TARGET else ""
        rows.append(f"{name:<45} {r['seconds']:>8.2f} {r['above_floor_s']:>+12.2f}{flag}")
    rows.append("-" * 67)
    rows.append(f"{'total':<45} {results['total_s']:>8.2f}")
    rows.append(f"median of {results['repeat']} runs each; {results['machine']}")
    verdict = "meets" if results["ratio"] <= RATIO_TARGET else "misses"
    rows.append(f"ratio total / (notebooks x floor) = {results['ratio']:.3f} "
                f"({verdict} the target of {RATIO_TARGET})")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per notebook (median)")
    args = parser.parse_args(argv)
    results = measure(max(1, args.repeat))
    folder = meta.ROOT / "benchmarks" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"benchmark-{results['when'][:19].replace(':', '')}.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {path.relative_to(meta.ROOT)}")
    print(report(results))  # the ratio is the last line
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
