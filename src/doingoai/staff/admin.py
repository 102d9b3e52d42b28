from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.staff.models import Attendance, Officer, TrainingCourse


@admin.register(Officer)
class OfficerAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "unit", "position", "languages", "owner"]
    list_filter = ["full_time", "owner"]
    search_fields = ["search_text", "full_name"]
    raw_id_fields = ["owner", "unit_area"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["officer"]


@admin.register(TrainingCourse)
class TrainingCourseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organiser", "starts_on", "owner"]
    list_filter = ["owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner"]
    inlines = [AttendanceInline]
