from django.urls import path

from doingoai.privacy import views

app_name = "privacy"

urlpatterns = [
    path("log/", views.access_log, name="access-log"),
]
