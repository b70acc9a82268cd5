"""Indicator pages URLs."""

urlpatterns = []
