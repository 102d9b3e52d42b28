"""The calendar of delegations, events and deadlines: a month page and an iCalendar feed.

A calendar client (Thunderbird, Outlook, a phone) has no session, so the feed's address
carries a per-user secret token; the feed shows what that user may read, nothing more."""

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.notifications.agenda import Window, deadline_items
from doingoai.notifications.models import CalendarToken

FEED_PAST_DAYS = 365
MIN_YEAR, MAX_YEAR = 1900, 2200


@dataclass(frozen=True, order=True)
class Entry:
    """One all-day item of the calendar: a visit, an event or a deadline."""

    first: dt.date
    last: dt.date
    title: str
    url: str
    uid: str
    description: str = ""
    deadline: bool = False


def calendar_entries(user, start: dt.date, end: dt.date, today: dt.date | None = None):
    """Every delegation and event the user may read that overlaps [start, end] (refused and
    cancelled ones are left out), and every open deadline falling in it, with its rule."""
    today = today or timezone.localdate()
    entries = []
    delegations = Delegation.objects.visible_to(user).exclude(
        status__in=[Delegation.Status.REFUSED, Delegation.Status.CANCELLED]
    ).filter(departs_on__lte=end, returns_on__gte=start)
    for d in delegations:
        entries.append(Entry(d.departs_on, d.returns_on,
                             f"{d.get_direction_display()}: {d.title}",
                             reverse("delegations:delegation-detail", args=[d.pk]),
                             f"delegation-{d.pk}"))
    events = Event.objects.visible_to(user).exclude(
        status__in=[Event.Status.REFUSED, Event.Status.CANCELLED]
    ).filter(starts_on__lte=end).exclude(ends_on__lt=start).exclude(
        ends_on__isnull=True, starts_on__lt=start)
    for e in events:
        entries.append(Entry(e.starts_on, e.ends_on or e.starts_on, e.title,
                             reverse("events:event-detail", args=[e.pk]), f"event-{e.pk}"))
    for item in deadline_items(user, Window(today=today, until=end, since=start)):
        title = f"{item.what}: {item.title}"
        description = ""
        if item.rule:
            title += f" ({item.rule.citation})"
            description = f"{item.rule.description} — {item.rule.citation}"
        entries.append(Entry(item.due_on, item.due_on, title, item.url,
                             "deadline-" + item.key.replace(":", "-").replace(".", "-"),
                             description, deadline=True))
    return sorted(entries)


@login_required
def calendar_page(request):
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-"))
        # The first and last years keep the previous and next months' links computable.
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(year)
        first = dt.date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
    entries = calendar_entries(request.user, first, last, today)
    weeks = []
    for week in pycalendar.Calendar().monthdatescalendar(first.year, first.month):
        weeks.append([
            (day, day.month == first.month,
             [e for e in entries if e.first <= day <= e.last]) for day in week
        ])
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = last + dt.timedelta(days=1)
    token = CalendarToken.for_user(request.user)
    feed_url = request.build_absolute_uri(
        reverse("notifications:calendar-feed", args=[token.token]))
    return render(request, "notifications/calendar.html", {
        "first": first, "weeks": weeks, "today": today, "feed_url": feed_url,
        "previous": f"{previous:%Y-%m}", "following": f"{following:%Y-%m}",
    })


@login_required
@require_POST
def reset_feed(request):
    """A new secret: the old feed address stops working (if it leaked)."""
    CalendarToken.for_user(request.user).reset()
    return redirect("notifications:calendar")


def feed(request, token):
    try:
        owner = CalendarToken.objects.select_related("user").get(token=token).user
    except CalendarToken.DoesNotExist:
        raise Http404 from None
    if not owner.is_active:
        raise Http404
    # A signed-in browser showing someone else's feed address is refused as well.
    if request.user.is_authenticated and request.user.pk != owner.pk:
        raise Http404
    today = timezone.localdate()
    entries = calendar_entries(owner, today - dt.timedelta(days=FEED_PAST_DAYS),
                               dt.date(today.year + 5, 12, 31), today)
    body = ics(entries, request.build_absolute_uri("/"), timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="doingoai.ics"'
    return response


def ics(entries, base_url: str, stamp: dt.datetime) -> str:
    """RFC 5545 text: all-day VEVENTs (DTEND is the day after the last day)."""
    host = base_url.split("//", 1)[-1].strip("/") or "doingoai"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//doingoai//calendar//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:doingoai"]
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.uid}@{host}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{entry.first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.last + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(entry.title)}",
        ]
        if entry.description:
            lines.append(f"DESCRIPTION:{escape(entry.description)}")
        if entry.deadline:
            # A deadline takes no time: clients should not show the day as busy.
            lines.append("TRANSP:TRANSPARENT")
        lines += [f"URL:{base_url.rstrip('/')}{entry.url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)
