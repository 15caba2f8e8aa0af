"""Read and write notebooks in one normal form, so diffs stay small and nothing stray is kept.

The normal form: nbformat 4.5; notebook metadata holds only the kernelspec and the language
name; cell metadata holds only tags; cell ids are derived from the cell's position.
"""

from __future__ import annotations

import json
from pathlib import Path

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def markdown(text: str, tags: list[str] | None = None) -> dict:
    cell = {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}
    if tags:
        cell["metadata"]["tags"] = tags
    return cell


def code(text: str, tags: list[str] | None = None) -> dict:
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": _lines(text)}
    if tags:
        cell["metadata"]["tags"] = tags
    return cell


def notebook(cells: list[dict]) -> dict:
    """A new notebook holding ``cells`` (metadata is filled in by ``normalise``)."""
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def normalise(nb: dict, *, clear_outputs: bool = False) -> dict:
    nb["metadata"] = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    for index, cell in enumerate(nb["cells"]):
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags else {}
        cell["id"] = f"c{index:03d}"
        cell["source"] = _lines(source(cell))
        if cell["cell_type"] == "code":
            if clear_outputs:
                cell["outputs"], cell["execution_count"] = [], None
            for output in cell.get("outputs", []):
                output.pop("transient", None)
                if "metadata" in output and output["output_type"] != "stream":
                    output["metadata"] = {k: v for k, v in output["metadata"].items()
                                          if k.startswith("image/")}
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    ordered = {key: nb[key] for key in ("cells", "metadata", "nbformat", "nbformat_minor")}
    return ordered


def write(nb: dict, path: Path, *, clear_outputs: bool = False) -> bool:
    """Write in normal form; return True if the file changed."""
    text = json.dumps(normalise(nb, clear_outputs=clear_outputs), indent=1,
                      ensure_ascii=False) + "\n"
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
