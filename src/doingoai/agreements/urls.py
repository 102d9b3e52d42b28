from django.urls import path

from doingoai.agreements import views
from doingoai.agreements.pages import agreements

app_name = "agreements"

urlpatterns = [
    *agreements.urls(),
    path("agreements/<int:pk>/steps/<str:step>/", views.transition,
         name="agreement-transition"),
]
