"""Right answers derived from the CSV files with plain pandas, independently of the questions'
own code (``aicourse.questions``), and the code the solutions notebooks wrote for the others.

``INDEPENDENT`` gives each NumberQuestion's answer, ``CHART_VALUES`` what each ChartQuestion's
chart must show; ``draw`` draws such values as a finished chart in any of the usual forms.
"""

import json
import re
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from aicourse import figures

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype={"period": str})


def core() -> pd.Series:
    t = csv("aidp_targets")
    return t[t["segment"] == "core AI industry"].set_index("target_year")["value_rmb_bn"].sort_index()


def fed() -> pd.Series:
    r = csv("exchange_rates")
    return r[r["series"].str.startswith("Federal Reserve")].set_index("year")["rmb_per_usd"]


def one(table: pd.DataFrame, column: str, **where) -> float:
    for key, value in where.items():
        table = table[table[key] == value]
    assert len(table) == 1, where
    return float(table[column].iloc[0])


def yrd_zones() -> int:
    zones, hubs = csv("pilot_zones"), csv("innovation_hubs")
    members = set(hubs.loc[hubs["hub"] == "Yangtze River Delta", "member"])
    return int((zones["city"].isin(members) | zones["province"].isin(members)).sum())


def patents_per_person_ratio() -> float:
    pubs, pop = csv("ai_publications"), csv("world_population")
    per = {c: one(pubs, "value", metric="granted AI patents", edition=2024, country=c)
           / one(pop, "population_thousand", country=c, year=2022)
           for c in ("China", "United States")}
    return per["China"] / per["United States"]


def station_count(period: str) -> float:
    g = csv("five_g")
    return one(g[~g["measure"].str.contains("sites")], "value", indicator="5g_base_stations",
               period=period, status="reported")


def pace_2022_edition() -> float:
    s = csv("ic_self_sufficiency")
    s = s[(s["edition"] == "IC Insights 2022") & (s["status"] == "reported")
          & (s["measure"] == "China-based IC production share of China IC market")]
    s = s.sort_values("year")
    return (s["value_percent"].iloc[-1] - s["value_percent"].iloc[0]) / (
        s["year"].iloc[-1] - s["year"].iloc[0])


def hq_part_2019() -> float:
    s = csv("ic_self_sufficiency")
    s = s[(s["edition"] == "IC Insights 2020") & (s["year"] == 2019)].set_index("measure")
    return 100 * (s.loc["China-headquartered firms' IC production share of China IC market", "value_percent"]
                  / s.loc["China-based IC production share of China IC market", "value_percent"])


def eo_days() -> int:
    r = csv("rules_timeline")
    adopted = {n: pd.Timestamp(r.loc[r["instrument"].str.startswith(n), "adopted"].min())
               for n in ("Executive Order 14110", "Executive Order 14148")}
    return (adopted["Executive Order 14148"] - adopted["Executive Order 14110"]).days


def weak_percent() -> float:
    ids = pd.concat([csv(t)["source_id"] for t in ("rules_timeline", "social_credit",
                                                    "social_credit_views")])
    quality = csv("sources").set_index("source_id")["quality"]
    return 100 * float((ids.map(quality) == "weak").mean())


def tie_rate() -> float:
    m = csv("notable_models")
    m = m[(m["edition"] == 2025) & (m["measure"] == "notable AI models")].set_index("country")
    return (m.loc["United States", "count"] / m.loc["China", "count"]) ** (
        1 / (2030 - m.loc["China", "data_year"])) - 1


def supported_percent() -> float:
    v = csv("claims")["reference_verdict"]
    checkable = v[v != "not checkable"]
    return 100 * float((checkable == "supported").mean())


def inv(edition: int) -> pd.Series:
    i = csv("private_ai_investment")
    return i[(i["edition"] == edition) & (i["country"] != "World")].set_index("country")["value_usd_bn"]


def secondary_percent() -> float:
    quality = dict(zip(csv("sources")["source_id"], csv("sources")["quality"]))
    ids = list(csv("private_ai_investment")["source_id"]) + list(csv("notable_models")["source_id"])
    return 100 * sum(quality[i] == "secondary" for i in ids) / len(ids)


