"""Driving the Wagtail admin as a browser would: read the form, change a few fields, post."""

import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

# The admin answers a refused request made by its own scripts with a plain 403; a refused
# form post becomes a redirect to the dashboard with "Sorry, you do not have permission".
AS_SCRIPT = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

SKIPPED_INPUT_TYPES = {"submit", "button", "file", "image", "reset"}


def make_user(username, *group_names, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="a-long-test-password-1",
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def client_for(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def page_form_data(response):
    """Every field of the admin page form, with the values the browser would send."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id="page-edit-form")
    assert form is not None, "no page form in the response"
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            options = field.find_all("option")
            chosen = [o.get("value", o.text) for o in options if o.has_attr("selected")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", "") if first else ""
        else:
            kind = field.get("type", "text")
            if kind in SKIPPED_INPUT_TYPES:
                continue
            if kind in {"checkbox", "radio"}:
                if field.has_attr("checked"):
                    data.setdefault(name, []).append(field.get("value", "on"))
                continue
            data[name] = field.get("value", "")
    # StreamFields are drawn by JavaScript; an empty one posts just its count.
    for block in form.find_all(attrs={"data-block": True}):
        state = json.loads(block["data-w-block-arguments-value"])[0]
        assert state in ([], None), f"{block['id']} has content this helper cannot post"
        data[f"{block['id']}-count"] = "0"
    return data


def create_page(client, parent, model, action, headers=None, **fields):
    """Create a page of ``model`` under ``parent`` through the admin; returns the response."""
    meta = model._meta
    url = reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))
    data = page_form_data(client.get(url))
    data.update(fields)
    data[action] = "1"
    return client.post(url, data, **(headers or {}))


def edit_page(client, page, action=None, headers=None, **fields):
    """Change fields of ``page`` in the admin editor and press ``action`` (a button name)."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = page_form_data(client.get(url))
    data.update(fields)
    if action:
        data[action] = "1"
    return client.post(url, data, **(headers or {}))


def workflow_action(client, page, action, headers=AS_SCRIPT, **data):
    """Press a moderation button (approve / reject) on the page's current task."""
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    assert task_state is not None, "the page is not in a workflow"
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data, **(headers or {}))


def assert_refused_form_post(client, response):
    """A refused form post: back to the dashboard, told why, nothing done."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    messages = [str(m) for m in client.get(response.url).context["messages"]]
    assert any("do not have permission" in m for m in messages), messages


def latest_page(model, **filters):
    return model.objects.filter(**filters).order_by("-pk").first()
