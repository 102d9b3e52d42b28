from doingoai.border.pages import gates, incidents, markers

app_name = "border"

urlpatterns = [*gates.urls(), *markers.urls(), *incidents.urls()]
