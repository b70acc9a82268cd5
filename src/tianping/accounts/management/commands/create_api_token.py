from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tianping.accounts.tokens import issue_token


class Command(BaseCommand):
    help = "Issue an API token for a user (printed once; only its digest is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="integration")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        self.stdout.write(issue_token(user, name=name))
