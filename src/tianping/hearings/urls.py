from django.urls import path

from tianping.hearings import views

app_name = "hearings"
urlpatterns = [
    path("notices/", views.notices, name="notices"),
    path("hearings/", views.calendars, name="calendars"),
    path("hearings/rooms/<int:pk>/", views.courtroom_calendar, name="courtroom_calendar"),
    path("hearings/judges/<int:user_id>/", views.judge_calendar, name="judge_calendar"),
    path("hearings/cases/<str:code>/new/", views.schedule, name="schedule"),
    path("hearings/<str:code>/", views.detail, name="detail"),
    path("hearings/<str:code>/postpone/", views.postpone, name="postpone"),
    path("hearings/<str:code>/cancel/", views.cancel, name="cancel"),
    path("hearings/<str:code>/held/", views.held, name="held"),
    path("hearings/<str:code>/record/", views.add_record, name="record"),
    path("hearings/<str:code>/record/file/", views.record_file, name="record_file"),
    path("hearings/<str:code>/record/mine/", views.party_record_file, name="party_record_file"),
]
