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
    return can_write(user) and ids is not None and record.owner_id in ids


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
