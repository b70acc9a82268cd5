from django.urls import path

from tianping.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.workspace_home, name="home"),
    path("backups/", views.backups, name="backups"),
    path("backups/<int:pk>/cancel/", views.cancel_backup, name="cancel_backup"),
    path("act-for/<int:user_id>/", views.act_for, name="act_for"),
    path("act-for/stop/", views.stop_acting, name="stop_acting"),
]
