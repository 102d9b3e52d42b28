from doingoai.partners.pages import partners

app_name = "partners"

urlpatterns = [*partners.urls()]
