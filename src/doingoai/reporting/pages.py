from django.db.models import Prefetch
from django.utils import timezone

from doingoai.accounts.scope import can_write_record, is_leader
from doingoai.core.records import RecordType
from doingoai.organisations.scope import is_unit_user
from doingoai.reporting.access import get_round_for_user
from doingoai.reporting.models import Round, Submission, SubmittedFigure
from doingoai.reporting.result import lines_of


def round_extras(request, round_):
    """The round's page: each unit asked (a unit's own user sees its own only) with its
    state, overdue ones marked; for the office, the result beside the records."""
    today = timezone.localdate()
    submissions = list(
        Submission.objects.visible_to(request.user).filter(round=round_)
        .select_related("organisation")
        .prefetch_related(Prefetch("figures", queryset=SubmittedFigure.objects.order_by()))
    )
    for submission in submissions:
        submission.round = round_  # is_overdue reads the due date without a query per row
        submission.overdue = submission.is_overdue(today)
        submission.not_yet_due = (submission.status == Submission.Status.PENDING
                                  and submission.due >= today)
    office = not is_unit_user(request.user)
    counts = {}
    for submission in submissions:
        counts[submission.get_status_display()] = counts.get(
            submission.get_status_display(), 0) + 1
    return {
        "submissions": submissions,
        "state_counts": sorted(counts.items()),
        "overdue_count": sum(1 for s in submissions if s.overdue),
        "lines": lines_of(round_, submissions) if office else [],
        "office": office,
        "may_accept": (office and round_.status == Round.Status.OPEN and is_leader(request.user)
                       and can_write_record(request.user, round_)),
    }


rounds = RecordType(
    model=Round,
    namespace="reporting",
    slug="round",
    fields=["title", "period", "due_on", "due_rule", "indicators", "units", "note"],
    detail_fields=["title", "period", "due_on", "indicators", "note", "status", "accepted_by",
                   "accepted_on", "source"],
    list_columns=["title", "period", "due_on", "status"],
    filters=["status"],
    access=get_round_for_user,
    extra_context=round_extras,
)
