from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _


class VoteForm(forms.Form):
    """One answer to one poll, rendered as a fieldset whose legend is the question."""

    choice = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
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

    def __init__(self, poll, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.fields["choice"].queryset = poll.choices.all()
        self.fields["choice"].label = poll.question
        if not poll.allow_comment:
            del self.fields["comment"]
        self.helper = FormHelper(self)
        self.helper.form_action = poll.get_absolute_url()
        self.helper.attrs = {"novalidate": ""}
        fields = ["choice"]
        if poll.allow_comment:
            fields.append("comment")
        self.helper.layout = Layout(
            *fields,
            Div("website", css_class="survey-hp", hidden=True),
            Submit("glosuj", _("Oddaj głos")),
        )

    def clean_choice(self):
        choice = self.cleaned_data.get("choice")
        if choice is None:
            raise forms.ValidationError(_("Wybierz jedną odpowiedź."), code="required")
        return choice

    def is_bot(self):
        return bool(self.data.get("website", "").strip())
