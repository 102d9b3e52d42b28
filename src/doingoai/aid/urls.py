from doingoai.aid.pages import programmes

app_name = "aid"

urlpatterns = [*programmes.urls()]
