"""Indicator reports URLs."""

urlpatterns = []
