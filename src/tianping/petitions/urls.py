from django.urls import path

from tianping.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.register, name="register"),
    path("receptions/", views.receptions, name="receptions"),
    path("receptions/<int:pk>/receive/", views.receive, name="receive"),
    path("schedule/", views.schedule, name="schedule"),
    path("schedule/<int:pk>/book/", views.book, name="book"),
    path("my/", views.mine, name="mine"),
    path("my/new/", views.new, name="new"),
    path("my/<str:code>/", views.my_detail, name="my_detail"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/classify/", views.classify, name="classify"),
    path("<str:code>/assign/", views.assign, name="assign"),
    path("<str:code>/reply/", views.reply, name="reply"),
    path("<str:code>/extension/", views.extension, name="extension"),
    path("<str:code>/extension/decide/", views.decide_extension, name="decide_extension"),
    path("<str:code>/rate/", views.rate, name="rate"),
    path("<str:code>/review/", views.ask_review, name="ask_review"),
    path("<str:code>/review/result/", views.review_result, name="review_result"),
    path("<str:code>/link/", views.link, name="link"),
    path("<str:code>/files/", views.add_files, name="add_files"),
    path("<str:code>/files/<int:pk>/", views.attachment, name="attachment"),
    path("<str:code>/reply/file/", views.reply_file, name="reply_file"),
]
