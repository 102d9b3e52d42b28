from doingoai.core.access import get_record_for_user
from doingoai.signatures.models import Specimen


def get_specimen_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Specimen, pk, write=write)
