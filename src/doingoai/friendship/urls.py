from doingoai.friendship.pages import associations, pacts

app_name = "friendship"

urlpatterns = [*pacts.urls(), *associations.urls()]
