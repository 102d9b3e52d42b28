from doingoai.core.access import get_record_for_user
from doingoai.staff.models import Officer, TrainingCourse


def get_officer_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Officer, pk, write=write)


def get_course_for_user(request, pk, *, write=False):
    return get_record_for_user(request, TrainingCourse, pk, write=write)
