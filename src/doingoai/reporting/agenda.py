"""The rounds' deadlines on the agenda, in the reminders and in-app notifications: a unit's
users see their own submission due or overdue (its leader also one awaiting approval); the
office sees each unit that has not reported by the due date."""

from django.utils.translation import gettext as _

from doingoai.organisations.scope import is_unit_user
from doingoai.reporting.models import Round, Submission


def agenda_items(user, window):
    from doingoai.notifications.agenda import _item

    outstanding = Submission.objects.visible_to(user).filter(
        status__in=Submission.OUTSTANDING, round__status=Round.Status.OPEN,
    ).filter(window.q("round__due_on") | window.q("due_on")).select_related(
        "owner", "organisation", "round")
    unit = is_unit_user(user)
    for s in outstanding:
        due = s.due
        if not window.contains(due):
            continue
        late = due < window.today
        if unit:
            if s.status == Submission.Status.SUBMITTED:
                what = _("Unit's report to approve")
            else:
                what = _("Unit's report overdue") if late else _("Unit's report due")
        elif late:
            what = _("Unit has not reported")
        else:
            continue  # the office is told of a unit once it is late, not before
        yield _item(s, "reporting:submission", what, "report", due)
