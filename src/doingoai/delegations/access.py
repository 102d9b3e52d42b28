from doingoai.core.access import get_record_for_user
from doingoai.delegations.models import Delegation


def get_delegation_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Delegation, pk, write=write)
