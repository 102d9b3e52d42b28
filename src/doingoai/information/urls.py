from doingoai.information.pages import activities

app_name = "information"

urlpatterns = [*activities.urls()]
