"""Demo content of the publications app: every publication the Collaborative's pages name.

Titles, years, types and authors are facts from those pages; the abstracts and the text of
the generated PDFs are the project's own words. For benchmarks, ``--scale N`` adds (N - 1)
times as many synthetic publications and ``--publications N`` (or ``--large``) tops them up
to N in all; they are inserted in bulk (no revisions).
"""

import datetime
import random

from community.models import WorkingGroupPage
from core.models import StandardPage
from demo.builder import bulk_add_children, child_slugs, site_root
from publications.models import (
    HubResource,
    KnowledgeHubPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
    ResourceKind,
    Topic,
)

TYPES = [
    ("Discussion paper", "discussion-paper", "article"),
    ("Consensus study report", "consensus-study-report", "report"),
    ("National plan", "national-plan", "report"),
    ("Commentary", "commentary", "article"),
    ("Case study", "case-study", "resource"),
    ("Toolkit", "toolkit", "resource"),
    ("Validated instrument", "validated-instrument", "resource"),
    ("Resource collection", "resource-collection", "resource"),
]

TOPICS = [
    ("Burnout", "burnout"),
    ("Nurses", "nurses"),
    ("Suicide prevention", "suicide-prevention"),
    ("Documentation and EHR", "documentation-ehr"),
    ("Team-based care", "team-based-care"),
    ("COVID-19", "covid-19"),
    ("Metrics and measurement", "metrics"),
    ("Leadership", "leadership"),
    ("Organizational practice", "organizational-practice"),
    ("Physician assistants", "physician-assistants"),
]

# Created here only if the community app's demo has not made them (same slugs).
PEOPLE = {
    "victor-dzau": ("Victor Dzau", "National Academy of Medicine"),
    "darrell-kirch": ("Darrell Kirch", ""),
    "thomas-nasca": ("Thomas Nasca", ""),
}

PERSPECTIVES = "NAM Perspectives"
NAM = "National Academy of Medicine"
# The seeds credit the Collaborative itself with its resources (the National Plan, the
# COVID-19 strategies): the group author of works with no individual authors.
COLLABORATIVE = (
    "National Academy of Medicine Action Collaborative on Clinician Well-Being and Resilience"
)
SYNTHETIC_PREFIX = "synthetic-publication-"

