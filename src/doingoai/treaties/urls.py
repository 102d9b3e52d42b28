from doingoai.treaties.pages import treaties

app_name = "treaties"

urlpatterns = [*treaties.urls()]
