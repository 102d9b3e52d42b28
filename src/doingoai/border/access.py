from doingoai.border.models import BorderGate, BorderIncident, BorderMarker
from doingoai.core.access import get_record_for_user


def get_gate_for_user(request, pk, *, write=False):
    return get_record_for_user(request, BorderGate, pk, write=write)


def get_marker_for_user(request, pk, *, write=False):
    return get_record_for_user(request, BorderMarker, pk, write=write)


def get_incident_for_user(request, pk, *, write=False):
    return get_record_for_user(request, BorderIncident, pk, write=write)
