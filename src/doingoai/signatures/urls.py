from doingoai.signatures.pages import specimens

app_name = "signatures"

urlpatterns = [*specimens.urls()]
