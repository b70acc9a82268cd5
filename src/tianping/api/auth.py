from ninja.security import HttpBearer, django_auth

from tianping.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tp_...` for integrations."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
            request.acting_for = None
        return user


AUTH = [TokenAuth(), django_auth]
