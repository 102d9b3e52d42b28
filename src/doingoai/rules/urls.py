from django.urls import path

from doingoai.rules import views

app_name = "rules"

urlpatterns = [
    path("", views.rule_list, name="rule-list"),
]
