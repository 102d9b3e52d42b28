from doingoai.consular.pages import cases

app_name = "consular"

urlpatterns = [*cases.urls()]
