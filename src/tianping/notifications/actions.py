from django.db import transaction
from django.utils import timezone

from tianping.notifications.models import Notification


def notify_once(rows: list[tuple]) -> None:
    """Store (user, key, text, link) messages; a (user, key) already stored is skipped.

    `user` is a user or a user's id (a sweep raising many warnings passes ids). Prefer
    `notify`, whose messages read in the reader's language.
    """
    Notification.objects.bulk_create(
        [
            Notification(user_id=getattr(user, "pk", user), key=key, text=text[:500], link=link)
            for user, key, text, link in rows
        ],
        ignore_conflicts=True,
    )


def notify(users, *, key: str, kind: str, **params) -> None:
    """Send the message KIND with PARAMS (codes and plain values, worded when read:
    `notifications.messages`) to each of USERS (users or ids) once for KEY. Called inside
    the transaction of the action that caused it."""
    ids = {getattr(user, "pk", user) for user in users if user is not None}
    Notification.objects.bulk_create(
        [Notification(user_id=i, key=key[:120], kind=kind, params=params) for i in sorted(ids)],
        ignore_conflicts=True,
    )


def tell_portal_users(user_ids, *, actor, acted_for=None, key: str, kind: str, **params) -> None:
    """`notify` the active litigants and lawyers among USER_IDS of what happened, never the
    person who did it (nor whom they acted for): the parties of a filing or a case."""
    from tianping.accounts.choices import UserKind
    from tianping.accounts.models import User

    people = set(user_ids) - {getattr(actor, "pk", None), getattr(acted_for, "pk", None)}
    if not people:
        return
    readers = User.objects.filter(
        pk__in=people, kind__in=(UserKind.LITIGANT, UserKind.LAWYER), is_active=True
    )
    notify(readers.values_list("pk", flat=True), key=key, kind=kind, **params)


def notify_many(rows: list[tuple]) -> None:
    """Store (user, key, kind, params) messages in one insert; a (user, key) already stored
    is skipped (a sweep raising many warnings at once)."""
    Notification.objects.bulk_create(
        [
            Notification(user_id=getattr(user, "pk", user), key=key[:120], kind=kind,
                         params=params)
            for user, key, kind, params in rows
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def mark_read(user, *, ids=None) -> int:
    """Mark USER's unread messages read (IDS: only those among them), never another's; the
    number marked. Reading one's own messages changes nothing the audit record keeps."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