# (slug, title, type slug, date, published in, publisher, DOI, author slugs, topic slugs,
#  featured, abstract, PDF paragraphs)
PUBLICATIONS = [
    {
        "slug": "burnout-among-health-care-professionals",
        "title": "Burnout Among Health Care Professionals: A Call to Explore and Address This "
        "Underrecognized Threat to Safe, High-Quality Care",
        "type": "discussion-paper",
        "date": datetime.date(2017, 7, 5),
        "container": PERSPECTIVES,
        "doi": "10.31478/201707b",
        "topics": ["burnout", "metrics"],
        "featured": True,
        "abstract": "Payment reform, electronic records, patient portals and public quality "
        "scores have changed how care is given and recorded. This paper describes how those "
        "pressures leave many health professionals emotionally exhausted and detached, and "
        "argues that burnout deserves study and action as a threat to patient safety.",
        "pdf": [
            "Health care in the United States is changing quickly. New ways of paying for and "
            "delivering care, electronic health records, patient portals and publicly reported "
            "quality measures all alter the daily work of the people who provide care.",
            "Those people carry the success of every improvement effort, yet many of them are "
            "worn out. Burnout shows itself as emotional exhaustion, a distancing from patients "
            "and colleagues, and a fading sense that the work achieves anything.",
            "The paper calls for better measurement of burnout across professions, for research "
            "into the conditions that drive it, and for organizations to treat the well-being "
            "of their clinicians as part of the quality and safety of care.",
        ],
    },
    {
        "slug": "to-care-is-human",
        "title": "To Care Is Human — Collectively Confronting the Clinician-Burnout Crisis",
        "type": "commentary",
        "date": datetime.date(2018, 1, 25),
        "container": "New England Journal of Medicine",
        "publisher": "Massachusetts Medical Society",
        "doi": "10.1056/NEJMp1715127",
        "authors": ["victor-dzau", "darrell-kirch", "thomas-nasca"],
        "topics": ["burnout", "leadership"],
        "featured": True,
        "abstract": "The president of the National Academy of Medicine and the Collaborative's "
        "two co-chairs describe clinician burnout as an epidemic and set out how the Action "
        "Collaborative brings the health system together to confront it.",
        "pdf": [
            "Clinicians chose their work in order to care for others, and the systems around "
            "them increasingly make that care harder to give. Burnout has become common enough "
            "to be called an epidemic.",
            "No single organization can solve a problem rooted in regulation, payment, "
            "technology and professional culture. The Action Collaborative was formed so that "
            "the groups that shape those forces could work on it together.",
            "The authors describe the Collaborative's aims: to understand the challenges, to "
            "make clinician distress visible and to advance solutions that work across "
            "disciplines.",
        ],
    },
    {
        "slug": "conceptual-model-of-clinician-well-being",
        "title": "A Journey to Construct an All-Encompassing Conceptual Model of Factors "
        "Affecting Clinician Well-Being and Resilience",
        "type": "discussion-paper",
        "date": datetime.date(2018, 1, 29),
        "container": PERSPECTIVES,
        "topics": ["burnout", "organizational-practice"],
        "working_group": "Conceptual Model",
        "abstract": "Why do so many clinicians burn out? This paper takes a whole-system view "
        "of the external and individual factors involved and presents a first version of a "
        "model showing how they interact, for use by individuals and organizations at any "
        "career stage.",
        "pdf": [
            "Burnout has no single cause. The factors that shape a clinician's well-being range "
            "from national rules and the culture of medicine to the design of a clinic and the "
            "personal circumstances of each professional.",
            "The working group gathered these factors into one picture: external domains such "
            "as the regulatory, organizational and learning environment, and individual "
            "domains such as personal traits, skills and support.",
            "The model is meant to help people locate where to act. It is not a diagnostic "
            "instrument, and it will be revised as evidence about clinician well-being grows.",
        ],
    },
    {
        "slug": "care-centered-clinician-documentation",
        "title": "Care-Centered Clinician Documentation in the Digital Environment: Solutions "
        "to Alleviate Burnout",
        "type": "discussion-paper",
        "date": datetime.date(2018, 1, 29),
        "container": PERSPECTIVES,
        "topics": ["documentation-ehr", "burnout"],
        "abstract": "Electronic health records were built around billing and legal "
        "requirements more than patient care, and they take up a large share of the working "
        "day. The authors examine how documentation could be redesigned to serve clinicians, "
        "patients and payers alike.",
        "pdf": [
            "Electronic health records promised better care but have not yet delivered it. "
            "Much of what they ask for serves billing and legal defence rather than the "
            "ongoing care of the patient.",
            "Clinicians now spend more than half of their working day in the record, entering "
            "data in ways that interrupt the flow of their work and pull attention away from "
            "the person in front of them.",
            "The paper proposes documentation that is centred on care: records flexible enough "
            "to carry what clinicians, patients and insurers each need, without asking every "
            "clinician to type everything.",
        ],
    },
    {
        "slug": "nurse-suicide-breaking-the-silence",
        "title": "Nurse Suicide: Breaking the Silence",
        "type": "discussion-paper",
        "date": datetime.date(2018, 1, 29),
        "container": PERSPECTIVES,
        "topics": ["nurses", "suicide-prevention", "metrics"],
        "featured": True,
        "abstract": "Nobody can say how many nurses die by suicide, because the deaths are not "
        "tracked reliably and are seldom discussed. Drawing on the experience of people who "
        "lost a colleague, relative or friend, the authors call for formal data collection "
        "and open attention to the problem.",
        "pdf": [
            "Burnout, depression and suicide among nurses are starting to be recognized as a "
            "serious threat to the health system, but the rate at which nurses die by suicide "
            "is unknown because it is not accurately recorded.",
            "Accounts from nurses who lost a colleague show how rarely these deaths are spoken "
            "of, and how seldom institutions respond to them in a structured way.",
            "The authors ask for formal tracking of nurse suicide, for support after a loss, "
            "and for workplaces where nurses can seek help without fear for their careers.",
        ],
    },
    {
        "slug": "burnout-in-the-physician-assistant-profession",
        "title": "Burnout and Job and Career Satisfaction in the Physician Assistant "
        "Profession: A Review of the Literature",
        "type": "discussion-paper",
        "date": datetime.date(2018, 12, 1),
        "container": PERSPECTIVES,
        "topics": ["burnout", "physician-assistants"],
        "abstract": "A review of what published research says about burnout and about job and "
        "career satisfaction among physician assistants, and of the gaps that remain in "
        "that evidence.",
        "pdf": [
            "Physician assistants are a fast-growing part of the clinical workforce, yet "
            "burnout among them has been studied far less than among physicians and nurses.",
            "This review brings together the published studies of burnout, job satisfaction "
            "and career satisfaction in the profession and compares their methods and results.",
            "It closes with the questions researchers still need to answer, including how "
            "practice setting and specialty affect the well-being of physician assistants.",
        ],
    },
    {
        "slug": "implementing-optimal-team-based-care",
        "title": "Implementing Optimal Team-Based Care to Reduce Clinician Burnout",
        "type": "discussion-paper",
        "date": datetime.date(2018, 9, 17),
        "container": PERSPECTIVES,
        "topics": ["team-based-care", "burnout"],
        "abstract": "How well-designed care teams, with shared goals and clear roles, can "
        "lighten the load on each clinician, and what organizations need to put in place to "
        "make team-based care work.",
        "pdf": [
            "Care is increasingly delivered by teams, but a group of people working side by "
            "side is not yet a team. Well-functioning teams share goals, trust one another and "
            "divide the work according to each member's skills.",
            "When tasks such as documentation, medication reconciliation and follow-up calls "
            "are shared sensibly, clinicians regain time for patients and report less burnout.",
            "The paper describes the conditions organizations need to create: training, "
            "staffing, space, information systems and leaders who support the whole team.",
        ],
    },
    {
        "slug": "validated-instruments-work-related-well-being",
        "title": "Validated Instruments to Assess Work-Related Dimensions of Well-Being",
        "type": "validated-instrument",
        "date": datetime.date(2018, 10, 1),
        "topics": ["metrics", "burnout"],
        "featured": True,
        "working_group": "Research, Data, and Metrics",
        "abstract": "A summary of reliable, validated survey instruments that clinicians and "
        "organizations can use to measure burnout, engagement, professional satisfaction, "
        "well-being and suicidal ideation, with the strengths and limits of each.",
        "pdf": [
            "Organizations that want to improve clinician well-being need to measure it, act, "
            "and measure it again. The Research, Data and Metrics working group assembled "
            "instruments that make that cycle possible.",
            "The instruments cover burnout, engagement, professional satisfaction, overall "
            "well-being and suicidal ideation, and they can be used at every career stage.",
            "Each tool has advantages and drawbacks: some are short, some are free, and some "
            "suit particular professions or settings better than others.",
        ],
    },
    {
        "slug": "clinician-well-being-case-studies",
        "title": "Clinician Well-Being Case Studies",
        "type": "case-study",
        "date": datetime.date(2019, 1, 1),
        "topics": ["organizational-practice", "leadership"],
        "abstract": "Accounts of organizations whose initiatives supported the well-being of "
        "practicing clinicians, trainees or students and reduced burnout, offered as "
        "starting points for others facing similar problems.",
        "pdf": [
            "There is no single answer to clinician burnout, but organizations can learn from "
            "one another. These case studies describe initiatives that measurably improved "
            "well-being among clinicians, trainees and students.",
            "Each case explains the problem the organization faced, what it changed, what it "
            "cost and how it measured the result.",
            "Readers are encouraged to adapt the techniques and resources to their own "
            "settings rather than copy them wholesale.",
        ],
    },
    {
        "slug": "taking-action-against-clinician-burnout",
        "title": "Taking Action Against Clinician Burnout: A Systems Approach to Professional "
        "Well-Being",
        "type": "consensus-study-report",
        "date": datetime.date(2019, 10, 23),
        "topics": ["burnout", "organizational-practice", "leadership"],
        "featured": True,
        "abstract": "A consensus study report asking leaders of health care organizations, "
        "health professions schools, government and industry to make major improvements to "
        "clinical work and learning environments, so that burnout is prevented and "
        "professional well-being supported in every discipline and setting.",
        "pdf": [
            "Burnout is a product of the systems in which clinicians learn and work. Treating "
            "it as a failure of individual resilience has not worked.",
            "The committee recommends that health care organizations, schools of the health "
            "professions, government and industry make clinician well-being a priority and "
            "redesign the work and learning environment accordingly.",
            "Its recommendations cover leadership and measurement, the burden of documentation "
            "and regulation, technology design, the learning environment, and access to "
            "confidential support for clinicians who need it.",
        ],
    },
    {
        "slug": "organizational-practices-for-clinician-well-being",
        "title": "Organizational Evidence-Based and Promising Practices for Improving "
        "Clinician Well-Being",
        "type": "discussion-paper",
        "date": datetime.date(2020, 11, 2),
        "container": PERSPECTIVES,
        "topics": ["organizational-practice", "leadership"],
        "abstract": "What organizations can do, on the strength of current evidence and "
        "promising experience, to improve the well-being of their clinicians.",
        "pdf": [
            "Organizations shape the conditions of clinical work, so they hold many of the "
            "levers for improving well-being.",
            "This paper sorts organizational practices by the strength of the evidence behind "
            "them, from interventions tested in trials to promising approaches still being "
            "evaluated.",
            "It highlights leadership commitment, workload and workflow changes, peer support "
            "programmes and regular measurement as places to begin.",
        ],
    },
    {
        "slug": "clinician-well-being-during-covid-19",
        "group_author": COLLABORATIVE,
        "title": "Clinician Well-Being During COVID-19: Strategies and Resources",
        "type": "resource-collection",
        "date": datetime.date(2020, 4, 1),
        "topics": ["covid-19", "burnout"],
        "working_group": "Impacts of COVID-19",
        "abstract": "Strategies and resources gathered to support the health and well-being of "
        "clinicians caring for patients through the COVID-19 pandemic and the public health "
        "emergency that came with it.",
        "pdf": [
            "The COVID-19 pandemic placed extraordinary demands on clinicians and public health "
            "workers, on top of the burnout that already affected many of them.",
            "This collection gathers strategies and resources for individuals, teams and "
            "organizations: ways to meet basic needs, protect rest, find mental health support "
            "and keep teams connected.",
            "It will be updated as the pandemic and the evidence about its effects on the "
            "workforce develop.",
        ],
    },
    {
        "slug": "resource-compendium-health-care-worker-well-being",
        "title": "Resource Compendium for Health Care Worker Well-Being",
        "type": "resource-collection",
        "date": datetime.date(2021, 10, 1),
        "topics": ["organizational-practice", "leadership", "metrics"],
        "working_group": "Implementing Tools",
        "abstract": "A curated set of ready-to-use tools and strategies for leaders tackling "
        "the system causes of burnout, arranged under six essential elements from "
        "organizational commitment to a culture of connection and support.",
        "pdf": [
            "The compendium collects tools that are ready to use and strategies that address "
            "the system issues behind health care worker burnout.",
            "Resources are arranged in six essential elements: advancing organizational "
            "commitment, strengthening leadership behaviours, conducting workplace "
            "assessments, examining policies and practices, enhancing workplace efficiency, "
            "and cultivating a culture of connection and support.",
            "Leaders can start with any element, but lasting progress depends on attention "
            "to all six over time.",
        ],
    },
    {
        "slug": "national-plan-for-health-workforce-well-being",
        "group_author": COLLABORATIVE,
        "title": "National Plan for Health Workforce Well-Being",
        "type": "national-plan",
        "date": datetime.date(2022, 10, 1),
        "topics": ["burnout", "leadership", "organizational-practice"],
        "featured": True,
        "working_group": "National Strategy",
        "abstract": "A national plan that sets out priority areas and actions for health care, "
        "government, educators and others, to drive collective action that strengthens the "
        "well-being of the health workforce and restores the health of the nation.",
        "pdf": [
            "The health workforce entered the COVID-19 pandemic already strained and emerged "
            "from its worst years exhausted. Restoring the health of the nation depends on "
            "restoring the well-being of the people who care for it.",
            "The plan names priority areas for collective action, including supportive work "
            "and learning environments, mental health and stigma reduction, less "
            "administrative burden, effective technology, and the recruitment of the next "
            "generation of health workers.",
            "For each area it suggests who can act, from health systems and payers to "
            "educators, government and professional organizations.",
        ],
    },
]

