from doingoai.agreements.pages import agreements

app_name = "agreements"

urlpatterns = [*agreements.urls()]
