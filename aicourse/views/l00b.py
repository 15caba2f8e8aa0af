"""Lesson 00b's widget: the chart cell of part 7 as a function of the AI Index edition.

The function does, step by step, what the lesson's chart cell does: choose the rows, make the
figure, draw the bars, finish the chart. The World row is left out (it is a total, not a
country), and each edition is drawn on its own: editions are separate reports.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from aicourse import charts, data
from aicourse.widgets import ViewResult, choice


def investment():
    return data.load("private_ai_investment")


def editions() -> list[int]:
    return sorted(int(e) for e in investment()["edition"].unique())


def edition_rows(edition: int):
    """The countries an edition reports (World left out), smallest figure first."""
    table = investment()
    rows = table[(table["edition"] == edition) & (table["country"] != "World")]
    return rows.sort_values("value_usd_bn")


def _the(name: str) -> str:
    """'the United States', 'China': a country's name as a sentence needs it."""
    return f"the {name}" if name.startswith(("United", "European", "Netherlands")) else name


def edition_view(edition: int = 2025) -> ViewResult:
    """Private AI investment by country in one edition of the AI Index, as horizontal bars."""
    choice(edition, editions(), "an edition of the AI Index", listed=True)
    rows = edition_rows(edition)                                            # 1. the rows
    year = int(rows["data_year"].max())
    first, second = rows.nlargest(2, "value_usd_bn")["country"]
    fig, ax = plt.subplots()                                                # 2. the figure
    ax.barh(rows["country"], rows["value_usd_bn"], color=charts.PALETTE[0])  # 3. the bars
    charts.finish(                                                          # 4. its parts
        fig, ax,
        title=f"Private AI investment in {year} by country (AI Index {edition})",
        subtitle=f"The largest amount went to {_the(first)}, the second largest to {_the(second)}",
        xlabel="Private investment in AI companies (USD billion)", ylabel="Country",
        source=data.source_line(rows),
        alt=f"Horizontal bars of private AI investment in {year}, USD billion: "
            + charts.describe(zip(rows["country"], rows["value_usd_bn"])) + ".",
    )
    notes = (f"{len(rows)} countries or groups as the {edition} edition reports them, for the "
             f"year {year}; compare them with each other, not with another edition's figures.",)
    return ViewResult(figure=fig, table=rows[["country", "value_usd_bn", "source_id"]],
                      notes=notes, sources=tuple(dict.fromkeys(rows["source_id"])))
