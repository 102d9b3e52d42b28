from doingoai.aid.models import AidProgramme
from doingoai.core.access import get_record_for_user


def get_programme_for_user(request, pk, *, write=False):
    return get_record_for_user(request, AidProgramme, pk, write=write)
