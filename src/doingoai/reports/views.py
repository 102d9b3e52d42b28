"""The report page, its exports, the dashboard and the ministry comparison. Each view
checks the places through reports.access, builds the report once and renders it."""

import base64

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doingoai.accounts.scope import is_leader, readable_unit_ids
from doingoai.core.access import allowed_if
from doingoai.figures.models import Indicator
from doingoai.lib.periods import YEAR, PeriodError, parse_period, try_parse_period, year_period
from doingoai.notifications.agenda import build_agenda
from doingoai.organisations.scope import reads_reports
from doingoai.reports import charts
from doingoai.reports.access import (
    UnknownPlace,
    get_coverage_province_for_user,
    get_places_for_user,
    readable_provinces,
)
from doingoai.reports.computations import tallying
from doingoai.reports.exports import CONTENT_TYPES, file_name
from doingoai.reports.exports import render as render_export
from doingoai.reports.exports.tables import rows
from doingoai.reports.forms import ChoiceForm, CoverageForm
from doingoai.reports.models import FigureChoice, RegisterCoverage, register_names
from doingoai.reports.prose import number
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
@allowed_if(reads_reports)
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
            report=report, can_choose=is_leader(request.user) and len(places) == 1,
            rows=rows(report, lang), prose=report.prose(lang), lang=lang,
            charts=[(title, _png(png)) for title, png in charts.trend_charts(report, lang)],
            formats=["docx", "xlsx", "pdf", "csv", "json"],
        )
    return render(request, "reports/report.html", ctx, status=400 if place_error else 200)


@login_required
@allowed_if(reads_reports)
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


def change(now, before, lang: str) -> str:
    """What changed against the previous period: "▲ 3", "▼ 2", "=" or nothing when either
    period has no figure (no data is not 0)."""
    if now is None or before is None:
        return ""
    difference = now - before
    if not difference:
        return "="
    return f"{'▲' if difference > 0 else '▼'} {number(abs(difference), lang)}"


LOOK_BACK = 4  # years searched back for the latest one with data


def latest_year_with_data(build, this_year: int) -> int:
    """The latest year, from ``this_year`` back ``LOOK_BACK`` years, whose report has a
    figure: an empty current year is not what the dashboard opens on."""
    for year in range(this_year, this_year - LOOK_BACK - 1, -1):
        if any(line.value is not None for line in build(year).lines):
            return year
    return this_year


@login_required
@allowed_if(reads_reports)
def dashboard(request):
    places, place_error = _places(request)
    if not places:
        places = list(readable_provinces(request.user).filter(generation="2025"))
    builder = ReportBuilder(places, user=request.user, codes=TREND_INDICATORS)
    built = {}

    def build(year):
        if year not in built:
            built[year] = builder.build(year_period(year), details=False)
        return built[year]

    asked = request.GET.get("year", "")
    today = timezone.localdate().year
    this_year = int(asked) if asked.isdigit() and 1945 <= int(asked) <= today + 1 else \
        latest_year_with_data(build, today)
    now, before = build(this_year), build(this_year - 1)
    lang = _lang(request)
    comparison = []
    for line in now.lines:
        last = before.line(line.code)
        comparison.append({"code": line.code, "name": line.indicator.name_en if lang == "en"
                           else line.indicator.name_vi,
                           "now": line.value, "before": last.value if last else None,
                           "change": (line.value - last.value
                                      if line.value is not None and last and
                                      last.value is not None else None),
                           "change_text": change(line.value, last.value if last else None,
                                                 lang)})
    counts = [r for r in comparison if r["now"] is not None or r["before"] is not None][:7]
    chart = charts.bar_chart(
        _("This year and last year"), [r["name"] for r in counts],
        {str(this_year - 1): [r["before"] for r in counts],
         str(this_year): [r["now"] for r in counts]}, lang) if counts else None
    return render(request, "reports/dashboard.html", {
        "places": places, "comparison": comparison, "this_year": this_year,
        "last_year": this_year - 1, "chart": _png(chart) if chart else None,
        "years": list(range(today, today - LOOK_BACK - 1, -1)),
        "agenda": build_agenda(request.user),
        "show_province": readable_unit_ids(request.user) is None, "place_error": place_error,
    }, status=400 if place_error else 200)


