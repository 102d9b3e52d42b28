from doingoai.organisations.pages import organisations

app_name = "organisations"

urlpatterns = [*organisations.urls()]
