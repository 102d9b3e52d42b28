from doingoai.consular.models import ConsularCase
from doingoai.core.access import get_record_for_user


def get_case_for_user(request, pk, *, write=False):
    return get_record_for_user(request, ConsularCase, pk, write=write)
