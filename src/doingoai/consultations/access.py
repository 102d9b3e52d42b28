from doingoai.consultations.models import Consultation
from doingoai.core.access import get_record_for_user


def get_consultation_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Consultation, pk, write=write)
