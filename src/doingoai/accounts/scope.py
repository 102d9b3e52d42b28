"""Which provinces a user may read and change. Every access helper asks here, and only here."""

from doingoai.core.models import AdminUnit


def membership_of(user):
    if not user.is_authenticated:
        return None
    return getattr(user, "membership", None)


def reads_every_province(user) -> bool:
    membership = membership_of(user)
    return user.is_superuser or (membership is not None and membership.role == "ministry")


def readable_unit_ids(user) -> list[int] | None:
    """The ids of the provinces whose records ``user`` may read; None means all of them.

    A user of a province reads its records and those of the provinces merged into it in
    2025 (their agreements and programmes passed to the successor, Decree 177/2025/NĐ-CP).
    A user without a membership reads nothing.
    """
    if reads_every_province(user):
        return None
    membership = membership_of(user)
    if membership is None or membership.province_id is None:
        return []
    cached = getattr(user, "_doingoai_unit_ids", None)
    if cached is None:
        cached = list(
            AdminUnit.objects.rolling_up_to(membership.province).values_list("pk", flat=True)
        )
        user._doingoai_unit_ids = cached
    return cached


def can_write(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role in ("specialist", "leader") and (
        membership.province_id is not None
    )


def can_write_record(user, record) -> bool:
    ids = readable_unit_ids(user)
    if ids is None or record.owner_id not in ids:
        return False
    return can_write(user) or reporter_owns(user, record)


def unit_writes(model) -> bool:
    """Whether a unit's reporter enters records of ``model`` for their unit (``UNIT_WRITES``:
    the delegations, events, agreements and aid a body carries out)."""
    return bool(getattr(model, "UNIT_WRITES", False)) and bool(getattr(model, "UNIT_FIELD", None))


def reporter_owns(user, record) -> bool:
    """Whether ``user`` is the reporter of the body ``record`` names (or of its parent body):
    a reporter enters and changes their own unit's records; a unit leader only reads them."""
    membership = membership_of(user)
    if membership is None or membership.role != "reporter" or not membership.organisation_id:
        return False
    if not unit_writes(type(record)):
        return False
    ids = readable_unit_ids(user)
    if ids is None or record.owner_id not in ids:
        return False
    unit = getattr(record, type(record).UNIT_FIELD, None)
    return unit is not None and membership.organisation_id in (unit.pk, unit.parent_id)


def can_create(user, model) -> bool:
    """Whether ``user`` may create a record of ``model``: the office's writers any, a unit's
    reporter those their unit carries out (``unit_writes``), for their unit."""
    if can_write(user):
        return True
    membership = membership_of(user)
    return (membership is not None and membership.role == "reporter"
            and bool(membership.organisation_id) and membership.province_id is not None
            and unit_writes(model))


def is_leader(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role == "leader"


def can_see_personal_data(user) -> bool:
    """Whether ``user`` sees personal data in full (Decree 13/2023/NĐ-CP); granted one user
    at a time on the membership, never by role alone."""
    membership = membership_of(user)
    return membership is not None and membership.can_see_personal_data


def home_province(user):
    membership = membership_of(user)
    return membership.province if membership else None


def narrow_to_province(user, province) -> None:
    """For the rest of the request, ``user`` reads only ``province`` (and the provinces merged
    into it) among what they read anyway: an API token limited to one province."""
    within = set(AdminUnit.objects.rolling_up_to(province).values_list("pk", flat=True))
    ids = readable_unit_ids(user)
    user._doingoai_unit_ids = sorted(within if ids is None else within & set(ids))
