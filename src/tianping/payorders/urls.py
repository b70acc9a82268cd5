from django.urls import path

from tianping.payorders import views

app_name = "payorders"
urlpatterns = [
    path("cases/<str:code>/", views.procedure, name="procedure"),
    path("cases/<str:code>/issue/", views.issue, name="issue"),
    path("cases/<str:code>/dismiss/", views.dismiss, name="dismiss"),
    path("cases/<str:code>/object/", views.object_online, name="object"),
    path("cases/<str:code>/window-objection/", views.object_at_window, name="window"),
    path("cases/<str:code>/terminate/", views.terminate, name="terminate"),
    path("cases/<str:code>/answer/", views.answer, name="answer"),
    path("cases/<str:code>/suit/", views.suit, name="suit"),
    path("cases/<str:code>/effect/", views.take_effect, name="effect"),
    path("cases/<str:code>/notice/", views.notice, name="notice"),
]
