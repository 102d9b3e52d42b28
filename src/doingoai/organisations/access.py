from doingoai.core.access import get_record_for_user
from doingoai.organisations.models import Organisation


def get_organisation_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Organisation, pk, write=write)
