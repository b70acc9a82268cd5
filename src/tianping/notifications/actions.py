from tianping.notifications.models import Notification


def notify_once(rows: list[tuple]) -> None:
    """Store (user, key, text, link) messages; a (user, key) already stored is skipped.

    `user` is a user or a user's id (a sweep raising many warnings passes ids).
    """
    Notification.objects.bulk_create(
        [
            Notification(user_id=getattr(user, "pk", user), key=key, text=text[:500], link=link)
            for user, key, text, link in rows
        ],
        ignore_conflicts=True,
    )
