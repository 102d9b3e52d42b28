"""One access helper per record type of the app, called by every page (404 for another
province's record, 403 for a reader who may not change it)."""

from doingoai.core.access import get_record_for_user
from doingoai.protocol import models


def _helper(model):
    def get_for_user(request, pk, *, write=False):
        return get_record_for_user(request, model, pk, write=write)

    get_for_user.__name__ = f"get_{model._meta.model_name}_for_user"
    return get_for_user


get_leader_for_user = _helper(models.Leader)
get_scheduleitem_for_user = _helper(models.ScheduleItem)
get_interpreter_for_user = _helper(models.Interpreter)
get_interpreterbooking_for_user = _helper(models.InterpreterBooking)
get_entrydocument_for_user = _helper(models.EntryDocument)
get_gift_for_user = _helper(models.Gift)
get_banquet_for_user = _helper(models.Banquet)
get_ceremony_for_user = _helper(models.Ceremony)
get_anniversary_for_user = _helper(models.Anniversary)
get_letter_for_user = _helper(models.Letter)
get_ngopermit_for_user = _helper(models.NgoPermit)
get_pressvisit_for_user = _helper(models.PressVisit)
