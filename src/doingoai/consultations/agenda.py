"""Replies of consulted agencies on the agenda: due inside the window (which is also what
``doingoai remind`` sends before the due date), overdue once the date has passed without an
answer. Each names the agency."""

from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.consultations.models import ConsultationReply


def agenda_items(user, window):
    from doingoai.notifications.agenda import Item

    replies = (ConsultationReply.objects.visible_to(user).awaiting()
               .filter(window.q("due_on")).select_related("consultation__owner"))
    for reply in replies:
        consultation = reply.consultation
        what = (_("Reply to a consultation overdue") if reply.due_on < window.today
                else _("Reply to a consultation due"))
        yield Item(key=f"consultations.consultationreply:{reply.pk}:reply:{reply.due_on}",
                   what=what, title=f"{reply.agency} — {consultation}",
                   url=reverse("consultations:consultation-detail", args=[consultation.pk]),
                   due_on=reply.due_on, province=consultation.owner.name)
