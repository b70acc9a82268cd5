from django.urls import path

from tianping.courts import views, views_admin, views_admin_premises, views_lawyers

app_name = "courts"
urlpatterns = [
    path("", views.court_list, name="list"),
    path("lawyers/", views_lawyers.pending, name="lawyers"),
    path("lawyers/<int:pk>/decision/", views_lawyers.decide, name="lawyer_decide"),
    path("<str:code>/", views.court_detail, name="detail"),
    # Court administration: the court's own administrator (views_admin).
    path("<str:code>/administration/", views_admin.home, name="admin_home"),
    path("<str:code>/administration/staff/new/", views_admin.new_account, name="admin_new_account"),
    path(
        "<str:code>/administration/staff/<int:user_id>/",
        views_admin.account,
        name="admin_account",
    ),
    path(
        "<str:code>/administration/staff/<int:user_id>/active/",
        views_admin.set_active,
        name="admin_set_active",
    ),
    path(
        "<str:code>/administration/staff/<int:user_id>/password-reset/",
        views_admin.reset_password,
        name="admin_reset_password",
    ),
    path(
        "<str:code>/administration/staff/<int:user_id>/roles/",
        views_admin.grant_role,
        name="admin_grant_role",
    ),
    path(
        "<str:code>/administration/roles/<int:pk>/remove/",
        views_admin.remove_role,
        name="admin_remove_role",
    ),
    path(
        "<str:code>/administration/courtrooms/",
        views_admin_premises.courtrooms,
        name="admin_courtrooms",
    ),
    path(
        "<str:code>/administration/courtrooms/<int:pk>/",
        views_admin_premises.courtroom,
        name="admin_courtroom",
    ),
    path(
        "<str:code>/administration/courtrooms/<int:pk>/delete/",
        views_admin_premises.delete_courtroom,
        name="admin_delete_courtroom",
    ),
    path(
        "<str:code>/administration/calendar/",
        views_admin_premises.calendar,
        name="admin_calendar",
    ),
    path(
        "<str:code>/administration/calendar/<int:pk>/delete/",
        views_admin_premises.delete_calendar_day,
        name="admin_delete_calendar_day",
    ),
]
