from doingoai.agreements.models import Agreement
from doingoai.core.access import get_record_for_user


def get_agreement_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Agreement, pk, write=write)
