from django.contrib.auth import views as auth_views
from django.urls import path

from doingoai.accounts import views
from doingoai.accounts.views import LoginView

app_name = "accounts"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.password_change, name="password-change"),
    path("password/done/", views.password_change_done, name="password-change-done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", views.password_reset_done, name="password-reset-done"),
    path("password/reset/<uidb64>/<token>/", views.password_reset_confirm,
         name="password-reset-confirm"),
    path("password/reset/complete/", views.password_reset_complete,
         name="password-reset-complete"),
]
