"""The one way past the append-only triggers: emptying a throwaway test database.

Test runs that use a live server must empty every table between tests. Production code
never calls `allow_purge`; nothing in the application can reach it.
"""

from django.db.backends.signals import connection_created
from django.dispatch import receiver


@receiver(connection_created)
def register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "tianping_audit_locked",
            0,
            lambda: 0 if getattr(connection, "tianping_audit_purge", False) else 1,
        )


def allow_purge(connection, allowed: bool = True) -> None:
    """Let this connection (and only it) delete audit and timeline rows, for test-database
    teardown."""
    connection.tianping_audit_purge = allowed
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('tianping.audit_maintenance', %s, false)",
                ["on" if allowed else "off"],
            )
