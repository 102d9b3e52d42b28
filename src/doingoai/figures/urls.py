from django.urls import path

from doingoai.figures import views
from doingoai.figures.pages import figures, sources

app_name = "figures"

urlpatterns = [
    *figures.urls(),
    *sources.urls(),
    path("read/", views.document_new, name="document-new"),
    path("sources/<int:pk>/review/", views.document_review, name="document-review"),
    path("sources/<int:pk>/annotations.jsonl", views.document_annotations,
         name="document-annotations"),
    path("sources/<int:pk>/accept-all/", views.document_accept_all, name="document-accept-all"),
    path("candidates/<int:pk>/decide/", views.candidate_decide, name="candidate-decide"),
]
