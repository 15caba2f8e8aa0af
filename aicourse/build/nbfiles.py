"""Read and write notebooks in one normal form, so diffs stay small and nothing stray is kept.

The normal form: nbformat 4.5; notebook metadata holds only the kernelspec and the language
name; cell metadata holds only tags; every cell has an id that stays with it. A cell keeps the
id it has (when valid and not already taken by an earlier cell), so inserting or moving a cell
changes no other cell's id; a cell without one gets a new id made from its content. Every
notebook written is validated against the notebook format (``nbformat.validate``).

    python -m aicourse.build.nbfiles [FILE...]   rewrite notebooks in the normal form (default: all)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def markdown(text: str, tags: list[str] | None = None, cell_id: str | None = None) -> dict:
    cell = {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}
    if tags:
        cell["metadata"]["tags"] = tags
    if cell_id:
        cell["id"] = cell_id
    return cell


def code(text: str, tags: list[str] | None = None, cell_id: str | None = None) -> dict:
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": _lines(text)}
    if tags:
        cell["metadata"]["tags"] = tags
    if cell_id:
        cell["id"] = cell_id
    return cell


#: What nbformat 4.5 allows as a cell id.
VALID_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")


def _assign_ids(cells: list[dict]) -> None:
    """Keep each valid id not taken by an earlier cell; give the other cells new ids."""
    kept: set[str] = set()
    for cell in cells:
        old = cell.get("id")
        if isinstance(old, str) and VALID_ID.fullmatch(old) and old not in kept:
            kept.add(old)
        else:
            cell.pop("id", None)
    for cell in cells:
        if "id" not in cell:
            base = hashlib.sha1(f"{cell['cell_type']}\n{source(cell)}".encode()).hexdigest()[:8]
            new, n = base, 1
            while new in kept:
                new, n = f"{base}-{n}", n + 1
            cell["id"] = new
            kept.add(new)


def notebook(cells: list[dict]) -> dict:
    """A new notebook holding ``cells`` (metadata is filled in by ``normalise``)."""
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def normalise(nb: dict, *, clear_outputs: bool = False) -> dict:
    nb["metadata"] = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    _assign_ids(nb["cells"])
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags else {}
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


def dumps(nb: dict, *, clear_outputs: bool = False) -> str:
    """The text of ``nb`` in normal form, after checking it against the notebook format."""
    import nbformat

    nb = normalise(nb, clear_outputs=clear_outputs)
    nbformat.validate(nbformat.from_dict(nb))  # raises nbformat.ValidationError
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def write(nb: dict, path: Path, *, clear_outputs: bool = False) -> bool:
    """Write in normal form; return True if the file changed."""
    text = dumps(nb, clear_outputs=clear_outputs)
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(paths: list[str]) -> int:
    from aicourse import lessons

    chosen = [Path(p) for p in paths if p.endswith(".ipynb")] if paths else sorted(
        p for folder in lessons.FOLDERS for p in (lessons.ROOT / folder).glob("*.ipynb"))
    for path in chosen:
        if write(read(path), path):
            print(f"normalised {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
