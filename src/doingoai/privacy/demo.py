"""Demo data helpers for the registers of issue 7, and the demo's personal-data permission.

Every ``<app>.demo.load_demo(province, user)`` is idempotent like ``doingoai.demo``: a record
is looked up by its owner and natural key (trash included) and created only when missing.
Whatever the seed articles do not say is marked "Dữ liệu minh họa" (illustrative)."""

from doingoai.accounts.models import Membership

ILLUSTRATIVE = "Dữ liệu minh họa."


def ensure_record(model, province, user, lookup, defaults=None, *, m2m=None, then=None):
    """The record of ``province`` matching ``lookup``, created by ``user`` when missing;
    ``then(record)`` writes the children of a new record."""
    existing = model.all_objects.filter(owner=province, **lookup).first()
    if existing is not None:
        return existing
    record = model(owner=province, created_by=user, **lookup, **(defaults or {}))
    record._history_user = user
    record.full_clean(exclude=[f.name for f in model._meta.fields if not f.editable])
    record.save()
    for name, values in (m2m or {}).items():
        getattr(record, name).set(values)
    if then is not None:
        then(record)
    return record


def load_demo(province, user):
    """The province's leaders may see personal data in the demo, so that the masked and the
    full views of a foreigner's passport number can both be tried."""
    Membership.objects.filter(province=province, role=Membership.Role.LEADER).update(
        can_see_personal_data=True)
