from django.urls import path

from tianping.enforcement import views

app_name = "enforcement"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("bureau/", views.bureau, name="bureau"),
    path("cases/<str:code>/title/", views.title, name="title"),
    path("cases/<str:code>/title/document/", views.title_document, name="title_document"),
    path("cases/<str:code>/assign/", views.assign, name="assign"),
    path("cases/<str:code>/major/", views.major, name="major"),
    path("cases/<str:code>/milestone/", views.milestone, name="milestone"),
    path("cases/<str:code>/milestones/<int:pk>/document/", views.document, name="document"),
    path("cases/<str:code>/close/", views.close, name="close"),
    path("cases/<str:code>/check/", views.check, name="check"),
    path("cases/<str:code>/restore/", views.restore_case, name="restore"),
    path("cases/<str:code>/apply/", views.apply, name="apply"),
    path("cases/<str:code>/clue/", views.report_clue, name="clue"),
    path("clues/<str:code>/answer/", views.answer, name="answer"),
    path("clues/<str:code>/attachment/", views.clue_attachment, name="clue_attachment"),
]