SYNTHETIC_SUBJECTS = [
    "peer support programmes",
    "schedule flexibility",
    "after-hours inbox work",
    "moral injury",
    "psychological safety",
    "resident duty hours",
    "rural nursing teams",
    "pharmacist workload",
    "dental clinician stress",
    "coaching for physicians",
    "stigma and licensure questions",
    "scribes and documentation",
]
SYNTHETIC_FRAMES = [
    "Measuring {subject} in academic medical centres",
    "What we know about {subject}",
    "A practical guide to {subject}",
    "Lessons from {subject} during the pandemic",
    "{subject_title}: a multi-site case study",
]


def load(builder):
    types = {slug: _publication_type(name, slug, kind) for name, slug, kind in TYPES}
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in TOPICS
    }
    home = site_root()
    index = builder.page(
        home,
        PublicationIndexPage,
        "publications",
        title="Publications",
        introduction="Discussion papers, reports, commentaries and practical resources from "
        "the Collaborative and the National Academy of Medicine, to read, cite and share.",
        show_in_menus=True,
    )
    builder.add_to_navigation(index, "Publications")
    for spec in PUBLICATIONS:
        _publication(builder, index, spec, types, topics)
    extra = builder.synthetic_children_count(
        "publications", index, PublicationPage, SYNTHETIC_PREFIX, per_scale=len(PUBLICATIONS)
    )
    if extra:
        created = add_synthetic_publications(index, extra, list(types.values()), topics)
        builder.say(f"  {created} synthetic publications added")
    _knowledge_hub(builder, index, topics)


