"""Receiving and visiting on a user's agenda: anniversaries two weeks ahead (time to send the
letter), foreign NGO permits expiring, and permits lapsed while the NGO's programme runs
(overdue). The window of ``notifications.agenda`` decides which dates are shown."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.protocol.models import REMINDER_DAYS, Anniversary, NgoPermit


def agenda_items(user, window):
    from doingoai.notifications.agenda import Item, _item

    # An anniversary has nothing overdue: only the next REMINDER_DAYS, inside the window.
    last = min(window.until, window.today + dt.timedelta(days=REMINDER_DAYS))
    first = max(window.today, window.since or window.today)
    anniversaries = Anniversary.objects.visible_to(user).select_related("owner", "partner")
    for day, anniversary in anniversaries.falling_between(first, last):
        years = anniversary.years_on(day.year)
        title = str(anniversary)
        if years:
            title += " — " + _("%(n)d years") % {"n": years}
        yield Item(
            key=f"protocol.anniversary:{anniversary.pk}:letter:{day}",
            what=_("Anniversary: send the letter"), title=title,
            url=reverse("protocol:anniversary-detail", args=[anniversary.pk]), due_on=day,
            province=anniversary.owner.name,
        )
    permits = NgoPermit.objects.visible_to(user).filter(renewed_by__isnull=True).filter(
        window.q("expires_on")).select_related("owner", "partner")
    for permit in permits:
        url = "protocol:ngo-permit-detail"
        if permit.expires_on >= window.today:
            yield _item(permit, url, _("NGO permit expires"), "expiry", permit.expires_on)
        elif permit.running_programmes(window.today).exists():
            yield _item(permit, url, _("NGO permit lapsed while its programme runs"),
                        "lapsed", permit.expires_on)


def permits_expiring(user, first: dt.date, last: dt.date):
    """Permits ending between ``first`` and ``last``, after the due window: time to ask the
    NGO whether it applies for a renewal."""
    from doingoai.notifications.agenda import _item

    for permit in NgoPermit.objects.visible_to(user).expiring_between(first, last
                                                                      ).select_related("owner"):
        yield _item(permit, "protocol:ngo-permit-detail", _("NGO permit expires"),
                    "expiry-notice", permit.expires_on)
