"""Lesson 00b's micro-exercises, one per part of the pandas on-ramp, and its retrieval questions.
Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion

LESSON = "00b"


def _investment() -> pd.DataFrame:
    return data.load("private_ai_investment")


def _value(edition: int, country: str) -> float:
    """One edition's figure for one country, looked up by name."""
    table = _investment().set_index(["edition", "country"])["value_usd_bn"]
    return float(table.loc[(edition, country)])


def _ranked(edition: int, ascending: bool = False) -> list[float]:
    """An edition's country figures (World left out), sorted."""
    t = _investment()
    rows = t[(t["edition"] == edition) & (t["country"] != "World")]
    return list(rows.sort_values("value_usd_bn", ascending=ascending)["value_usd_bn"])


def _edition_total(edition: int, world: bool = False, how: str = "sum") -> float:
    t = _investment()
    if not world:
        t = t[t["country"] != "World"]
    return float(t.groupby("edition")["value_usd_bn"].agg(how)[edition])


def _secondary_percent(names=("private_ai_investment", "notable_models")) -> float:
    rows = pd.concat([data.load(n)[["source_id"]] for n in names])
    quality = data.sources().set_index("source_id")["quality"]
    return 100 * float((rows["source_id"].map(quality) == "secondary").mean())


def _countries(edition: int, world: bool = False) -> pd.Series:
    t = _investment()
    rows = t[(t["edition"] == edition) & (world | (t["country"] != "World"))]
    return rows.set_index("country")["value_usd_bn"]


