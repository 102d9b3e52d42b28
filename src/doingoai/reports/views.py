"""The report page, its exports, the dashboard and the ministry comparison. Each view
checks the places through reports.access, builds the report once and renders it."""

import base64

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doingoai.figures.models import Indicator
from doingoai.lib.periods import PeriodError, parse_period, year_period
from doingoai.reports import charts
from doingoai.reports.access import UnknownPlace, get_places_for_user, readable_provinces
from doingoai.reports.exports import CONTENT_TYPES, file_name
from doingoai.reports.exports import render as render_export
from doingoai.reports.exports.tables import rows
from doingoai.reports.report import (
    COMPUTED,
    REPORTED,
    TREND_INDICATORS,
    ReportBuilder,
    build_report,
)


def _period(request):
    text = request.GET.get("period") or str(timezone.localdate().year - 1)
    try:
        return text, parse_period(text), ""
    except PeriodError as exc:
        return text, None, str(exc)


def _places(request):
    """The places asked for and, when one of them is no province at all, the message that
    says so (the page then shows no report rather than refusing with a 403)."""
    try:
        return get_places_for_user(request, request.GET.getlist("place")), ""
    except UnknownPlace as exc:
        return [], exc.message


def _lang(request):
    lang = request.GET.get("lang") or get_language() or "vi"
    return "en" if lang.startswith("en") else "vi"


def _png(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@login_required
def report_page(request):
    places, place_error = _places(request)
    text, period, error = _period(request)
    prefer = request.GET.get("prefer") or ""
    ctx = {"provinces": readable_provinces(request.user), "places": places, "period_text": text,
           "period_error": error, "place_error": place_error, "prefer": prefer,
           "query": request.GET.urlencode(),
           "choices": [("", _("Automatic")), (COMPUTED, _("Computed")),
                       (REPORTED, _("Reported"))]}
    if places and period:
        report = build_report(places, period, user=request.user, prefer=prefer)
        lang = _lang(request)
        ctx.update(
            report=report, rows=rows(report, lang), prose=report.prose(lang), lang=lang,
            charts=[(title, _png(png)) for title, png in charts.trend_charts(report, lang)],
            formats=["docx", "xlsx", "pdf", "csv", "json"],
        )
    return render(request, "reports/report.html", ctx, status=400 if place_error else 200)


@login_required
def export(request):
    places, place_error = _places(request)
    text, period, error = _period(request)
    fmt = request.GET.get("format", "json")
    if not places or period is None or fmt not in CONTENT_TYPES:
        message = place_error or error or _("Choose a place, a period and a format.")
        return HttpResponse(message, status=400,
                            content_type="text/plain; charset=utf-8")
    lang = _lang(request)
    report = build_report(places, period, user=request.user, prefer=request.GET.get("prefer"),
                          details=fmt not in ("json", "csv"))
    with translation.override(lang):  # the notes and reasons in the export's language
        content = render_export(report, fmt, lang)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, fmt)}"'
    return response


def _overdue(user):
    """Records whose report is overdue, from the registers that can say so."""
    from doingoai.agreements.models import Agreement
    from doingoai.delegations.models import Delegation
    from doingoai.events.models import Event

    found = []
    for model in (Delegation, Event, Agreement):
        method = getattr(model.objects, "overdue_reports", None)
        if method is not None:
            found += list(method().visible_to(user)[:20])
    return found


@login_required
def dashboard(request):
    places, place_error = _places(request)
    if not places:
        places = list(readable_provinces(request.user).filter(generation="2025"))
    this_year = timezone.localdate().year
    current, previous = year_period(this_year), year_period(this_year - 1)
    builder = ReportBuilder(places, user=request.user, codes=TREND_INDICATORS)
    now, before = builder.build(current, details=False), builder.build(previous, details=False)
    lang = _lang(request)
    comparison = []
    for line in now.lines:
        last = before.line(line.code)
        comparison.append({"code": line.code, "name": line.indicator.name_en if lang == "en"
                           else line.indicator.name_vi,
                           "now": line.value, "before": last.value if last else None,
                           "change": (line.value - last.value
                                      if line.value is not None and last and
                                      last.value is not None else None)})
    counts = [r for r in comparison if r["now"] is not None or r["before"] is not None][:7]
    chart = charts.bar_chart(
        _("This year and last year"), [r["name"][:28] for r in counts],
        {str(this_year - 1): [r["before"] for r in counts],
         str(this_year): [r["now"] for r in counts]}, lang) if counts else None
    return render(request, "reports/dashboard.html", {
        "places": places, "comparison": comparison, "this_year": this_year,
        "last_year": this_year - 1, "chart": _png(chart) if chart else None,
        "overdue": _overdue(request.user), "place_error": place_error,
    }, status=400 if place_error else 200)


@login_required
def compare(request):
    """One indicator and period, province by province. A ministry user sees every province
    of a generation (today's 34 by default); a province's user sees only their own."""
    indicators = Indicator.objects.all()
    code = request.GET.get("indicator") or "delegations.outgoing"
    indicator = indicators.filter(code=code).first() or indicators.first()
    text, period, error = _period(request)
    generation = request.GET.get("generation") or "2025"
    provinces = list(readable_provinces(request.user).filter(generation=generation))
    table = []
    chart = None
    if period is not None and indicator is not None:
        for province in provinces:
            builder = ReportBuilder([province], user=request.user, codes=[indicator.code])
            line = builder.build(period, details=False).line(indicator.code)
            table.append({"province": province, "line": line})
        table.sort(key=lambda r: (r["line"].value is None, -(r["line"].value or 0)))
        if table:
            chart = _png(charts.horizontal_bars(
                str(indicator), [r["province"].name for r in table],
                [r["line"].value for r in table], _lang(request)))
    return render(request, "reports/compare.html", {
        "indicators": indicators, "indicator": indicator, "period_text": text,
        "period_error": error, "generation": generation, "table": table, "chart": chart,
    })
