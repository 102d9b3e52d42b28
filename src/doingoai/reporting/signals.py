"""A round asks its units: each unit asked gets its (empty) submission, whichever path adds
it (the round's page, the admin, the demo)."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from simple_history.utils import bulk_create_with_history

from doingoai.reporting.models import Round, Submission


@receiver(m2m_changed, sender=Round.units.through)
def ask_units(sender, instance, action, pk_set, **kwargs):
    if action != "post_add" or not isinstance(instance, Round):
        return
    have = set(Submission.all_objects.filter(round=instance).values_list("organisation_id",
                                                                           flat=True))
    bulk_create_with_history([
        Submission(round=instance, organisation_id=pk, owner_id=instance.owner_id,
                   created_by=instance.created_by)
        for pk in sorted(pk_set - have)
    ], Submission)
