"""The passports' items of a user's agenda (home page, reminders, calendar): passports not
returned by their deadline, returns due, passports expiring. ``notifications.agenda`` calls
``agenda_items(user, window)``; the window, not this module, decides what is overdue or due."""

from django.utils.translation import gettext as _

from doingoai.passports.models import OfficialPassport, PassportHandout


def agenda_items(user, window):
    from doingoai.notifications.agenda import _item

    url = "passports:handout-detail"
    handouts = PassportHandout.objects.visible_to(user).outstanding().filter(
        window.q("return_due_on")).select_related("owner", "passport", "delegation",
                                                 "return_rule__document")
    for h in handouts:
        what = (_("Passport not returned") if h.return_due_on < window.today
                else _("Passport to be returned"))
        yield _item(h, url, what, "return", h.return_due_on, h.return_rule)
    # An expired passport is not a deadline missed: only the expiries still ahead.
    expiring = OfficialPassport.objects.visible_to(user).filter(
        window.ahead_of_today("expires_on")).select_related("owner")
    for p in expiring:
        yield _item(p, "passports:passport-detail", _("Passport expires"), "expiry", p.expires_on)
