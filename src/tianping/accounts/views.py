from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy

from tianping.accounts import throttle
from tianping.accounts.forms import LoginForm, ResetRequestForm
from tianping.audit.actions import record


class LoginView(auth_views.LoginView):
    """The sign-in page. Throttling and the audit entry: accounts.backends."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            record("user.logged_out", request.user, actor=request.user)
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    form_class = ResetRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        """Mail the link, unless the address entered had its share this hour: then say
        the same "sent" as always, so the answer never tells whether an account exists."""
        email = form.cleaned_data["email"]
        if not throttle.reset_allowed_for_account(email):
            return HttpResponseRedirect(self.get_success_url())
        throttle.note_reset_request(email, self.request.META.get("REMOTE_ADDR"))
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record("user.password_reset", form.user, actor=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
