"""Indicator display URLs."""

urlpatterns = []
