"""The house style for every chart: palette, size, title, labelled axes, source line, alt text.

Use it like this::

    fig, ax = plt.subplots()
    ax.plot(years, values)
    charts.finish(fig, ax, title="...", subtitle="what the data show, in neutral words",
                  xlabel="Year", ylabel="RMB billion",
                  source=data.source_line(table), alt="A line chart showing ...")
    charts.show(fig)

Every chart of the course has a subtitle that states what the chart shows (a finding in neutral
words, not a verdict), like the charts of Our World in Data. ``describe`` and ``num`` assemble
the figures of an alt text without NumPy's type names.

``show`` draws the figure once, as a PNG whose display metadata carries the alt text, and
whose plain-text form is the alt text too, so a screen reader, a static render and a
printout all have a description.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from dataclasses import dataclass

import matplotlib

from aicourse.errors import CourseError

#: Okabe & Ito's colour-blind-safe palette (Color Universal Design), in the order used.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: One size for every chart, in inches: laid out at 100 dots per inch (DPI), shown at that size,
#: and saved at EXPORT_DPI so that a projector or a printout shows it sharp.
FIGSIZE = (8.0, 4.5)
DPI = 100
EXPORT_DPI = 150
#: The smallest text a chart may use (points), so that it can be read when projected.
MIN_FONT = 9
#: Longest title that fits the width of a chart; characters per line of the source line.
MAX_TITLE = 72
SOURCE_WIDTH = 110
SUBTITLE_WIDTH = 95

STYLE = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": DPI,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "legend.frameon": False,
    "font.size": 10,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 9.5,
}
matplotlib.rcParams.update(STYLE)


class ChartError(CourseError, ValueError):
    """A chart is missing one of the parts every chart must have (shown as its message alone)."""


#: What each part of a chart is, for the message when one is missing.
PARTS = {"title": "a title", "xlabel": "a label for the x-axis", "ylabel": "a label for the y-axis",
         "source": "a source line", "alt": "alt text: a sentence describing the chart for readers "
                                           "who cannot see it"}


def finish(fig, ax, *, title: str | None = None, xlabel: str | None = None,
           ylabel: str | None = None, source: str | None = None, alt: str | None = None,
           subtitle: str | None = None):
    """Give a chart its title, subtitle, axis labels (with units), source line and alt text.

    The subtitle, under the title, says what the chart shows in neutral words (optional for a
    learner's chart; every chart of the course has one). Returns the figure, so a view function
    can ``return charts.finish(...)``. A part left out or empty raises ``ChartError``, which a
    notebook shows as its message alone.
    """
    for name, value in (("title", title), ("xlabel", xlabel), ("ylabel", ylabel),
                        ("source", source), ("alt", alt)):
        if not isinstance(value, str) or not value.strip():
            raise ChartError(f"A chart needs {PARTS[name]}: give it as text, "
                             f"charts.finish(..., {name}=\"...\").")
    if len(title) > MAX_TITLE:
        raise ChartError(f"A chart title has at most {MAX_TITLE} characters; this one has "
                         f"{len(title)}. Move detail into the axis labels or the text.")
    if subtitle is not None and (not isinstance(subtitle, str) or not subtitle.strip()):
        raise ChartError("A subtitle, when given, is a sentence of text saying what the chart shows.")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.set_size_inches(*FIGSIZE)
    for label in ax.texts:  # labels inside the plot need no room around it: tight_layout
        label.set_in_layout(False)  # would measure each one (slow for maps with many names)
    if subtitle:
        lines = textwrap.wrap(subtitle.strip(), width=SUBTITLE_WIDTH)
        heading = ax.set_title(title, loc="left", pad=8 + 14 * len(lines))
        sub = ax.text(0, 1.015, "\n".join(lines), transform=ax.transAxes, ha="left", va="bottom",
                      fontsize=10, color="#333333")
        # over the left one of several panels, a subtitle wider than that panel would push the
        # others aside; the title's pad keeps its room
        sub.set_in_layout(len(fig.axes) == 1)
    else:
        heading = ax.set_title(title, loc="left")
    source = textwrap.fill(source, width=SOURCE_WIDTH)
    lines = source.count("\n") + 1
    fig.tight_layout(rect=(0, 0.015 + 0.04 * lines, 1, 1))
    _fit_title(fig, heading)
    # tight_layout leaves a placeholder layout engine behind, which makes savefig draw the
    # figure twice; the layout is done, so drop it (a quarter less time per chart).
    fig.set_layout_engine(None)
    fig.text(0.01, 0.01, source, fontsize=MIN_FONT, color="#444444", ha="left", va="bottom")
    fig.alt_text = alt.strip() if not subtitle else f"{subtitle.strip()} {alt.strip()}"
    return fig


def num(value, digits: int = 6) -> str:
    """A number as a reader writes it: 1,404.89, 4,838,000, 9.3, 0.25 (no NumPy type names)."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.{digits}g}" if abs(value) >= 1 else f"{value:.{digits}g}"


def describe(pairs, unit: str = "", sep: str = "; ") -> str:
    """'China 35,300; United States 12,100' from (label, value) pairs, for an alt text."""
    tail = f" {unit}" if unit else ""
    return sep.join(f"{label} {num(value)}{tail}" for label, value in pairs)


def _fit_title(fig, title) -> None:
    """Shrink a left-aligned title that would run past the figure's right edge."""
    box = title.get_window_extent()  # the figure's own renderer, whatever its canvas
    width = fig.get_figwidth() * fig.dpi
    if box.x1 > width - 4:
        title.set_fontsize(max(8.0, title.get_fontsize() * (width - 8 - box.x0) / box.width))


def alt_text(fig) -> str | None:
    """The alt text attached by ``finish``, or None."""
    return getattr(fig, "alt_text", None)


def to_png(fig) -> bytes:
    """Render a figure to PNG bytes at the house resolution."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=EXPORT_DPI)
    return buffer.getvalue()


@dataclass(frozen=True)
class Bundle:
    """A chart ready to display: PNG and alt text (the plain-text form), with metadata."""
    data: dict
    metadata: dict

    @property
    def alt(self) -> str:
        return self.metadata["image/png"]["alt"]

    def publish(self) -> None:
        """Display the chart, then its text description.

        JupyterLab does not put display metadata into the image's alt attribute, so the
        description also follows the image as a collapsed "Text description" that screen
        readers reach and sighted readers can open.
        """
        from IPython.display import publish_display_data

        publish_display_data(data=self.data, metadata=self.metadata)
        publish_display_data(data={"text/html": description_html(self.alt)})


def description_html(alt: str) -> str:
    return ("<details><summary>Text description of the chart</summary>"
            f"<p>{html.escape(alt)}</p></details>")


def bundle(fig, alt: str | None = None) -> Bundle:
    """Render a finished figure once, with its alt text, and close it."""
    import matplotlib.pyplot as plt

    text = alt or alt_text(fig)
    if not text:
        raise ChartError("This chart has no alt text: pass alt= to charts.finish or charts.show.")
    png = base64.b64encode(to_png(fig)).decode("ascii")
    plt.close(fig)
    width, height = (int(v * DPI) for v in FIGSIZE)
    return Bundle(data={"image/png": png, "text/plain": f"[Chart] {text}"},
                  metadata={"image/png": {"alt": text, "width": width, "height": height}})


def show(fig, alt: str | None = None) -> None:
    """Display a finished figure with its alt text, then close it so it is drawn only once."""
    bundle(fig, alt).publish()
