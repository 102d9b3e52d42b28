from doingoai.figures.pages import figures, sources

app_name = "figures"

urlpatterns = [*figures.urls(), *sources.urls()]
