"""The pages beside the record pages: the office's week of the leaders' schedule, its
printable PDF, each leader's iCalendar feed and the hours per interpreter."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province
from doingoai.notifications.calendar import escape, fold
from doingoai.protocol.access import get_leader_for_user
from doingoai.protocol.models import Interpreter, ScheduleItem
from doingoai.reports.exports.pdf import FONTS

FEED_PAST_DAYS = 365


def week_start(request) -> dt.date:
    """The Monday of the week asked for (``?week=2026-12-07``, any day of it), else this
    week's; a date that is not one is today's week, not an error page."""
    try:
        day = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    return day - dt.timedelta(days=day.weekday())


def week_days(user, monday: dt.date):
    items = list(ScheduleItem.objects.visible_to(user).week_of(monday).select_related(
        "leader", "partner", "interpreter", "delegation"))
    return [(monday + dt.timedelta(days=n),
             [i for i in items if i.on == monday + dt.timedelta(days=n)]) for n in range(7)]


@login_required
def week(request):
    monday = week_start(request)
    return render(request, "protocol/week.html", {
        "monday": monday, "sunday": monday + dt.timedelta(days=6),
        "days": week_days(request.user, monday),
        "previous": monday - dt.timedelta(days=7), "following": monday + dt.timedelta(days=7),
    })


@login_required
def week_pdf(request):
    from weasyprint import HTML

    monday = week_start(request)
    province = home_province(request.user)
    html = render_to_string("protocol/week_pdf.html", {
        "monday": monday, "sunday": monday + dt.timedelta(days=6),
        "days": week_days(request.user, monday), "province": province,
        "fonts": FONTS.as_uri(), "printed_on": timezone.localdate(),
    }, request=request)
    pdf = HTML(string=html, base_url=str(FONTS)).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="lich-cong-tac-{monday}.pdf"'
    return response


@login_required
def leader_ics(request, pk):
    """The leader's foreign-affairs schedule as iCalendar (timed events, local time)."""
    leader = get_leader_for_user(request, pk)
    since = timezone.localdate() - dt.timedelta(days=FEED_PAST_DAYS)
    items = ScheduleItem.objects.visible_to(request.user).filter(
        leader=leader, on__gte=since).exclude(status=ScheduleItem.Status.CANCELLED
                                              ).select_related("partner", "interpreter")
    body = schedule_ics(items, request.build_absolute_uri("/"), timezone.now(),
                        name=leader.full_name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lich-lanh-dao-{leader.pk}.ics"'
    return response


def schedule_ics(items, base_url: str, stamp: dt.datetime, name: str) -> str:
    """RFC 5545 text of schedule items, with floating local times (the province's)."""
    from django.urls import reverse

    host = base_url.split("//", 1)[-1].strip("/") or "doingoai"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//doingoai//protocol//VI",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{escape(name)}",
             "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"]
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for item in items:
        description = []
        if item.partner_id:
            description.append(f"{_('Partner')}: {item.partner}")
        if item.interpreter_id:
            description.append(f"{_('Interpreter')}: {item.interpreter.full_name}")
        if item.briefing_note:
            description.append(item.briefing_note)
        lines += [
            "BEGIN:VEVENT",
            f"UID:schedule-{item.pk}@{host}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART:{dt.datetime.combine(item.on, item.starts_at):%Y%m%dT%H%M%S}",
            f"DTEND:{dt.datetime.combine(item.on, item.ends_at):%Y%m%dT%H%M%S}",
            f"SUMMARY:{escape(f'{item.get_kind_display()}: {item.title}')}",
            f"LOCATION:{escape(item.place)}",
        ]
        if description:
            lines.append(f"DESCRIPTION:{escape(chr(10).join(description))}")
        url = reverse("protocol:schedule-detail", args=[item.pk])
        lines += [f"URL:{base_url.rstrip('/')}{url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def period(request) -> tuple[dt.date, dt.date]:
    """``?from=…&to=…`` (ISO dates), by default the current month; a bad date is ignored."""
    today = timezone.localdate()
    first, last = today.replace(day=1), None
    try:
        first = dt.date.fromisoformat(request.GET.get("from", "")) or first
    except ValueError:
        pass
    try:
        last = dt.date.fromisoformat(request.GET.get("to", ""))
    except ValueError:
        last = None
    if last is None or last < first:
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = following - dt.timedelta(days=1)
    return first, last


@login_required
def interpreter_hours(request):
    first, last = period(request)
    rows = Interpreter.hours_between(Interpreter.objects.visible_to(request.user), first, last)
    return render(request, "protocol/interpreter_hours.html",
                  {"rows": rows, "first": first, "last": last})
