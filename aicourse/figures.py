"""What a learner's matplotlib figure shows: its data series, its words and their units.

The chart checks (``checks.ChartQuestion``) judge a chart on its content, not on how it was
drawn. This module reads a figure for them:

- ``series(fig)``: every set of values drawn (a line, scatter points, vertical bars, or
  horizontal bars, whose values are their widths), each in the order a reader sees it, with the
  category or year at each point;
- ``titles``, ``all_text`` and ``value_label``: the words a reader sees;
- ``says(text, key)``: whether a text names a unit, in any of its usual spellings. The
  spellings are in one table, ``SPELLINGS``; ``SCALES`` gives the size of each scale word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

#: Every unit word the checks know, with its usual spellings (matched without case).
#: Abbreviations of one or two letters must stand alone ("bn" in "USD bn", "m" in "(m)");
#: three-letter ones may take a plural ("days"); longer words may carry any ending ("dollars",
#: "stations"); symbols match anywhere.
SPELLINGS: dict[str, tuple[str, ...]] = {
    # currencies
    "USD": ("usd", "us$", "$", "dollar"),
    "RMB": ("rmb", "cny", "¥", "yuan", "renminbi", "元"),
    # scales
    "thousand": ("thousand", "k", "000s", "'000"),
    "million": ("million", "mn", "m", "mln", "mio"),
    "billion": ("billion", "bn", "b", "bln"),
    "trillion": ("trillion", "tn", "trn"),
    # shares
    "percent": ("%", "percent", "per cent", "pct"),
    "percentage points": ("percentage point", "pp", "% point", "pts"),
    # things counted
    "number": ("number", "count", "how many", "no."),
    "stations": ("station",),
    "chips": ("chip", "unit", "piece", "integrated circuit"),
    "models": ("model",),
    "claims": ("claim",),
    "initiatives": ("initiative",),
    "days": ("day",),
}
#: The size of each scale word.
SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Words that mark a source line ("Source: ...", "Sources: ...", "Data: ...").
SOURCE_WORDS = ("source", "data:", "data from")


def _pattern(spelling: str) -> re.Pattern:
    word = re.escape(spelling)
    if spelling.isalpha() and len(spelling) <= 2:
        return re.compile(rf"(?<![a-z]){word}(?![a-z])")
    if spelling.isalpha() and len(spelling) == 3:  # "day" and "days", "bln" and "blns"
        return re.compile(rf"(?<![a-z]){word}s?(?![a-z])")
    if spelling[:1].isalpha():
        return re.compile(rf"(?<![a-z]){word}")
    return re.compile(word)


_PATTERNS = {key: [_pattern(s) for s in spellings] for key, spellings in SPELLINGS.items()}


def says(text: str, key: str) -> bool:
    """Whether ``text`` names the unit ``key`` of ``SPELLINGS`` in one of its spellings."""
    low = text.lower()
    return any(p.search(low) for p in _PATTERNS[key])


def scales_named(text: str) -> set[float]:
    """The scale factors (1e9 for billion ...) that ``text`` names."""
    return {size for key, size in SCALES.items() if says(text, key)}


def spelled(key: str) -> str:
    """The spellings of a unit, for a message: 'USD, US$, $ or dollar'."""
    words = SPELLINGS.get(key, (key,))
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


@dataclass
class Drawn:
    """One set of values drawn on a chart, in the order a reader sees them."""
    kind: str                 # "line", "points", "bars" or "horizontal bars"
    values: list[float]
    positions: list[float]    # where each value stands along the other axis
    labels: list[str]         # the category or year at each position
    axes: object = field(repr=False)
    value_axis: str = "y"     # the axis that carries the values: x for horizontal bars


def _labels(axis, positions) -> list[str]:
    """The category (or year) at each position of an axis, as a reader sees it."""
    from matplotlib.category import StrCategoryFormatter

    formatter = axis.get_major_formatter()
    if isinstance(formatter, StrCategoryFormatter):
        return [formatter(p) or f"{p:g}" for p in positions]
    ticks = {round(float(loc), 6): label.get_text()
             for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())}
    return [ticks.get(round(p, 6)) or f"{p:g}" for p in positions]


def _floats(values) -> list[float]:
    return [float(v) for v in values]


def _sorted(kind, ax, axis, pairs) -> Drawn:
    """Values read along ``axis`` (the axis of the categories or years), in its order."""
    pairs = sorted(pairs, key=lambda pv: pv[0])  # by place along the axis (stable for ties)
    positions = [p for p, _ in pairs]
    return Drawn(kind, [v for _, v in pairs], positions, _labels(axis, positions), ax,
                 "x" if axis is ax.yaxis else "y")


def series(fig) -> list[Drawn]:
    """Every set of values drawn on the figure's axes.

    Lines keep their drawing order (a line drawn out of order zigzags). Bars and points are
    read along their axis, so bars placed at years read in year order, whatever the order of
    the rows that drew them. Bars drawn by several calls (one per category, or stacked) are
    also read together, as are several sets of points.
    """
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.collections import PathCollection
    from matplotlib.container import BarContainer

    found = []
    for ax in fig.axes:
        # values along x (a dot plot) only when the y-axis holds categories
        across = isinstance(ax.yaxis.get_major_formatter(), StrCategoryFormatter)
        for line in ax.lines:
            y = _floats(line.get_ydata(orig=False))
            x = _floats(line.get_xdata(orig=False))
            if len(y) and len(x) == len(y):
                found.append(Drawn("line", y, x, _labels(ax.xaxis, x), ax))
                if across:
                    found.append(Drawn("line", x, y, _labels(ax.yaxis, y), ax, "x"))
        bars = {"bars": [], "horizontal bars": []}
        for container in ax.containers:
            if not isinstance(container, BarContainer):
                continue
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            kind = "horizontal bars" if horizontal else "bars"
            pairs = [((p.get_y() + p.get_height() / 2, p.get_width()) if horizontal
                      else (p.get_x() + p.get_width() / 2, p.get_height()))
                     for p in container.patches]
            pairs = [(float(p), float(v)) for p, v in pairs]
            bars[kind].append(pairs)
            found.append(_sorted(kind, ax, ax.yaxis if horizontal else ax.xaxis, pairs))
        for kind, groups in bars.items():
            if len(groups) > 1:
                found.append(_sorted(kind, ax, ax.yaxis if kind == "horizontal bars" else ax.xaxis,
                                     [pv for group in groups for pv in group]))
        clouds = [[(float(x), float(y)) for x, y in c.get_offsets()]
                  for c in ax.collections if isinstance(c, PathCollection) and len(c.get_offsets())]
        if len(clouds) > 1:
            clouds.append([xy for cloud in clouds for xy in cloud])
        for cloud in clouds:
            found.append(_sorted("points", ax, ax.xaxis, cloud))
            if across:
                found.append(_sorted("points", ax, ax.yaxis, [(y, x) for x, y in cloud]))
    return found


def titles(fig) -> list[str]:
    """The figure's title(s): each axes' left, centre and right titles, and the suptitle."""
    found = [ax.get_title(loc=loc) for ax in fig.axes for loc in ("left", "center", "right")]
    found.append(fig.get_suptitle())
    return [t for t in found if t.strip()]


def all_text(fig) -> list[str]:
    """Every piece of text a reader sees on the figure: titles, labels, notes, annotations."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]


