"""Run notebooks in fresh kernels and print their text outputs as JSON (a test helper).

    python tests/run_notebooks.py FOLDER NOTEBOOK...   (paths relative to FOLDER)

Prints {"interfaces": [...], "runs": {notebook: [[cell outputs], ...]}} with the text outputs
of each code cell (streams and text/plain), leaving out cells tagged nbval-ignore-output
(live widgets). Each notebook is run twice. Errors end the run with exit code 1.
"""

import json
import os
import socket
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from aicourse import store  # noqa: E402  (its client reads kernel messages without stalling)

IGNORE = "nbval-ignore-output"


def text_outputs(nb) -> list[list[str]]:
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or IGNORE in cell.metadata.get("tags", []):
            continue
        texts, last_stream = [], None
        for out in cell.outputs:
            if out.output_type == "stream":
                if last_stream == out.name:  # a stream may arrive in pieces: join them
                    texts[-1] += out.text
                else:
                    texts.append(f"{out.name}: {out.text}")
                last_stream = out.name
                continue
            last_stream = None
            if "text/plain" in out.get("data", {}):
                texts.append(out["data"]["text/plain"])
        cells.append(texts)
    return cells


RETRIES: list[str] = []


def run(folder: Path, notebook: str) -> list[list[str]]:
    """Run once in a fresh kernel. A cell that gets no reply in 60 s (cells here take well under
    a second; on this machine a kernel has rarely gone silent for minutes) is run again in a new
    kernel, once, and the retry is reported."""
    from nbclient.exceptions import CellTimeoutError

    path = folder / notebook
    for attempt in (1, 2):
        nb = nbformat.read(path, as_version=4)
        try:
            store.client_class()(nb, timeout=60, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            return text_outputs(nb)
        except CellTimeoutError:
            if attempt == 2:
                raise
            RETRIES.append(notebook)
            print(f"{notebook}: a cell got no reply in 60 s; running it again", file=sys.stderr)


def main(argv):
    import faulthandler

    # If a run stalls, say where, every minute, on standard error (the test keeps it).
    faulthandler.dump_traceback_later(60, repeat=True)
    folder, notebooks = Path(argv[0]), argv[1:]
    os.environ.pop("MPLBACKEND", None)
    interfaces = sorted(name for _, name in socket.if_nameindex())  # of this network namespace
    runs, seconds = {}, {}
    for nb in notebooks:
        started = time.perf_counter()
        runs[nb] = [run(folder, nb), run(folder, nb)]
        seconds[nb] = round(time.perf_counter() - started, 2)
        print(f"{nb}: {seconds[nb]} s", file=sys.stderr, flush=True)
    print(json.dumps({"interfaces": interfaces, "runs": runs, "seconds": seconds,
                      "retries": RETRIES}))


if __name__ == "__main__":
    main(sys.argv[1:])
