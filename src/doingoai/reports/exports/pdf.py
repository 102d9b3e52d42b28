"""The report as a PDF: an HTML template (the same layout as the DOCX) rendered by
WeasyPrint with Liberation Serif embedded (metric-compatible with Times New Roman, every
Vietnamese letter; shipped in reports/fonts/ so the output does not depend on the host)."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from doingoai.reports.charts import trend_charts
from doingoai.reports.exports.tables import document_rows
from doingoai.reports.exports.word import MOTTO, NATIONAL_NAME, RECIPIENTS, WORDS, _paragraphs

FONTS = Path(__file__).resolve().parent.parent / "fonts"


def as_html(report, lang: str = "vi", *, issued_on: dt.date | None = None,
            issuer: str | None = None, office: str | None = None, symbol: str = "BC-SNV",
            signer_title: str | None = None, signer_name: str = "") -> str:
    words = WORDS[lang]
    issued_on = issued_on or timezone.localdate()
    place = report.places[0]
    issuer = issuer or (f"{words['people']} {place.kind.upper()} {place.name.upper()}"
                        if lang == "vi" else f"{place.name.upper()} {words['people']}")
    charts = [(title, base64.b64encode(png).decode("ascii"))
              for title, png in trend_charts(report, lang)]
    return render_to_string("reports/report_pdf.html", {
        "report": report, "lang": lang, "words": words, "rows": document_rows(report, lang),
        "paragraphs": _paragraphs(report.prose(lang)), "charts": charts,
        "national_name": NATIONAL_NAME[lang], "motto": MOTTO[lang],
        "issuer": issuer, "office": office or words["office"], "symbol": symbol,
        "date_line": words["date"].format(place=place.name, d=f"{issued_on.day:02d}",
                                          m=f"{issued_on.month:02d}", y=issued_on.year),
        "subtitle": words["subtitle"].format(period=report.period.describe(lang)),
        "recipients": RECIPIENTS[lang], "signer_title": signer_title or words["signer"],
        "signer_name": signer_name, "fonts": FONTS.as_uri(),
    })


def as_pdf(report, lang: str = "vi", **options) -> bytes:
    from weasyprint import HTML

    return HTML(string=as_html(report, lang, **options), base_url=str(FONTS)).write_pdf()
