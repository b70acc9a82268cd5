from tianping.notifications.models import Notification


def notify_once(rows: list[tuple]) -> None:
    """Store (user, key, text, link) messages; a (user, key) already stored is skipped."""
    Notification.objects.bulk_create(
        [
            Notification(user=user, key=key, text=text[:500], link=link)
            for user, key, text, link in rows
        ],
        ignore_conflicts=True,
    )