def value_label(drawn: Drawn) -> str:
    """The label of the axis that carries the values of ``drawn``."""
    ax = drawn.axes
    return ax.get_xlabel() if drawn.value_axis == "x" else ax.get_ylabel()


def other_label(drawn: Drawn) -> str:
    """The label of the axis along which the values stand (categories or years)."""
    ax = drawn.axes
    return ax.get_ylabel() if drawn.value_axis == "x" else ax.get_xlabel()


def value_scale(drawn: Drawn) -> str:
    ax = drawn.axes
    return ax.get_xscale() if drawn.value_axis == "x" else ax.get_yscale()


def same(values: list[float], expected: list[float], any_order: bool = False) -> bool:
    """Whether two lists of values are equal (to rounding error), in order unless ``any_order``."""
    if len(values) != len(expected):
        return False
    if any_order:
        values, expected = sorted(values), sorted(expected)
    return all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9) for a, b in zip(values, expected))


def without_padding(drawn: Drawn, keep_zeros: bool) -> tuple[list[float], list[str]]:
    """The values and labels of ``drawn`` without empty places: missing values (NaN) and, unless
    ``keep_zeros``, zeros (the years with nothing that ``reindex(..., fill_value=0)`` adds)."""
    kept = [(v, l) for v, l in zip(drawn.values, drawn.labels)
            if not math.isnan(v) and (keep_zeros or v != 0)]
    return [v for v, _ in kept], [l for _, l in kept]


def missing_from(values: list[float], expected: list[float], labels: list[str] | None = None,
                 expected_labels: list[str] | None = None) -> list[int]:
    """Indexes of the expected values that ``values`` lacks, each drawn value used once. Where
    labels are given, a drawn value with the same label as the expected one is used first, so
    that of several equal values the one missing is named by its own year or category."""
    labels = labels or [""] * len(values)
    expected_labels = expected_labels or [""] * len(expected)
    free = [True] * len(values)

    def equal(j, e):
        return free[j] and math.isclose(values[j], e, rel_tol=1e-6, abs_tol=1e-9)

    order = sorted(range(len(expected)),  # pairs by label first, then by value alone
                   key=lambda i: expected_labels[i] not in labels)
    missing = []
    for i in order:
        e = expected[i]
        hit = next((j for j in range(len(values)) if equal(j, e) and labels[j] == expected_labels[i]),
                   next((j for j in range(len(values)) if equal(j, e)
                         and labels[j] not in expected_labels), None))
        if hit is None:
            hit = next((j for j in range(len(values)) if equal(j, e)), None)
        if hit is None:
            missing.append(i)
        else:
            free[hit] = False
    return sorted(missing)
