from doingoai.core.access import get_record_for_user
from doingoai.reporting.models import Round, Submission


def get_round_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Round, pk, write=write)


def get_submission_for_user(request, pk, *, write=False):
    """A unit's submission: 404 for another unit's or another province's. ``write`` is
    checked by the steps (the unit's reporter changes it, not the office)."""
    return get_record_for_user(request, Submission, pk)
