"""An agreement past its end date expires by itself: the daily job (``doingoai remind``, or
``doingoai expire_agreements`` on its own) takes the automatic ``lapse`` step for each signed
or in-force agreement whose ``expires_on`` is before today, through the workflow's guarded
path, so the trail says when and that the system did it."""

import datetime as dt

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from doingoai.agreements.models import Agreement
from doingoai.agreements.workflow import SIGNED, workflow
from doingoai.core.models import RecordChanged


def lapsed(today: dt.date | None = None):
    """Signed or in-force agreements whose end date is before ``today``, every province."""
    today = today or timezone.localdate()
    return Agreement.objects.filter(status__in=SIGNED, expires_on__lt=today)


def expire_lapsed(today: dt.date | None = None) -> list[Agreement]:
    """Mark every lapsed agreement expired; the ones expired. An agreement changed by a user
    at the same moment is left for the next run (its version moved on)."""
    today = today or timezone.localdate()
    done = []
    for agreement in lapsed(today).order_by("pk"):
        with translation.override("vi"):
            comment = _("Ended on %(date)s, the end date the agreement states.") % {
                "date": agreement.expires_on.strftime("%d/%m/%Y")}
        try:
            workflow.take_by_itself(agreement, "lapse", comment)
        except (RecordChanged, ValueError):
            continue
        done.append(agreement)
    return done