# The knowledge hub: each resource the Collaborative's resources page names, described in the
# project's own words, linking to the demo page that holds it. (kind, title, where it opens:
# a publication's slug, "about/<slug>" for a page of the About section, or an address; its
# summary; its topics.)
HUB_RESOURCES = [
    (
        ResourceKind.NATIONAL_PLAN,
        "National Plan for Health Workforce Well-Being",
        "national-plan-for-health-workforce-well-being",
        "Released by the Collaborative in October 2022: a plan for collective action to "
        "strengthen the well-being of the health workforce and, through it, the nation's "
        "health.",
        ["leadership", "organizational-practice"],
    ),
    (
        ResourceKind.REPORTS,
        "Taking Action Against Clinician Burnout",
        "taking-action-against-clinician-burnout",
        "The consensus study report asking leaders in care delivery, health professions "
        "education, government and industry to redesign clinical and learning environments "
        "so that burnout is prevented rather than endured.",
        ["burnout", "organizational-practice"],
    ),
    (
        ResourceKind.REPORTS,
        "Burnout Among Health Care Professionals",
        "burnout-among-health-care-professionals",
        "The 2017 discussion paper that framed burnout as an underrecognized threat to safe, "
        "high-quality care.",
        ["burnout"],
    ),
    (
        ResourceKind.TOOLKITS,
        "Resource Compendium for Health Care Worker Well-Being",
        "resource-compendium-health-care-worker-well-being",
        "Ready-to-use tools and system-level strategies, arranged under six essential "
        "elements, from organizational commitment and leadership to workplace efficiency "
        "and a culture of connection and support.",
        ["organizational-practice", "leadership"],
    ),
    (
        ResourceKind.INSTRUMENTS,
        "Validated Instruments to Assess Work-Related Dimensions of Well-Being",
        "validated-instruments-work-related-well-being",
        "A summary of established survey tools for measuring burnout, engagement and "
        "professional satisfaction, with what each does well and where it fits less well.",
        ["metrics", "burnout"],
    ),
    (
        ResourceKind.CASE_STUDIES,
        "Clinician Well-Being Case Studies",
        "clinician-well-being-case-studies",
        "Programs that supported practicing clinicians, trainees or students and reduced "
        "burnout, written up as starting points for organizations facing the same problems.",
        ["organizational-practice"],
    ),
    (
        ResourceKind.STRATEGIES,
        "Clinician Well-Being During COVID-19: Strategies and Resources",
        "clinician-well-being-during-covid-19",
        "Strategies and resources gathered by the Collaborative to support the health and "
        "well-being of clinicians caring for patients during the COVID-19 pandemic.",
        ["covid-19"],
    ),
    (
        ResourceKind.CONCEPTUAL_MODEL,
        "Factors Affecting Clinician Well-Being and Resilience",
        "about/conceptual-model",
        "The conceptual model of what shapes clinician well-being across professions, "
        "settings and career stages; a way to understand well-being, not a diagnostic tool.",
        ["burnout"],
    ),
    (
        ResourceKind.CONCEPTUAL_MODEL,
        "A Journey to Construct an All-Encompassing Conceptual Model",
        "conceptual-model-of-clinician-well-being",
        "The discussion paper that tells how the Conceptual Model working group built the "
        "model, and how individuals and organizations can use it.",
        ["burnout"],
    ),
    (
        ResourceKind.EXTERNAL,
        "National Suicide Prevention Lifeline: call or text 988",
        "tel:988",
        "Free and confidential emotional support, 24 hours a day, 7 days a week, for anyone "
        "who is feeling distressed, and for those worried about a loved one.",
        ["suicide-prevention"],
    ),
]


