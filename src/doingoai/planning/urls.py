from doingoai.planning.pages import plans

app_name = "planning"

urlpatterns = [*plans.urls()]
