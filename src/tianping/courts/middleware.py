from django.contrib.auth import get_user_model

from tianping.courts.permissions import can_act_for

SESSION_KEY = "tianping_acting_for"


class ActingForMiddleware:
    """Sets request.acting_for: the principal a backup (AB角) is acting for, if any.

    The choice lives in the session; it is checked again on every request, so it ends
    by itself when the principal's absence ends or the backup is cancelled.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.acting_for = None
        principal_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if principal_id and request.user.is_authenticated:
            principal = get_user_model().objects.filter(pk=principal_id).first()
            if principal is not None and can_act_for(request.user, principal):
                request.acting_for = principal
            else:
                request.session.pop(SESSION_KEY, None)
        return self.get_response(request)