q1 = NumberQuestion(
    LESSON, "q1", unit="names", integer=True,
    expected=lambda: _investment()["country"].nunique(),
    mistakes=[(lambda: len(_investment()),
               "that is the number of rows. A name appears once per edition; count each name "
               "once: investment['country'].nunique()."),
              (lambda: len(_investment().columns),
               "that is the number of columns. The question asks for the different values in "
               "one column, country.")],
    hints=["Select the column with investment['country'].",
           "A column's .nunique() counts its different values (.unique() lists them)."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="USD billion",
    expected=lambda: _value(2024, "China"),
    mistakes=[(lambda: _value(2025, "China"),
               "that is the 2025 edition's figure (for the year 2024). The question asks for the "
               "2024 edition: the column edition, not data_year."),
              (lambda: _value(2024, "United States"),
               "that is the United States' figure. Add a second condition: "
               "investment['country'] == 'China'.")],
    hints=["Two conditions: investment['edition'] == 2024 and investment['country'] == 'China', "
           "each in parentheses, joined with &.",
           "investment.loc[(...) & (...), 'value_usd_bn'].item() takes the one value out."],
)

q3 = NumberQuestion(
    LESSON, "q3", unit="USD billion",
    expected=lambda: _ranked(2025)[2],
    mistakes=[(lambda: _ranked(2025, ascending=True)[2],
               "that is the third from the bottom: sort_values sorts from the smallest up. Add "
               "ascending=False to start from the largest."),
              (lambda: _ranked(2025)[1],
               "that is the second largest. Count again from the top: first, second, third."),
              (lambda: _ranked(2025)[3],
               "that is the fourth largest. Count again from the top: first, second, third.")],
    hints=["Keep the rows of the 2025 edition, then sort them with "
           "sort_values('value_usd_bn', ascending=False).",
           "Show the sorted table and read the value_usd_bn of its third row."],
)

q4 = NumberQuestion(
    LESSON, "q4", unit="USD billion",
    expected=lambda: _edition_total(2024),
    mistakes=[(lambda: _edition_total(2024, world=True),
               "that includes the World row, which is itself a total of every country: leave it "
               "out first (investment['country'] != 'World')."),
              (lambda: _edition_total(2024, how="max"),
               "that is the largest figure of the edition (max). The question asks for the total: "
               ".sum()."),
              (lambda: _edition_total(2025),
               "that is the 2025 edition. Pick the 2024 edition from the grouped result: "
               "totals[2024].")],
    hints=["Leave out the World row first, then group: countries.groupby('edition')"
           "['value_usd_bn'].sum().",
           "The result has one value per edition, labelled by the edition: pick it with [2024]."],
)

q5 = NumberQuestion(
    LESSON, "q5", unit="times",
    expected=lambda: _value(2024, "United States") / _value(2024, "China"),
    mistakes=[(lambda: _value(2024, "China") / _value(2024, "United States"),
               "that divides China's figure by the US figure. The question asks how many times "
               "China's figure the US figure is: US / China."),
              (lambda: _value(2025, "United States") / _value(2025, "China"),
               "that is the 2025 edition. The question asks for the 2024 edition: "
               "wide.loc[2024, ...].")],
    hints=["Make the wide table: investment.pivot(index='edition', columns='country', "
           "values='value_usd_bn').",
           "wide.loc[2024, 'United States'] / wide.loc[2024, 'China']."],
)

q6 = NumberQuestion(
    LESSON, "q6", unit="percent",
    expected=lambda: _secondary_percent(),
    factor_advice={100: "give a percentage (50 for 50 %), not a fraction."},
    mistakes=[(lambda: _secondary_percent(("private_ai_investment",)),
               "that counts only the rows of private_ai_investment. Stack the source_id columns "
               "of both tables with pd.concat first."),
              (lambda: _secondary_percent(("notable_models",)),
               "that counts only the rows of notable_models. Stack the source_id columns of both "
               "tables with pd.concat first.")],
    hints=["rows = pd.concat([investment[['source_id']], models[['source_id']]]) stacks the two "
           "columns; quality = data.sources().set_index('source_id')['quality'].",
           "rows['source_id'].map(quality) gives each row's quality; (... == 'secondary').mean() "
           "is the share, times 100 a percentage."],
)

q7 = ChoiceQuestion(
    LESSON, "q7", correct="a",
    options={
        "a": "the first line, which chooses the rows with a mask",
        "b": "the line ax.barh(...), which draws the bars",
        "c": "the line charts.finish(...), which adds the title",
        "d": "the line with plt.subplots(), which makes an empty figure",
    },
    explanations={
        "a": "right: the mask investment['edition'] == 2025 chooses the rows; change 2025 to "
             "2022 and every later line draws the 2022 edition. Change the title too, so that it "
             "says what is drawn.",
        "b": "ax.barh draws whatever rows it is given; it does not choose them.",
        "c": "the title describes the chart; change it too, but it does not choose the data.",
        "d": "plt.subplots() makes an empty figure; it knows nothing of the data yet.",
    },
    hints=["Read the chart cell of part 7 from the top: where does the number 2025 appear first?",
           "Which line decides which rows reach ax.barh?"],
)

q8 = ChartQuestion(
    LESSON, "q8", unit="USD", scale="billion", any_order=True,
    series=lambda: _countries(2023),
    mistakes=[(lambda: _countries(2023, world=True),
               "it includes the World row, a total of every country: leave it out."),
              (lambda: _countries(2024),
               "it shows the 2024 edition. The question asks for the 2023 edition (data for "
               "2022).")],
    hints=["Copy the chart cell of part 7 and change two things: the edition (2023) and the "
           "title.",
           "Keep the xlabel with the unit (USD billion) and the source line "
           "data.source_line(rows); pass the figure to q8.check(fig)."],
)

q9 = TextQuestion(
    LESSON, "q9", min_words=30,
    points=[
        "says that the ratio compares the two countries' private AI investment in one year, as "
        "one edition of the AI Index measured it",
        "names something the ratio does not show (state funding, what the money produced, "
        "firms counted by where they are based)",
        "explains that editions revise earlier years and change methods, so a ratio is computed "
        "within one edition, never from two editions' figures",
    ],
    hints=["What does the column value_usd_bn measure, and for which year does an edition give it?",
           "Look at the description of private_ai_investment in data.datasets(): what does it say "
           "about editions?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="d",
    options={
        "a": "the rows for China, as a smaller table",
        "b": "the number of rows whose country is China",
        "c": "the first row whose country is China",
        "d": "a True or False for every row: a mask",
    },
    explanations={
        "a": "that is what the whole expression gives, investment[...]; the part inside the "
             "brackets is the mask that chooses those rows.",
        "b": "a comparison does not count; .sum() of its result would count the Trues.",
        "c": "a comparison looks at every row, not only the first.",
        "d": "right: == compares every row's country with 'China' and gives True or False for "
             "each; in square brackets, that mask keeps the True rows.",
    },
    hints=["Run investment['country'] == 'China' on its own and look at what it shows.",
           "It has as many values as the table has rows, each True or False."],
    solution='r1.check("d")',
)

r2 = ChoiceQuestion(
    LESSON, "r2", correct="b",
    options={
        "a": "when the table has more than two columns",
        "b": "when two rows fall in the same cell",
        "c": "when a value is missing for a combination",
        "d": "when the values are text, not numbers",
    },
    explanations={
        "a": "pivot uses three columns (index, columns, values) and ignores the others.",
        "b": "right: pivot puts one row in each cell. Two rows for the same index and column "
             "(two sources for one figure) stop it; pivot_table combines them with its aggfunc.",
        "c": "a missing combination is no problem for either: the cell is left empty (NaN).",
        "d": "pivot copies text as well as numbers; pivot_table needs an aggfunc that works on "
             "text, such as 'count'.",
    },
    hints=["Part 5 used pivot_table for the 2026 edition of notable_models. Why?",
           "How many rows did that edition have for the United States?"],
    solution='r2.check("b")',
)

RECALL = [r1, r2]
