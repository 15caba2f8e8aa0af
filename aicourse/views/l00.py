"""Lesson 00's widget: pick a claim of the article, see which lesson tests it."""

from __future__ import annotations

from aicourse import data, lessons
from aicourse.widgets import ViewError


def claim_options() -> list[tuple[str, str]]:
    """(label, claim_id) pairs for a dropdown, in the article's order."""
    claims = data.load("claims")
    return [(f"{r.claim_id}: {r.claim[:70]}{'…' if len(r.claim) > 70 else ''}", r.claim_id)
            for r in claims.itertuples()]


def claim_view(claim_id: str = "C03"):
    """One claim as a card: what it says, its kind, and the lesson(s) that test it."""
    from IPython.display import Markdown

    claims = data.load("claims").set_index("claim_id")
    if not isinstance(claim_id, str) or claim_id not in claims.index:
        raise ViewError("choose one of the claims in the list.")
    row = claims.loc[claim_id]
    _, all_lessons = lessons.load()
    titles = {l.number: f"{l.number} {l.title}" + ("" if l.available() else " (in preparation)")
              for l in all_lessons}
    tested = "; ".join(titles[n] for n in row["lessons"].split("|"))
    return Markdown(
        f"**{claim_id}** (paragraph {row['paragraph']} of the article): {row['claim']}\n\n"
        f"- **Theme:** {row['theme']}\n"
        f"- **Kind of claim:** {row['claim_type']}\n"
        f"- **Tested in lesson:** {tested}\n"
        f"- **Evidence to look for:** {row['evidence_to_look_for']}\n")