def _knowledge_hub(builder, publications, topics):
    home = site_root()
    hub = builder.page(
        home,
        KnowledgeHubPage,
        "knowledge-hub",
        title="Clinician Well-Being Knowledge Hub",
        introduction="Research, tools and guidance for anyone working to support clinician "
        "well-being, gathered by kind.",
        body="<p>The knowledge hub collects peer-reviewed research, personal stories, "
        "toolkits and presentations that health system leaders and clinicians can use to "
        "build a system in which clinicians thrive. It received an Award of Excellence at "
        "the 24th Annual Communicator Awards.</p>",
        show_in_menus=True,
    )
    if not isinstance(hub, KnowledgeHubPage):
        builder.say("  a page at /knowledge-hub/ is not a knowledge hub: resources left out")
        return
    builder.add_to_navigation(hub, "Knowledge hub", position=1)
    if hub.resources.exists():
        return
    about = StandardPage.objects.child_of(home).filter(slug="about").first()
    for kind, title, target, summary, topic_slugs in HUB_RESOURCES:
        resource = HubResource(kind=kind, title=title, summary=summary)
        if target.startswith("tel:"):
            resource.link_url = target
        elif target.startswith("about/"):
            resource.link_page = about and about.get_children().filter(slug=target[6:]).first()
        else:
            resource.link_page = publications.get_children().filter(slug=target).first()
        if resource.link_page is None and not resource.link_url:
            continue
        resource.topics = [topics[slug] for slug in topic_slugs]
        hub.resources.add(resource)
    hub.save_revision().publish()
    builder.say(f"  the knowledge hub with {hub.resources.count()} resources")


