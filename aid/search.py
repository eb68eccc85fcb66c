"""Forms of help in the site search: title, short answer, who may get it, documents, legal basis."""

from django.utils.translation import gettext_lazy, ngettext_lazy

from aid.models import AidDocument, FormOfHelp
from core.search import Kind


class FormOfHelpKind(Kind):
    model = FormOfHelp
    key = "pomoc"
    heading = gettext_lazy("Jak uzyskać pomoc")
    count_label = ngettext_lazy("%(count)s forma pomocy", "%(count)s form pomocy", "count")
    title_field = "title"
    fields = ("short_answer", "eligibility", "what_to_bring", "apply_in_person", "legal_basis")
    related = {"_documents": (AidDocument, "form", "title")}

    def queryset(self, now):
        return FormOfHelp.objects.published().select_related("category")

    def texts(self, obj):
        return [
            (None, obj.short_answer),
            (gettext_lazy("Kto może otrzymać"), obj.eligibility),
            (gettext_lazy("Co zabrać"), obj.what_to_bring),
            (gettext_lazy("Jak złożyć wniosek"), obj.apply_in_person),
            (gettext_lazy("Formularze"), obj._documents),
            (gettext_lazy("Podstawa prawna"), obj.legal_basis),
        ]

    def meta(self, obj):
        return obj.category.name


FORMS_OF_HELP = FormOfHelpKind()

SEARCH_KINDS = (FORMS_OF_HELP,)
