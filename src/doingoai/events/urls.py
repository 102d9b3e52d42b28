from django.urls import path

from doingoai.events import views
from doingoai.events.pages import events

app_name = "events"

urlpatterns = [
    *events.urls(),
    path("events/<int:pk>/steps/<str:step>/", views.transition, name="event-transition"),
]
