"""Factories for publications tests."""

import datetime
import uuid

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from community.models import Person
from demo.builder import write_pdf
from publications.models import (
    HubResource,
    KnowledgeHubPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
    Topic,
)


class PublicationTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")

    class Meta:
        model = PublicationType
        django_get_or_create = ("slug",)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publications"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publication {n}")
    publication_type = factory.SubFactory(PublicationTypeFactory)
    publication_date = datetime.date(2020, 5, 1)
    abstract = "A short summary of what the publication found."

    class Meta:
        model = PublicationPage


def make_publication(index, *, topics=(), authors=(), **fields):
    """A live publication under ``index`` with topics and authors
    (each author a Person or a ``(name, affiliation)`` pair)."""
    fields.setdefault("publication_type", PublicationTypeFactory())
    page = PublicationPageFactory.build(**fields)
    page.topics = list(topics)
    page.authors = [
        PublicationAuthor(person=author)
        if not isinstance(author, tuple)
        else PublicationAuthor(name=author[0], affiliation=author[1])
        for author in authors
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_pdf_document(title, paragraphs, *, content=None):
    """A Wagtail document holding a real text PDF (or the given bytes)."""
    # Transactional (browser) tests flush the root collection Wagtail's migrations made.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    Document = get_document_model()
    document = Document(title=title)
    data = content if content is not None else write_pdf(title, paragraphs)
    document.file.save(f"{uuid.uuid4().hex[:12]}.pdf", ContentFile(data), save=False)
    document.save()
    return document


def make_person(name, *, live=True, **fields):
    slug = fields.pop("slug", None) or name.lower().replace(" ", "-").replace(".", "")
    return Person.objects.create(name=name, slug=slug, live=live, **fields)


class KnowledgeHubPageFactory(wagtail_factories.PageFactory):
    title = "Clinician Well-Being Knowledge Hub"
    slug = "knowledge-hub"
    introduction = "Research, tools and guidance, gathered by kind."

    class Meta:
        model = KnowledgeHubPage


def add_resource(hub, title, kind, *, page=None, document=None, url="", topics=(), summary=""):
    """A resource in ``hub``, saved and published as an editor would."""
    resource = HubResource(
        title=title,
        kind=kind,
        summary=summary or f"What {title} offers.",
        link_page=page,
        link_document=document,
        link_url=url,
    )
    resource.full_clean(exclude=["page"])
    resource.topics = list(topics)
    hub.resources.add(resource)
    hub.save_revision().publish()
    return resource
