from django.urls import path

from doingoai.consultations import views
from doingoai.consultations.pages import consultations

app_name = "consultations"

urlpatterns = [
    *consultations.urls(),
    path("consultations/<int:pk>/synthesis/", views.synthesis,
         name="consultation-synthesis"),
]
