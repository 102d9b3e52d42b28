from doingoai.events.pages import events

app_name = "events"

urlpatterns = [*events.urls()]
