from django.urls import path

from doingoai.notifications import calendar, views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("read/", views.mark_read, name="notification-read"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/reset/", calendar.reset_feed, name="calendar-reset"),
    path("calendar/<str:token>.ics", calendar.feed, name="calendar-feed"),
]
