from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "tianping.lib"
    label = "tianping_lib"
