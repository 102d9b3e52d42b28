from django.urls import path

from doingoai.delegations import views
from doingoai.delegations.pages import delegations

app_name = "delegations"

urlpatterns = [
    *delegations.urls(),
    path("delegations/<int:pk>/steps/<str:step>/", views.transition,
         name="delegation-transition"),
]
