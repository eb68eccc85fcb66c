"""Editor text typed into the admin is shown escaped on every public page."""

import itertools

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.db import models
from django.test import Client

from tests.web.adminforms import as_post_data, form_fields
from tests.web.public_urls import CONTENT_APPS, public_urls

pytestmark = pytest.mark.django_db

_counter = itertools.count()


def payload():
    # Numbered, so fields with unique values (a choice per poll, an outcome
    # label per project) do not collide.
    number = next(_counter)
    return f'<script>x({number})</script>"><img src=x onerror=x({number})>'


PAYLOAD_LENGTH = len(payload())
HARMLESS_VALIDATORS = (MaxLengthValidator, ProhibitNullCharactersValidator)


def free_text_fields(model):
    """Names of the model's fields where an editor types any text."""
    names = set()
    for field in model._meta.fields:
        if type(field) not in (models.CharField, models.TextField) or field.choices:
            continue
        if any(not isinstance(v, HARMLESS_VALIDATORS) for v in field.validators):
            continue
        if field.max_length is not None and field.max_length < PAYLOAD_LENGTH + 5:
            continue
        names.add(field.name)
    return names


def content_admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in CONTENT_APPS and model_admin.has_change_permission:
            yield model, model_admin


def fill_with_payloads(model, model_admin, data):
    inline_models = [inline.model for inline in model_admin.inlines]
    text_names = free_text_fields(model).union(*(free_text_fields(m) for m in inline_models))
    replaced = 0
    for key in list(data):
        if key.split("-")[-1] in text_names and "__prefix__" not in key and data[key] != [""]:
            data[key] = [payload()]
            replaced += 1
    return replaced


def test_xss_payloads_typed_into_every_admin_text_field_come_out_escaped(admin_client):
    call_command("load_demo", stdout=None)
    replaced = 0
    edited = []
    for model, model_admin in content_admins():
        obj = model._default_manager.first()
        if obj is None or model._meta.model_name == "ballot":
            continue
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/change/"
        data = as_post_data(form_fields(admin_client.get(url).content.decode()))
        count = fill_with_payloads(model, model_admin, data)
        if not count:
            continue
        response = admin_client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[:3000])
        replaced += count
        edited.append(model._meta.label)
    assert {"projects.Project", "communities.CommunityArea", "centre.Centre"} <= set(edited)
    assert replaced > 30

    escaped_somewhere = 0
    anonymous = Client()
    for url in public_urls():
        response = anonymous.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        # No element was created from editor text, and no attribute was left early.
        assert "<script>x(" not in html, url
        assert "<img src=x" not in html, url
        assert '"><img' not in html, url
        escaped_somewhere += html.count("&lt;script&gt;x(")
    assert escaped_somewhere > 10
