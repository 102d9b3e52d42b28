from doingoai.core.records import Inline, RecordType
from doingoai.staff.access import get_course_for_user, get_officer_for_user
from doingoai.staff.models import Attendance, Officer, TrainingCourse

officers = RecordType(
    model=Officer,
    namespace="staff",
    slug="officer",
    fields=["full_name", "unit", "unit_area", "position", "languages", "full_time", "phone",
            "email", "notes"],
    list_columns=["full_name", "unit", "position", "languages", "full_time"],
    filters=["full_time"],
    access=get_officer_for_user,
)

courses = RecordType(
    model=TrainingCourse,
    namespace="staff",
    slug="course",
    fields=["title", "organiser", "topics", "place", "starts_on", "ends_on", "notes"],
    list_columns=["title", "organiser", "starts_on", "ends_on", "place"],
    inlines=[Inline(Attendance, "course", ["officer", "completed", "certificate"], extra=3)],
    access=get_course_for_user,
)
