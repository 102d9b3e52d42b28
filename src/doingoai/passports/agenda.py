"""The passports' items of a user's agenda (home page, reminders): passports not returned by
their deadline, returns due soon, passports expiring. ``notifications.agenda.build_agenda``
adds them with ``overdue, due = agenda_items(user, today, until)``."""

import datetime as dt

from django.utils.translation import gettext as _

from doingoai.passports.models import OfficialPassport, PassportHandout

EXPIRY_ALERT_DAYS = 180


def agenda_items(user, today: dt.date, until: dt.date):
    from doingoai.notifications.agenda import _item

    url = "passports:handout-detail"
    handouts = PassportHandout.objects.visible_to(user).select_related(
        "passport", "delegation", "return_rule__document")
    overdue = [
        _item(h, url, _("Passport not returned"), "return", h.return_due_on, h.return_rule)
        for h in handouts.overdue(today).order_by("return_due_on")
    ]
    due = [
        _item(h, url, _("Passport to be returned"), "return", h.return_due_on, h.return_rule)
        for h in handouts.outstanding().filter(return_due_on__range=(today, until))
        .order_by("return_due_on")
    ]
    expiring = OfficialPassport.objects.visible_to(user).expiring_within(
        EXPIRY_ALERT_DAYS, today).filter(expires_on__gte=today).order_by("expires_on")
    due += [_item(p, "passports:passport-detail", _("Passport expires"), "expiry", p.expires_on)
            for p in expiring]
    return overdue, due
