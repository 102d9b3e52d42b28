"""The report as a PDF: an HTML template (the same layout as the DOCX) rendered by
WeasyPrint with Liberation Serif embedded (metric-compatible with Times New Roman, every
Vietnamese letter; shipped in reports/fonts/ so the output does not depend on the host)."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from doingoai.correspondence.numbering import format_number
from doingoai.reports.charts import trend_charts
from doingoai.reports.document import Issuer, issuer_for, outline
from doingoai.reports.exports.tables import document_rows
from doingoai.reports.exports.word import (
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS,
    WORDS,
    date_line,
    subtitle,
)

FONTS = Path(__file__).resolve().parent.parent / "fonts"


def as_html(report, lang: str = "vi", *, issued_on: dt.date | None = None,
            issuer: Issuer | None = None, written: dict[str, str] | None = None,
            sections: list | None = None, annex_rows: list[dict] | None = None,
            number: int | None = None, draft: bool = False) -> str:
    """The same document as the DOCX (``exports.word``): heading block, sections, signature,
    and the annex on its own page; page numbers at the top centre from page 2."""
    words = WORDS[lang]
    issued_on = issued_on or timezone.localdate()
    issuer = issuer or issuer_for(report.places[0], issued_on, lang)
    charts = [(title, base64.b64encode(png).decode("ascii"))
              for title, png in trend_charts(report, lang)]
    return render_to_string("reports/report_pdf.html", {
        "report": report, "lang": lang, "words": words,
        "rows": document_rows(report, lang) if annex_rows is None else annex_rows,
        "sections": outline(report, lang, written) if sections is None else sections,
        "number": format_number(number, issuer.symbol), "draft": draft, "charts": charts,
        "national_name": NATIONAL_NAME[lang], "motto": MOTTO[lang], "issuer": issuer,
        "date_line": date_line(words, issuer, issued_on),
        "subtitle": subtitle(report, issuer, lang),
        "annex_title": words["annex_title"].format(
            period=report.period.describe(lang).upper()),
        "annex_note": words["annex_note"].format(
            number=format_number(number, issuer.symbol), d=f"{issued_on.day:02d}",
            m=f"{issued_on.month:02d}",
            y=issued_on.year,
            issuer=issuer.in_text if lang == "vi" else issuer.body),
        "recipients": RECIPIENTS[lang], "fonts": FONTS.as_uri(),
    })


def as_pdf(report, lang: str = "vi", **options) -> bytes:
    from weasyprint import HTML

    return HTML(string=as_html(report, lang, **options), base_url=str(FONTS)).write_pdf()
