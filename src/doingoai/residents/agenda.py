"""The foreigners' items of a user's agenda: visas, temporary residence cards and work
permits expiring soon (``due``) or expired while the foreigner is still here (``overdue``)."""

import datetime as dt

from doingoai.residents.models import EXPIRY_FIELDS, Foreigner

ALERT_DAYS = 30


def agenda_items(user, today: dt.date, until: dt.date):
    from doingoai.notifications.agenda import _item

    overdue, due = [], []
    horizon = today + dt.timedelta(days=ALERT_DAYS)
    for foreigner in Foreigner.objects.visible_to(user).expiring_within(ALERT_DAYS, today):
        for name in EXPIRY_FIELDS:
            day = getattr(foreigner, name)
            if day is None or day > horizon:
                continue
            label = str(Foreigner._meta.get_field(name).verbose_name)
            item = _item(foreigner, "residents:foreigner-detail", label.capitalize(), name, day)
            (overdue if day < today else due).append(item)
    return overdue, due
