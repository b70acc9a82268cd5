from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.forms import NON_FIELD_ERRORS
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tianping.accounts import registration, throttle
from tianping.accounts.forms import (
    ApplyAgainForm,
    LawyerRegistrationForm,
    LoginForm,
    ProfileForm,
    RegistrationForm,
    ResetRequestForm,
    add_action_errors,
)
from tianping.audit.actions import record


class LoginView(auth_views.LoginView):
    """The sign-in page. Throttling and the audit entry: accounts.backends."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        """A locked username is also shown the way to reset the password."""
        locked = form.has_error(NON_FIELD_ERRORS, "throttled")
        return self.render_to_response(self.get_context_data(form=form, locked=locked))


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


def register(request, kind="litigant"):
    """Self-registration of a litigant, or of a lawyer (verified later by a court)."""
    if request.user.is_authenticated:
        return redirect("home")
    form_class = LawyerRegistrationForm if kind == "lawyer" else RegistrationForm
    form = form_class(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lawyer = None
        if kind == "lawyer":
            lawyer = {k: data[k] for k in ("licence_number", "law_firm", "court")}
        try:
            user = registration.register(
                full_name=data["full_name"],
                phone=data["phone"],
                email=data["email"],
                id_type=data["id_type"],
                id_number=data["id_number"],
                password=data["password1"],
                lawyer=lawyer,
                ip_address=request.META.get("REMOTE_ADDR"),
            )
        except ValidationError as error:
            add_action_errors(form, error, form.RENAMED)
        else:
            text = _("Your account is ready. Sign in with %(name)s and your password.")
            if lawyer is not None:
                text += ("" if (get_language() or "").startswith("zh") else " ") + _(
                    "The court will check your licence; until then you use the portal as a "
                    "litigant."
                )
            messages.success(request, text % {"name": user.username})
            return redirect("accounts:login")
    return render(request, "accounts/register.html", {"form": form, "kind": kind})


@login_required
def profile(request):
    """The owner's account: contact details to change, the identity number masked."""
    user = request.user
    initial = {"phone": user.phone, "email": user.email, "address": user.address}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration.update_profile(user, actor=user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your details have been saved."))
            return redirect("accounts:profile")
    context = {
        "form": form,
        "application": user.lawyer_application,
        "lawyer": getattr(user, "lawyer_profile", None),
        "may_apply_again": registration.may_apply_again(user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def apply_again(request):
    """A refused lawyer corrects the licence, firm or court and sends the registration
    again; the court sees it waiting, the refusal stays on record."""
    user = request.user
    refused = user.lawyer_application
    if not registration.may_apply_again(user):
        messages.info(request, _("There is no refused registration as a lawyer to send again."))
        return redirect("accounts:profile")
    initial = {
        "licence_number": refused.licence_number,
        "law_firm": refused.law_firm,
        "court": refused.court.code,
    }
    form = ApplyAgainForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration.apply_again(
                user, actor=user, ip_address=request.META.get("REMOTE_ADDR"), **form.cleaned_data
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request,
                _("Your registration is sent again. The court will check your licence."),
            )
            return redirect("accounts:profile")
    return render(request, "accounts/apply_again.html", {"form": form, "refused": refused})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        registration.change_password(
            form.user,
            new_password=form.cleaned_data["new_password1"],
            ip_address=self.request.META.get("REMOTE_ADDR"),
        )
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())
