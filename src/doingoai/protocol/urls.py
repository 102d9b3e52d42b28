from django.urls import path

from doingoai.protocol import views
from doingoai.protocol.pages import RECORD_TYPES

app_name = "protocol"

urlpatterns = [
    path("week/", views.week, name="week"),
    path("week/pdf/", views.week_pdf, name="week-pdf"),
    path("leaders/<int:pk>/schedule.ics", views.leader_ics, name="leader-ics"),
    path("interpreter-hours/", views.interpreter_hours, name="interpreter-hours"),
    *(url for rt in RECORD_TYPES for url in rt.urls()),
]
