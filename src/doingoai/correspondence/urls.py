from django.urls import path

from doingoai.correspondence import views
from doingoai.correspondence.pages import documents

app_name = "correspondence"

urlpatterns = [
    *documents.urls(),
    path("documents/<int:pk>/issue/", views.issue, name="document-issue"),
    path("documents/<int:pk>/links/", views.link, name="document-link"),
    path("documents/<int:pk>/new-delegation/", views.new_delegation,
         name="document-new-delegation"),
    path("documents/<int:pk>/links/<int:link_pk>/delete/", views.unlink,
         name="document-unlink"),
]
