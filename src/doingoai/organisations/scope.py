"""Users of a unit (a reporter or a unit leader of one of the province's bodies): which unit
they belong to. ``OwnedQuerySet.visible_to`` narrows every list and every access helper with
it, so a unit's user reads only its unit's records (and bodies under it), whatever the page."""

from doingoai.accounts.scope import membership_of

UNIT_ROLES = ("reporter", "unit_leader")


def unit_id_of(user) -> int | None:
    """The id of the organisation ``user`` reports for, None for the office's users."""
    narrowed = getattr(user, "_doingoai_unit_id", None)  # an API token limited to one body
    if narrowed is not None:
        return narrowed
    membership = membership_of(user)
    if membership is None or membership.role not in UNIT_ROLES:
        return None
    # A unit role without a unit (refused by Membership.clean) reads nothing: id 0 is no row.
    return membership.organisation_id or 0


def is_unit_user(user) -> bool:
    return unit_id_of(user) is not None


def is_reporter_of(user, organisation_id) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role == "reporter" and (
        membership.organisation_id == organisation_id)


def is_unit_leader_of(user, organisation_id) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role == "unit_leader" and (
        membership.organisation_id == organisation_id)


def reads_reports(user) -> bool:
    """The province's reports, dashboard and comparisons are the office's: a unit's users
    report through their rounds and do not read the province's figures."""
    return not is_unit_user(user)


def lists_for(user, model, *, unit_user: bool = False) -> bool:
    """Whether ``user`` (any unit's user, with ``unit_user``) may open the list of ``model``:
    the office's users every list, a unit's users the records that name a body (their
    unit's) and the reference registers."""
    if not unit_user and not is_unit_user(user):
        return True
    return bool(getattr(model, "UNIT_READS_ALL", False) or getattr(model, "UNIT_FIELD", None))
