from doingoai.core.access import get_record_for_user
from doingoai.residents.models import Foreigner, PersonAbroad


def get_foreigner_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Foreigner, pk, write=write)


def get_person_abroad_for_user(request, pk, *, write=False):
    return get_record_for_user(request, PersonAbroad, pk, write=write)
