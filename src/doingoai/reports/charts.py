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


def bar_chart(title: str, categories: list, series: dict[str, list], lang: str = "vi") -> bytes:
    """Grouped bars: one group per category (a year), one bar per series."""
    figure, axes = plt.subplots(figsize=(7, 3.4))
    width = 0.8 / max(len(series), 1)
    positions = range(len(categories))
    for n, (label, values) in enumerate(series.items()):
        axes.bar([p + n * width - 0.4 + width / 2 for p in positions],
                 [float(v or 0) for v in values], width, label=label,
                 color=COLOURS[n % len(COLOURS)])
    axes.set_xticks(list(positions), [str(c) for c in categories])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, lang, 1)))
    axes.set_title(title)
    axes.spines[["top", "right"]].set_visible(False)
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=8)
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
        series = {}
        for code, label_vi, label_en in wanted:
            points = trends["series"].get(code)
            if points and any(value is not None for _, value, _ in points):
                series[label_vi if lang == "vi" else label_en] = [v for _, v, _ in points]
        if series:
            title = title_vi if lang == "vi" else title_en
            charts.append((title, bar_chart(title, trends["years"], series, lang)))
    return charts
