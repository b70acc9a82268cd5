"""The background tasks' database backend (django_tasks_db) under a name in the reader's
language: its own app config calls it "Tasks Database Backend" in English on every page
of the Django admin."""

from django.utils.translation import gettext_lazy
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = gettext_lazy("Background tasks")
