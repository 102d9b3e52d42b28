from doingoai.core.access import get_record_for_user
from doingoai.passports.models import ABTCApplication, OfficialPassport, PassportHandout


def get_passport_for_user(request, pk, *, write=False):
    return get_record_for_user(request, OfficialPassport, pk, write=write)


def get_handout_for_user(request, pk, *, write=False):
    return get_record_for_user(request, PassportHandout, pk, write=write)


def get_abtc_application_for_user(request, pk, *, write=False):
    return get_record_for_user(request, ABTCApplication, pk, write=write)
