from doingoai.core.access import get_record_for_user
from doingoai.partners.models import Partner


def get_partner_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Partner, pk, write=write)