@login_required
@allowed_if(reads_reports)
def compare(request):
    """One indicator and period, province by province. A ministry user sees every province
    of a generation (today's 34 by default); a province's user sees only their own."""
    indicators = Indicator.objects.all()
    code = request.GET.get("indicator") or "delegations.outgoing"
    indicator = indicators.filter(code=code).first() or indicators.first()
    text, period, error = _period(request)
    if not request.GET.get("period"):
        # The search for the latest year with data starts from this year, not last year.
        text, period = str(timezone.localdate().year), year_period(timezone.localdate().year)
    generation = request.GET.get("generation") or "2025"
    provinces = list(readable_provinces(request.user).filter(generation=generation))
    table = []
    chart = None
    if period is not None and indicator is not None:
        builders = list(zip(provinces, ReportBuilder.for_each(
            provinces, user=request.user, codes=[indicator.code]), strict=True))

        every_unit = sorted({pk for _province, builder in builders for pk in builder.unit_ids})

        def lines_of(period):
            # Every province's figure from one query per register, not one per province.
            with tallying(every_unit, period.start, period.end, periods=[period],
                          codes=[indicator.code]):
                return [{"province": province,
                         "line": builder.build(period, details=False).line(indicator.code)}
                        for province, builder in builders]

        table = lines_of(period)
        if not request.GET.get("period"):
            # By default, the latest year (of the last five) that has a figure.
            year = period.start.year
            while (year > period.start.year - LOOK_BACK
                   and all(row["line"].value is None for row in table)):
                year -= 1
                candidate = year_period(year)
                found = lines_of(candidate)
                if any(row["line"].value is not None for row in found):
                    table, period, text = found, candidate, str(year)
        if period.kind == YEAR:
            earlier = {row["province"].pk: row["line"]
                       for row in lines_of(year_period(period.start.year - 1))}
            for row in table:
                before = earlier.get(row["province"].pk)
                row["before"] = before.value if before is not None else None
                row["change_text"] = change(row["line"].value, row["before"], _lang(request))
        table.sort(key=lambda r: (r["line"].value is None, -(r["line"].value or 0)))
        if table:
            chart = _png(charts.horizontal_bars(
                str(indicator), [r["province"].name for r in table],
                [r["line"].value for r in table], _lang(request)))
    return render(request, "reports/compare.html", {
        "indicators": indicators, "indicator": indicator, "period_text": text,
        "period_error": error, "generation": generation, "table": table, "chart": chart,
        "previous": (period.start.year - 1) if period is not None and period.kind == YEAR
        else None,
    })


@login_required
@allowed_if(reads_reports)
def coverage(request):
    """From which date each register's records are complete for the province: read by the
    office, set by its leader (with history)."""
    place = request.POST.get("place") or request.GET.get("place")
    writing = request.method == "POST"
    province = get_coverage_province_for_user(request.user, place, write=writing)
    form = CoverageForm(request.POST if writing else None)
    if writing and form.is_valid():
        RegisterCoverage.declare(province, form.cleaned_data["register"],
                                 form.cleaned_data["complete_from"], request.user)
        return redirect(f"{reverse('reports:coverage')}?place={province.pk}")
    declared = {row.register: row for row in RegisterCoverage.objects.filter(province=province)}
    rows = [{"register": register, "name": name, "row": declared.get(register)}
            for register, name in register_names().items()]
    history = RegisterCoverage.history.filter(province_id=province.pk).select_related(
        "history_user")[:50]
    return render(request, "reports/coverage.html", {
        "province": province, "rows": rows, "form": form, "history": history,
        "can_edit": is_leader(request.user) and readable_unit_ids(request.user) is not None,
    }, status=400 if writing else 200)


@login_required
@allowed_if(reads_reports)
def choose(request):
    """The leader chooses which of two differing figures the report prints (recorded for
    that place, period and indicator)."""
    if request.method != "POST":
        return HttpResponse(status=405)
    if not is_leader(request.user) or readable_unit_ids(request.user) is None:
        raise PermissionDenied
    places = get_places_for_user(request, [request.POST.get("place", "")])
    form = ChoiceForm(request.POST)
    period = try_parse_period(request.POST.get("period"))
    if not form.is_valid() or period is None or len(places) != 1:
        return HttpResponse(_("Choose a place, a period and a format."), status=400,
                            content_type="text/plain; charset=utf-8")
    code = form.cleaned_data["indicator"]
    line = ReportBuilder(places, user=request.user, codes=[code]).build(
        period, details=False).line(code)
    if line is None or not line.disagrees:
        return HttpResponse(_("There are not two differing figures to choose between."),
                            status=400, content_type="text/plain; charset=utf-8")
    FigureChoice.record(places[0], period, code, form.cleaned_data["basis"], request.user)
    return redirect(f"{reverse('reports:report')}?place={places[0].pk}&period={period.label}")
