"""Charts of a report as PNG images (matplotlib, Agg backend: no display needed), for the
page, the DOCX and the PDF alike. Axis numbers are written the Vietnamese way."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from doingoai.reports.prose import number  # noqa: E402

COLOURS = ["#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"]


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


AXIS_WORDS = {
    "vi": {"year": "Năm", "count": "Số lượng", "reported": "Số liệu báo cáo (gạch chéo)",
           "no_data": "chưa có số liệu"},
    "en": {"year": "Year", "count": "Number", "reported": "Reported figure (hatched)",
           "no_data": "no data"},
}


def bar_chart(title: str, categories: list, series: dict[str, list], lang: str = "vi",
              bases: dict[str, list] | None = None, y_title: str | None = None) -> bytes:
    """Grouped bars: one group per category (a year), one bar per series, each labelled
    with its value. A value without data is not drawn (never as 0) and the group says
    "chưa có số liệu"; a reported value (``bases``) is hatched, a computed one solid; the
    legend names every series, and the axes have titles."""
    words = AXIS_WORDS[lang]
    long_labels = any(len(str(c)) > 8 for c in categories)
    if long_labels:
        return _grouped_horizontal(title, categories, series, lang, y_title)
    figure, axes = plt.subplots(figsize=(7, 3.6))
    width = 0.8 / max(len(series), 1)
    positions = range(len(categories))
    hatched = False
    for n, (label, values) in enumerate(series.items()):
        kinds = (bases or {}).get(label) or [None] * len(values)
        for p, value, basis in zip(positions, values, kinds, strict=True):
            if value is None:
                continue
            x = p + n * width - 0.4 + width / 2
            bar = axes.bar([x], [float(value)], width, color=COLOURS[n % len(COLOURS)],
                           hatch="///" if basis == "reported" else None,
                           edgecolor="white" if basis == "reported" else None,
                           label=label if not axes.containers or label not in [
                               c.get_label() for c in axes.containers] else "_")
            hatched = hatched or basis == "reported"
            axes.bar_label(bar, [number(value, lang, 1)], fontsize=7, padding=1)
    for p, column in zip(positions, zip(*series.values(), strict=True), strict=True):
        if all(v is None for v in column):
            axes.text(p, 0, words["no_data"], ha="center", va="bottom", fontsize=7,
                      color="#666666", rotation=90)
    axes.set_xticks(list(positions), [str(c) for c in categories])
    axes.set_xlim(-0.5, len(categories) - 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, lang, 1)))
    axes.set_xlabel(words["year"])
    axes.set_ylabel(y_title or words["count"])
    axes.set_title(title)
    axes.margins(y=0.15)
    axes.spines[["top", "right"]].set_visible(False)
    handles, labels = axes.get_legend_handles_labels()
    if hatched:
        from matplotlib.patches import Patch

        handles.append(Patch(facecolor="#bbbbbb", hatch="///", edgecolor="white"))
        labels.append(words["reported"])
    axes.legend(handles, labels, frameon=False, fontsize=8, loc="upper left",
                bbox_to_anchor=(1.0, 1.0))
    return _png(figure)


def _grouped_horizontal(title, categories, series, lang, x_title=None) -> bytes:
    """The dashboard's indicators: names on the left (wrapped, never overlapping), one bar
    per series (this year, last year), each labelled with its value."""
    import textwrap

    words = AXIS_WORDS[lang]
    labels = ["\n".join(textwrap.wrap(str(c), 30)) for c in categories]
    height = max(2.5, 0.75 * len(labels) + 1)
    figure, axes = plt.subplots(figsize=(7.5, height))
    bar_height = 0.8 / max(len(series), 1)
    positions = range(len(labels))
    for n, (label, values) in enumerate(series.items()):
        ys = [p + n * bar_height - 0.4 + bar_height / 2 for p in positions]
        drawn = [(y, float(v)) for y, v in zip(ys, values, strict=True) if v is not None]
        if not drawn:
            continue
        bars = axes.barh([y for y, _v in drawn], [v for _y, v in drawn], bar_height,
                         label=label, color=COLOURS[n % len(COLOURS)])
        axes.bar_label(bars, [number(v, lang, 1) for _y, v in drawn], fontsize=7, padding=2)
    axes.set_yticks(list(positions), labels, fontsize=8)
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, lang, 1)))
    axes.set_xlabel(x_title or words["count"])
    axes.set_title(title)
    axes.margins(x=0.12)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, fontsize=8, loc="lower right")
    return _png(figure)


def horizontal_bars(title: str, labels: list[str], values: list, lang: str = "vi") -> bytes:
    """One bar per province, largest at the top (the ministry comparison)."""
    height = max(2.0, 0.28 * len(labels) + 1)
    figure, axes = plt.subplots(figsize=(7, height))
    axes.barh(labels[::-1], [float(v or 0) for v in values[::-1]], color=COLOURS[0])
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, lang, 1)))
    axes.set_title(title)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="y", labelsize=8)
    return _png(figure)


TREND_CHARTS = [
    # (title vi, title en, [(indicator, label vi, label en)])
    ("Đoàn ra, đoàn vào theo năm", "Delegations by year",
     [("delegations.outgoing", "Đoàn ra", "Outgoing"),
      ("delegations.incoming", "Đoàn vào", "Incoming")]),
    ("Thỏa thuận, hội nghị theo năm", "Agreements and conferences by year",
     [("agreements.signed", "Thỏa thuận ký kết", "Agreements signed"),
      ("conferences.organised", "Hội nghị tổ chức", "Conferences organised"),
      ("conferences.attended", "Hội nghị tham dự", "Conferences attended")]),
]


def trend_charts(report, lang: str = "vi") -> list[tuple[str, bytes]]:
    """The report's trend charts as (title, PNG) pairs; a chart without any value is left
    out."""
    trends = report.trends
    if not trends:
        return []
    charts = []
    for title_vi, title_en, wanted in TREND_CHARTS:
        series, bases = {}, {}
        for code, label_vi, label_en in wanted:
            points = trends["series"].get(code)
            if points and any(value is not None for _, value, _ in points):
                label = label_vi if lang == "vi" else label_en
                series[label] = [v for _, v, _ in points]
                bases[label] = [b for _, _, b in points]
        if series:
            title = title_vi if lang == "vi" else title_en
            charts.append((title, bar_chart(title, trends["years"], series, lang, bases)))
    return charts
