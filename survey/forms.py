from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class VoteForm(forms.Form):
    """One answer to one poll, rendered as a fieldset whose legend is the question."""

    # The choices' ids and texts come from the view (see __init__), so that a
    # vote is checked against the poll it already holds, with no query.
    choice = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        # Optional for the widget (no unexplained asterisk, no browser bubble);
        # clean_choice() insists, with a Polish message next to the field.
        required=False,
        error_messages={
            "invalid_choice": _("Tej odpowiedzi nie ma w tej ankiecie. Wybierz jedną z podanych."),
        },
    )
    comment = forms.CharField(
        label=_("Komentarz (nieobowiązkowy)"),
        help_text=_("Napisz, co możemy poprawić. Nie podawaj danych osobowych."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Komentarz może mieć najwyżej %(limit_value)d znaków.")},
    )
    # A honeypot: its wrapper is `hidden`, so people never see it; naive bots
    # fill in every field they find.
    website = forms.CharField(
        label=_("Zostaw to pole puste"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, poll, *args, choices=None, **kwargs):
        """``choices``: the poll's [(id, text), …] in order; read from the poll when omitted."""
        super().__init__(*args, **kwargs)
        self.poll = poll
        if choices is None:
            choices = poll.choice_list()
        self.fields["choice"].choices = choices
        self.fields["choice"].label = poll.question
        if not poll.allow_comment:
            del self.fields["comment"]

    @cached_property
    def helper(self):
        """The crispy layout, built only when the form is rendered (a vote is not)."""
        helper = FormHelper(self)
        helper.form_action = self.poll.get_absolute_url()
        helper.attrs = {"novalidate": ""}
        fields = ["choice"]
        if self.poll.allow_comment:
            fields.append("comment")
        helper.layout = Layout(
            *fields,
            Div("website", css_class="survey-hp", hidden=True),
            Submit("glosuj", _("Oddaj głos")),
        )
        return helper

    def clean_choice(self):
        choice = self.cleaned_data.get("choice")
        if choice is None:
            raise forms.ValidationError(_("Wybierz jedną odpowiedź."), code="required")
        return choice

    def is_bot(self):
        return bool(self.data.get("website", "").strip())