def arena_lead_march_2026() -> float:
    """The US lead on the Chatbot Arena in March 2026, percent of the Chinese score (2026 edition)."""
    perf = csv("model_performance")
    rows = perf[(perf["measure"] == "Arena score of top model") & (perf["edition"] == 2026)
                & (perf["as_of"] == "2026-03")]
    us, cn = (one(rows, "value", country=c) for c in ("United States", "China"))
    return 100 * (us - cn) / cn


def payments(year: str) -> float:
    return one(csv("payments"), "value", indicator="bank_mobile_payments_transactions", period=year)


def genai_filed(as_of: str) -> float:
    return one(csv("algorithm_filings"), "count", measure="generative AI service filing", as_of=as_of)


INDEPENDENT = {
    ("00", "practice"): lambda: int((csv("claims")["claim_type"] == "forecast").sum()),
    ("01", "q1"): lambda: (core()[2030] / core()[2020]) ** (1 / 10) - 1,
    ("01", "q2"): lambda: core()[2030] / fed()[2017],
    ("01", "q3"): lambda: one(csv("industry_size"), "value_rmb_bn", year=2022, body="MIIT",
                              measure="core AI industry")
    * (core()[2030] / core()[2025]) ** ((2030 - 2022) / 5),
    ("02", "q1"): yrd_zones,
    ("02", "q2"): lambda: inv(2025)["United States"] / inv(2025)["China"],
    ("03", "q1"): lambda: one(csv("ai_publications"), "value", edition=2023, country="China",
                              data_year=2021, metric="share of AI journal citations")
    / one(csv("ai_publications"), "value", edition=2023, country="China", data_year=2021,
          metric="share of AI journal publications"),
    ("03", "q2"): patents_per_person_ratio,
    ("03", "q7"): arena_lead_march_2026,
    ("04", "q1"): lambda: station_count("2025") / one(csv("five_g"), "value",
                                                      indicator="5g_base_stations", status="target"),
    ("04", "q2"): lambda: station_count("2024") / (one(csv("population"), "population_million",
                                                       year=2024) * 1e6) * 10_000,
    ("04", "q4"): lambda: (payments("2020") / payments("2016")) ** (1 / 4) - 1,
    ("04", "r2"): lambda: station_count("2024") / (one(csv("population"), "population_million",
                                                       year=2024) * 1e6) * 100_000,
    ("05", "q1"): pace_2022_edition,
    ("05", "q2"): hq_part_2019,
    ("06", "q1"): eo_days,
    ("06", "q2"): weak_percent,
    ("06", "q8"): lambda: 100 * (genai_filed("2025-08") / genai_filed("2025-03-31") - 1),
    ("06", "r3"): lambda: genai_filed("2025-08") - genai_filed("2025-03-31"),
    ("07", "q1"): tie_rate,
    ("07", "q2"): lambda: (csv("global_initiatives").query("china_role in ['proposed', 'issued']")
                           ["initiative"].nunique()),
    ("08", "q1"): supported_percent,
    ("00b", "q1"): lambda: len(set(csv("private_ai_investment")["country"])),
    ("00b", "q2"): lambda: one(csv("private_ai_investment"), "value_usd_bn", edition=2024,
                               country="China"),
    ("00b", "q3"): lambda: sorted(inv(2025), reverse=True)[2],
    ("00b", "q4"): lambda: float(inv(2024).sum()),
    ("00b", "q5"): lambda: inv(2024)["United States"] / inv(2024)["China"],
    ("00b", "q6"): secondary_percent,
}

def chart_values():
    """What each chart must show, derived from the CSV files: {what: Series}."""
    sizes = csv("industry_size")
    reported = sizes[(sizes["measure"] == "core AI industry") & (sizes["status"] == "reported")]
    models = csv("notable_models")
    g = csv("five_g")
    stations = g[(g["indicator"] == "5g_base_stations") & (g["status"] == "reported")
                 & (g["date_precision"] == "year") & ~g["measure"].str.contains("sites")]
    trade = csv("trade")
    chips = trade[(trade["product"] == "integrated circuits") & (trade["measure"] == "import quantity")]
    rules = csv("rules_timeline")
    china = rules[(rules["jurisdiction"] == "China") & rules["in_force"].notna()]
    days = (pd.to_datetime(china["in_force"]) - pd.to_datetime(china["adopted"])).dt.days
    initiatives = csv("global_initiatives").drop_duplicates("initiative")
    return {
        ("01", "q4"): {"targets": core(),
                       "reported": reported.set_index("year")["value_rmb_bn"].sort_index()},
        ("02", "q3"): {"values": inv(2024)},
        ("03", "q3"): {"values": models[(models["edition"] == 2025)
                                        & (models["measure"] == "notable AI models")]
                       .set_index("country")["count"]},
        ("04", "q3"): {"values": stations.set_index(stations["period"].astype(int))["value"].sort_index()},
        ("05", "q3"): {"values": chips.set_index("year")["value"].sort_index()},
        ("06", "q3"): {"values": pd.Series(days.values, index=china["instrument"])},
        ("07", "q3"): {"values": initiatives["date"].str[:4].astype(int).value_counts().sort_index()},
        ("08", "q2"): {"values": csv("claims")["reference_verdict"].value_counts()},
        ("00b", "q8"): {"values": inv(2023)},
    }


