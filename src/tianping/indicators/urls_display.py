"""The big screen's URLs (`/indicators/display/`): the tokens page, then the screen by its
token (see `views_display`)."""

from django.urls import path

from tianping.indicators import views_display

urlpatterns = [
    path("tokens/", views_display.tokens, name="display_tokens"),
    path("tokens/<int:pk>/revoke/", views_display.revoke, name="display_token_revoke"),
    path("<str:token>/", views_display.screen, name="display"),
    path("<str:token>/screen/", views_display.screen_part, name="display_screen"),
]