def _publication_type(name, slug, kind):
    return PublicationType.objects.get_or_create(
        slug=slug, defaults={"name": name, "citation_kind": kind}
    )[0]


def _person(slug):
    from community.models import Person

    name, organization = PEOPLE[slug]
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        person = Person.objects.create(slug=slug, name=name, organization=organization)
    return person


def _working_group(title_fragment):
    return WorkingGroupPage.objects.live().filter(title__icontains=title_fragment).first()


def _publication(builder, index, spec, types, topics):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    document = builder.document(spec["title"], spec["pdf"])
    document.get_file_size()  # stored once, so the page can show the PDF's size
    page = PublicationPage(
        slug=spec["slug"],
        title=spec["title"],
        publication_type=types[spec["type"]],
        publication_date=spec["date"],
        container_title=spec.get("container", ""),
        publisher=spec.get("publisher", NAM),
        group_author="" if spec.get("authors") else spec.get("group_author", NAM),
        doi=spec.get("doi", ""),
        abstract=spec["abstract"],
        document=document,
        featured=spec.get("featured", False),
        related_working_group=_working_group(spec["working_group"])
        if spec.get("working_group")
        else None,
    )
    page.topics = [topics[slug] for slug in spec["topics"]]
    page.authors = [PublicationAuthor(person=_person(slug)) for slug in spec.get("authors", [])]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_synthetic_publications(index, count, types, topics):
    """Insert ``count`` live publications under ``index`` in bulk (``bulk_add_children``:
    no revisions, no per-page tree locking), so ten thousand take seconds. Idempotent by
    slug."""
    have = child_slugs(index, SYNTHETIC_PREFIX)
    wanted = [f"{SYNTHETIC_PREFIX}{number:05d}" for number in range(1, count + 1)]
    missing = [slug for slug in wanted if slug not in have]
    if not missing:
        return 0
    topic_list = list(topics.values())
    rng = random.Random(20170701)
    publications, chosen_topics = [], []
    for slug in missing:
        number = int(slug.removeprefix(SYNTHETIC_PREFIX))
        subject = SYNTHETIC_SUBJECTS[number % len(SYNTHETIC_SUBJECTS)]
        frame = SYNTHETIC_FRAMES[(number // len(SYNTHETIC_SUBJECTS)) % len(SYNTHETIC_FRAMES)]
        title = frame.format(subject=subject, subject_title=subject.capitalize())
        publications.append(
            PublicationPage(
                title=f"{title[0].upper()}{title[1:]} ({number})",
                slug=slug,
                publication_type=types[number % len(types)],
                publication_date=datetime.date(2017 + number % 9, 1 + number % 12, 1),
                container_title=PERSPECTIVES if number % 3 == 0 else "",
                abstract=f"A synthetic publication about {subject}, generated so that "
                "listings, search and feeds can be measured at scale.",
                featured=False,
            )
        )
        chosen_topics.append(rng.sample(topic_list, 1 + number % 3))
    bulk_add_children(index, publications)
    through = PublicationPage.topics.through
    through.objects.bulk_create(
        [
            through(publicationpage_id=publication.pk, topic_id=topic.pk)
            for publication, chosen in zip(publications, chosen_topics, strict=True)
            for topic in chosen
        ],
        batch_size=1000,
    )
    return len(missing)
