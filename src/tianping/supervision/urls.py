from django.urls import path

from tianping.supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.orders, name="orders"),
    path("new/", views.issue, name="issue"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/close/", views.close, name="close"),
    path("<str:code>/cases/<str:case>/reply/", views.reply, name="reply"),
    path("<str:code>/cases/<str:case>/close/", views.close_item, name="close_item"),
    path("<str:code>/cases/<str:case>/attachment/", views.attachment, name="attachment"),
]