CHART_VALUES = chart_values()


def answers(lesson: str) -> dict:
    return json.loads((ROOT / "aicourse" / "answers" / f"l{lesson}.json").read_text())


RETRIEVAL = re.compile(r"""\s*(r\d+)\.check\((["'])([a-z])\2\)\s*""")
#: Retrieval questions (r1, r2 ...) are asked in the lessons, which hold no solution blocks: a
#: key is read from the solution text when it is written as r1.check("x"), or else written here,
#: read off each lesson's text, not from the question's own key.
RECALL_KEYS = {
    ("01", "r1"): "c", ("01", "r2"): "b", ("01", "r3"): "d",
    ("02", "r1"): "c", ("02", "r2"): "a", ("02", "r3"): "d",
    ("04", "r1"): "c", ("04", "r3"): "b", ("04", "r4"): "d",
    ("06", "r1"): "d", ("06", "r2"): "a", ("06", "r4"): "b",
}


def run_solution(q, name: str):
    """The value the solutions notebook assigns to ``name`` in its answer to ``q``; for a
    retrieval question, the letter its solution checks or its key in RECALL_KEYS."""
    if q.qid.startswith("r"):
        found = RETRIEVAL.fullmatch(q.solution_text() or "")
        if found and found.group(1) == q.qid:
            return found.group(3)
        if (q.lesson, q.qid) in RECALL_KEYS:
            return RECALL_KEYS[(q.lesson, q.qid)]
        lettered = re.match(r"([a-z]): ", q.solution_text() or "")  # "b: because ..."
        if lettered:
            return lettered.group(1)
        # otherwise the lesson's solutions notebook answers it, like an exercise
    namespace = {}
    exec(answers(q.lesson)[q.qid], namespace)  # the answer code needs no earlier cell
    return namespace[name]


def model_text(q) -> str:
    return re.sub(r"^Model answer:\s*", "", answers(q.lesson)[q.qid])


def draw(series: dict, form: str = "line", *, unit_label: str, source_at: str = "figure",
         log: bool = False, alt: str = "alt text"):
    """Draw each series as ``form`` with every part a chart needs; return the figure."""
    fig, ax = plt.subplots()
    for values in series.values():
        labels = [str(i) for i in values.index]
        if form == "bar":
            ax.bar(labels, values.values)
        elif form == "barh":
            ax.barh(labels, values.values)
        elif form == "scatter":
            ax.scatter(range(len(values)), values.values)
        else:
            ax.plot(range(len(values)), values.values)
    value_axis, other = (ax.set_xlabel, ax.set_ylabel) if form == "barh" else (ax.set_ylabel, ax.set_xlabel)
    value_axis(unit_label)
    other("Category" if source_at != "xlabel" else "Category\nSource: the course's data")
    if log:
        (ax.set_xscale if form == "barh" else ax.set_yscale)("log")
    ax.set_title("A title", loc="left")
    if source_at == "figure":
        fig.text(0.01, 0.01, "Source: the course's data")
    elif source_at == "axes":
        ax.text(0, -0.2, "Sources: the course's data", transform=ax.transAxes)
    elif source_at == "annotate":
        ax.annotate("Data: the course's tables", (0, 0), xycoords="axes fraction")
    fig.alt_text = alt
    return fig


def default_label(q) -> str:
    unit = figures.SPELLINGS[q.units[0]][0]
    return f"{unit} {q.scale}" if q.scale else unit


def must_say_words(q) -> str:
    return "alt text " + " ".join(said[0] for said, _ in q.must_say)
