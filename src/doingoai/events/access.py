from doingoai.core.access import get_record_for_user
from doingoai.events.models import Event


def get_event_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Event, pk, write=write)
