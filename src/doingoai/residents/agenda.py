"""The foreigners' items of a user's agenda: visas, temporary residence cards and work
permits expiring (due) or expired while the foreigner is still here (overdue). The window of
``notifications.agenda`` decides which dates are shown."""

from django.db.models import Q

from doingoai.residents.models import EXPIRY_FIELDS, Foreigner


def agenda_items(user, window):
    from doingoai.notifications.agenda import _item

    condition = Q()
    for name in EXPIRY_FIELDS:
        condition |= window.q(name)
    foreigners = Foreigner.objects.visible_to(user).resident_on(window.today).filter(
        condition).select_related("owner")
    for foreigner in foreigners:
        for name in EXPIRY_FIELDS:
            day = getattr(foreigner, name)
            if not window.contains(day):
                continue
            label = str(Foreigner._meta.get_field(name).verbose_name)
            yield _item(foreigner, "residents:foreigner-detail", label.capitalize(), name, day)
