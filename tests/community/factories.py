"""Factories for the community app's tests."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from community.models import (
    CommitmentStatementPage,
    NetworkOrganization,
    NetworkOrganizationIndexPage,
    PeoplePage,
    PeoplePagePerson,
    Person,
    WorkingGroupIndexPage,
    WorkingGroupMember,
    WorkingGroupPage,
)


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n:03d}")
    slug = factory.Sequence(lambda n: f"person-{n:03d}")
    role_title = "Program Officer"
    organization = "National Academy of Medicine"

    class Meta:
        model = Person


class PeoplePageFactory(wagtail_factories.PageFactory):
    title = "Leadership and staff"
    slug = "people"
    introduction = "Who runs the Collaborative."

    class Meta:
        model = PeoplePage


def place(page, person, group="staff", sort_order=None):
    """Put ``person`` on a people page in ``group``."""
    if sort_order is None:
        sort_order = page.placements.count()
    return PeoplePagePerson.objects.create(
        page=page, person=person, group=group, sort_order=sort_order
    )


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Working groups"
    slug = "working-groups"
    introduction = "Eight working groups over three phases."

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Working group {n}")
    charge = "Find out what helps clinicians thrive."
    phase = "phase-3"
    start_year = 2021
    end_year = 2022

    class Meta:
        model = WorkingGroupPage


def add_member(group, person, role="member"):
    return WorkingGroupMember.objects.create(
        page=group, person=person, role=role, sort_order=group.members.count()
    )


class NetworkOrganizationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organization {n:04d}")
    kind = "network"

    class Meta:
        model = NetworkOrganization


class NetworkOrganizationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Network organizations"
    slug = "network-organizations"
    introduction = "More than 200 organizations."

    class Meta:
        model = NetworkOrganizationIndexPage


class CommitmentStatementPageFactory(wagtail_factories.PageFactory):
    title = "Submit a commitment statement"
    slug = "submit"
    thank_you_text = "<p>Staff will read it soon.</p>"

    class Meta:
        model = CommitmentStatementPage


def minimal_pdf(text="We commit to clinician well-being."):
    """A real one-page PDF (bytes)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())
