"""API tokens: issued once in clear, stored as a digest, checked on every API call."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from tianping.accounts.models import ApiToken
from tianping.audit.actions import record


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(user, *, name: str, actor=None) -> str:
    """A new token for USER, returned once in clear; its issue is in the audit log (who for,
    its name and prefix; never the token). ACTOR: who issued it (none from the command line)."""
    raw = "tp_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, digest=_digest(raw), prefix=raw[:8]
        )
        record(
            "api_token.issued",
            token,
            actor=actor,
            changes={"user": user.get_username(), "name": name, "prefix": token.prefix},
        )
    return raw


def user_for_token(raw: str):
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
