"""Every admin page an editor can open reads as Polish: no bracketed gender endings
("został(a)", "wybrane(-nych)", "kolejne(go)") and no English left untranslated."""

import contextlib
import io
import re
from html.parser import HTMLParser

import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from reversion.models import Version

from projects.models import TargetGroup
from survey.models import Poll
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db

# A letter run straight into a bracket that holds an ending, or a bracket that
# starts with a hyphen: "został(a)", "kolejne(go)(-ną)", "wybrane(-nych)".
BRACKETED_ENDING = re.compile(
    r"\w\((?:a|o|e|y|i|ą|ę|ego|ej|go|ną|ny|na|ne|ło|ta|te|nych|nego|kich)\)|\w\(-\w+\)|\((?:-\w+)\)"
)
ENGLISH = re.compile(r"\b(?:Add|Change|Delete|Save|History|Home|Select|Recover|View|Are you)\b")


class _Text(HTMLParser):
    """The page's visible text and the attribute values people read (title, value, alt…)."""

    SKIP = {"script", "style"}
    READ_ATTRIBUTES = {
        "title",
        "value",
        "alt",
        "aria-label",
        "placeholder",
        "data-add-text",
        "data-inline-formset",
    }

    def __init__(self):
        super().__init__()
        self.parts, self._skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        for name, value in attrs:
            if (
                name in self.READ_ATTRIBUTES
                and value
                and not (tag == "input" and dict(attrs).get("type") in {"hidden", "checkbox"})
            ):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def readable_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_the_pattern_catches_bracketed_endings_but_not_ordinary_parentheses():
    for bad in ["został(a)", "wybrane(-nych)", "kolejne(go)", "Dodaj kolejne(go)(-ną)(-ny)"]:
        assert BRACKETED_ENDING.search(bad), bad
    for fine in ["informacje o ośrodku (ETR, PJM)", "(kliknij)", "ulice (3)", "f(x) = 2", "(a)"]:
        assert not BRACKETED_ENDING.search(fine), fine


@pytest.fixture
def editor(client):
    call_command("load_demo", stdout=io.StringIO())
    log_in_editor(client)
    # Two saved versions of the first record of each versioned model, so its
    # restore page and the comparison of versions are among the pages read.
    for model in apps.get_models():
        first = model._default_manager.order_by("pk").first()
        if reversion.is_registered(model) and first is not None:
            for _ in range(2):
                with reversion.create_revision():
                    reversion.add_to_revision(first)
    return client


def registered_admins():
    return [
        admin.site.get_model_admin(model)
        for model in apps.get_models()
        if admin.site.is_registered(model)
    ]


def _pages_of(model_admin, user):
    """The admin URLs of one model an editor may open."""
    request = RequestFactory().get("/admin/")
    request.user = user
    opts = model_admin.model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    if not model_admin.has_view_or_change_permission(request):
        return []
    pages = [reverse(f"{name}_changelist")]
    may_add = model_admin.has_add_permission(request)
    if may_add:
        pages.append(reverse(f"{name}_add"))
    first = model_admin.model._default_manager.order_by("pk").first()
    if first is not None:
        pages.append(reverse(f"{name}_change", args=[first.pk]))
        pages.append(reverse(f"{name}_history", args=[first.pk]))
        if model_admin.has_delete_permission(request, first):
            pages.append(reverse(f"{name}_delete", args=[first.pk]))
    if may_add and model_admin.has_change_permission(request):
        with contextlib.suppress(NoReverseMatch):
            pages.append(reverse(f"{name}_recoverlist"))
    version = Version.objects.get_for_object(first).first() if first is not None else None
    if version is not None and model_admin.has_change_permission(request, first):
        with contextlib.suppress(NoReverseMatch):
            pages.append(reverse(f"{name}_revision", args=[first.pk, version.pk]))
            pages.append(reverse(f"{name}_compare", args=[first.pk, version.pk]))
    return pages


def test_every_admin_page_an_editor_opens_reads_as_polish(editor):
    user = get_user_model().objects.get(username="redaktorka")
    pages = [reverse("admin:index")]
    apps_seen = set()
    for model_admin in registered_admins():
        model = model_admin.model
        pages += _pages_of(model_admin, user)
        if model._meta.app_label not in apps_seen and user.has_module_perms(model._meta.app_label):
            apps_seen.add(model._meta.app_label)
            pages.append(reverse("admin:app_list", args=[model._meta.app_label]))
    poll = Poll.objects.order_by("pk").first()
    pages += [
        reverse("admin:survey_poll_comments", args=[poll.pk]),
        reverse("admin:survey_poll_copy", args=[poll.pk]),
    ]
    # The question Django asks before a bulk deletion, for a list editors may delete from.
    group = TargetGroup.objects.order_by("pk").first()
    bulk = (
        reverse("admin:projects_targetgroup_changelist"),
        {"action": "delete_selected", "_selected_action": [group.pk]},
    )
    assert len(pages) > 60
    assert any(re.search(r"/history/\d+/$", url) for url in pages), "a version to restore"
    problems = []
    for url in [*pages, bulk]:
        try:
            if isinstance(url, tuple):
                url, data = url
                response = editor.post(url, data)
            else:
                response = editor.get(url, follow=True)
        except Exception as error:  # one broken page must not hide the others
            problems.append(f"{url}: {error!r}")
            continue
        if response.status_code != 200:
            problems.append(f"{url}: status {response.status_code}")
            continue
        text = readable_text(response.content.decode())
        for pattern in (BRACKETED_ENDING, ENGLISH):
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 60) : match.end() + 40]
                problems.append(f"{url}: {match.group(0)!r} in …{context}…")
    catalogue = editor.get(reverse("admin:jsi18n")).content.decode()
    problems += [
        f"JavaScript catalogue: {m.group(0)!r}" for m in BRACKETED_ENDING.finditer(catalogue)
    ]
    assert not problems, "\n".join(problems)


def test_every_record_an_editor_writes_has_its_polish_noun(db):
    """Titles, messages and counts come from ``noun``: none may be missing where editors write."""
    user = log_in_editor(Client())
    request = RequestFactory().get("/admin/")
    request.user = user
    missing = []
    for model_admin in registered_admins():
        writes = (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
        if not writes:
            continue
        if getattr(model_admin, "noun", None) is None:
            missing.append(type(model_admin).__name__)
        for inline in model_admin.get_inline_instances(request):
            if getattr(inline, "noun", None) is None and inline.has_add_permission(request, None):
                missing.append(f"{type(model_admin).__name__}.{type(inline).__name__}")
    assert not missing
