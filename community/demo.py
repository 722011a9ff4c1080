"""Demo content of the community app: leadership and staff, the eight working groups, the
sponsors and network organizations with their commitment statements, and the statement form.

Names, titles, roles, phases and the list of organizations come from the Collaborative's
public pages; every sentence is the project's own. The organizations the seeds list are the
Collaborative's sponsors (the list follows the note that no more formal sponsors are needed),
shown by name only: the seeds do not give the words of their statements, so the statements
the demo shows belong to a few fictional organizations marked as sample content;
for benchmarks, ``--scale N`` adds (N - 1) x 100 fictional network organizations and
``--organizations N`` (or ``--large``) tops them up to N organizations in all, in bulk.
"""

from django.utils import timezone
from django.utils.text import slugify

from community.models import (
    CommitmentStatementPage,
    NetworkOrganization,
    NetworkOrganizationIndexPage,
    PeoplePage,
    PeoplePagePerson,
    Person,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from community.models.organizations import OrganizationKind, initial_of
from community.models.people import PeopleGroup
from community.models.submissions import text_to_rich_text
from demo.builder import site_root

NAM = "National Academy of Medicine"
PERSPECTIVE = (
    "“To Care Is Human”, a Perspective in the New England Journal of Medicine on the "
    "epidemic of clinician burnout and the Collaborative's response"
)

# slug, name, role title, organization, group, bio
PEOPLE = [
    (
        "victor-dzau",
        "Victor Dzau",
        "President",
        NAM,
        PeopleGroup.CHAIR,
        "Victor Dzau, President of the National Academy of Medicine, chairs the Action "
        "Collaborative, which the Academy launched in 2017. With the co-chairs Darrell Kirch "
        f"and Thomas Nasca he wrote {PERSPECTIVE}.",
    ),
    (
        "darrell-kirch",
        "Darrell Kirch",
        "Co-chair of the Action Collaborative",
        "",
        PeopleGroup.CO_CHAIR,
        "Darrell Kirch is one of the Collaborative's two co-chairs. With Victor Dzau and "
        f"Thomas Nasca he wrote {PERSPECTIVE}.",
    ),
    (
        "thomas-nasca",
        "Thomas Nasca",
        "Co-chair of the Action Collaborative",
        "",
        PeopleGroup.CO_CHAIR,
        "Thomas Nasca is one of the Collaborative's two co-chairs. With Victor Dzau and "
        f"Darrell Kirch he wrote {PERSPECTIVE}.",
    ),
    ("charlee-alexander", "Charlee Alexander", "Program Officer", NAM, PeopleGroup.STAFF, ""),
    ("ivory-clarke", "Ivory Clarke", "Associate Program Officer", NAM, PeopleGroup.STAFF, ""),
    ("marc-meisnere", "Marc Meisnere", "Associate Program Officer", NAM, PeopleGroup.STAFF, ""),
    ("mariana-zindel", "Mariana Zindel", "Research Assistant", NAM, PeopleGroup.STAFF, ""),
    ("imani-rickerby", "Imani Rickerby", "Program Assistant", NAM, PeopleGroup.STAFF, ""),
    ("sharyl-nass", "Sharyl Nass", "Board Director", NAM, PeopleGroup.STAFF, ""),
]

# title, phase, start, end, charge, body paragraphs
WORKING_GROUPS = [
    (
        "Research, Data, and Metrics",
        "phases-1-2",
        2017,
        2020,
        "Find trustworthy ways to measure burnout, well-being and suicidal thoughts among "
        "clinicians at every stage of their careers, and organize the evidence on promising "
        "practices and metrics.",
        [
            "The group gathered survey instruments with good evidence of validity and "
            "reliability, so that organizations can measure clinician well-being, act, and "
            "measure again. Each instrument has its own strengths and limits, and the summary "
            "the group assembled helps readers choose among them."
        ],
    ),
    (
        "Conceptual Model",
        "phases-1-2",
        2017,
        2020,
        "Draw one model of the factors, inside and outside the workplace, that shape "
        "clinician well-being and resilience, and link them to outcomes for clinicians, "
        "patients and the health system.",
        [
            "The resulting model covers every health profession, specialty, setting and career "
            "stage, students included, and is meant to help people understand burnout rather "
            "than to diagnose it. A NAM discussion paper tells how it was built."
        ],
    ),
    (
        "Engaging Leadership",
        "phases-1-2",
        2017,
        2020,
        "Identify evidence-based ways to bring the leaders of health care organizations into "
        "the work of improving clinician well-being, and to help them act on it.",
        [],
    ),
    (
        "Breaking the Culture of Silence",
        "phases-1-2",
        2017,
        2020,
        "Bring clinician distress, burnout, depression and suicide into the open, and reduce "
        "the stigma that keeps clinicians from asking for help.",
        [],
    ),
    (
        "Workload and Workflow",
        "phases-1-2",
        2017,
        2020,
        "Look for ways to lighten the work that wears clinicians down, from the design of "
        "daily workflows to documentation in electronic health records.",
        [],
    ),
    (
        "A National Strategy for Clinician Well-Being",
        "phase-3",
        2021,
        2022,
        "Lay the groundwork for a national strategy for clinician well-being by bringing key "
        "health care stakeholders together and keeping them engaged, resourced and "
        "accountable.",
        [
            "This work led to the National Plan for Health Workforce Well-Being, which the "
            "Collaborative published in October 2022 to drive collective action across the "
            "health system."
        ],
    ),
    (
        "Implementing Tools to Improve Clinician Well-Being",
        "phase-3",
        2021,
        2022,
        "Speed the adoption of evidence-based practices, and help health care leaders put "
        "proven tools to work for the clinicians on the front lines of care.",
        [],
    ),
    (
        "Navigating the Impacts of COVID-19 on Clinician Well-Being",
        "phase-3",
        2021,
        2022,
        "Support the health workforce through the pandemic, and turn its lessons, through "
        "continuous learning and feedback, into approaches that last.",
        [],
    ),
]

# The organizations the seeds list. Only their names are shown: the seeds do not give the
# words of their commitment statements, and the demo writes none for them.
SPONSORS = [
    "ABFM Foundation",
    "Accreditation Council for Continuing Medical Education",
    "Accreditation Council for Graduate Medical Education",
    "Alliance of Independent Academic Medical Centers",
    "American Academy of Family Physicians",
    "American Academy of Neurology",
    "American Academy of Pediatrics",
    "American Association of Colleges of Nursing",
    "American Association of Colleges of Osteopathic Medicine",
    "American Association of Critical-Care Nurses",
    "American Board of Internal Medicine and the ABIM Foundation",
    "American Board of Medical Specialties",
    "American College of Emergency Physicians",
    "American College of Physicians",
    "American College of Surgeons",
    "American College of Obstetricians and Gynecologists",
    "American Dental Education Association",
    "American Hospital Association",
    "American Medical Association",
    "American Nurses Association",
    "American Osteopathic Association",
    "American Psychiatric Association",
    "American Society of Anesthesiologists",
    "American Society of Health-System Pharmacists",
    "Association of American Medical Colleges (with support from Centers for Disease Control "
    "and Prevention)",
    "Cleveland Clinic",
    "Council of Medical Specialty Societies",
    "Federation of State Medical Boards and Federation of State Medical Boards Foundation",
    "IBM Watson Health",
    "Johns Hopkins Medicine",
    "Massachusetts General Hospital",
    "Society for Academic Emergency Medicine and Association of Academic Chairs of Emergency "
    "Medicine",
    "Society of Neurological Surgeons",
    "UAB Medicine",
    "UnitedHealth Group",
    "University Health Network",
]

# Fictional network organizations, so that the demo can show what a statement looks like.
# Their names say they are samples; each is flagged as sample content, which the admin lists
# and the public pages announce.
SAMPLE_ORGANIZATIONS = [
    (
        "Larkspur Valley Health (sample)",
        [
            "Larkspur Valley Health, a regional health system invented for this demonstration, "
            "treats clinician well-being as part of the quality and safety of care.",
            "Each spring it surveys its clinicians for burnout with a validated instrument, "
            "shares the results with its staff, and names one change it will make in response.",
        ],
        True,
    ),
    (
        "Quillfeather School of Nursing (sample)",
        [
            "The Quillfeather School of Nursing is an invented school that shows how a "
            "statement reads on this site.",
            "It promises protected reflection time in every clinical rotation and a peer "
            "support circle run by its students.",
        ],
        False,
    ),
    (
        "Society of Imaginary Pharmacists (sample)",
        [
            "This society does not exist; its statement illustrates what a professional "
            "association might commit to.",
            "It will ask its members once a year what in their work wears them down, and bring "
            "the answers to the bodies that set pharmacy rules.",
        ],
        False,
    ),
    (
        "Moonrise Community Clinic (sample)",
        [
            "Moonrise Community Clinic is a made-up clinic whose statement stands in for a small "
            "practice's commitment.",
            "Its team meets for five minutes at the start of each day, and routine forms have "
            "moved from clinicians to a shared front-desk queue.",
        ],
        False,
    ),
]

# Statements of the fictional benchmark organizations (``--scale``), rotated.
STATEMENT_PROMISES = [
    (
        "{name} commits to treating clinician well-being as a measure of the quality and "
        "safety of care, not as a private matter for each clinician.",
        "We will measure burnout among the people we serve, share what we learn, and act on it.",
    ),
    (
        "{name} pledges to help reverse the trend of clinician burnout by reducing the "
        "burdens that take clinicians away from their patients.",
        "We will review our own requirements for their effect on clinicians' time and "
        "workload, and work with partners across the Collaborative to do the same.",
    ),
    (
        "{name} stands with the Action Collaborative in making clinician well-being a "
        "national priority.",
        "We will bring the evidence on burnout and resilience to our members, and speak "
        "openly about distress, depression and suicide so that no clinician suffers in "
        "silence.",
    ),
    (
        "{name} supports the Collaborative's three goals: to understand what threatens "
        "clinician well-being, to make burnout visible, and to advance solutions.",
        "We will support research on what works, and help our community put proven "
        "approaches into practice.",
    ),
]

# Fictional names for ``--scale``: network organizations spread over the alphabet.
SYNTHETIC_PLACES = [
    "Aspen Ridge", "Bayview", "Cedar Valley", "Driftwood", "Elm Grove", "Fairhaven",
    "Glenwood", "Harbor Point", "Ironwood", "Juniper Hills", "Kestrel Bay", "Lakeshore",
    "Maple Crest", "Northgate", "Oakmont", "Pine Hollow", "Quarry Falls", "Riverbend",
    "Stonebridge", "Tamarack", "Upland", "Valley Forge", "Willowbrook", "Yellow Birch",
    "Zephyr Plains",
]  # fmt: skip
SYNTHETIC_KINDS = [
    "Health System", "Nurses Association", "Medical Society", "School of Medicine",
    "Community Hospital", "Pharmacists Alliance", "Physician Assistants Society",
]  # fmt: skip
SYNTHETIC_PER_SCALE = 100


def load(builder):
    home = site_root()
    about = home.get_children().get(slug="about")
    people = _people(builder)
    _people_page(builder, about, people)
    # Working groups and the network are top-level sections with their own menu entries.
    index = _working_groups(builder, home)
    organizations_index = _organizations(builder, home)
    _statement_form(builder, organizations_index)
    builder.add_to_navigation(index, "Working groups")
    builder.add_to_navigation(organizations_index, "Network")


def _people(builder):
    people = {}
    for slug, name, role_title, organization, _group, bio in PEOPLE:
        person = Person.objects.filter(slug=slug).first()
        if person is None:
            person = Person.objects.create(
                slug=slug,
                name=name,
                role_title=role_title,
                organization=organization,
                bio=f"<p>{bio}</p>" if bio else "",
            )
            person.save_revision().publish()
            builder.say(f"  created person {name}")
        people[slug] = person
    return people


def _people_page(builder, about, people):
    placements = [
        PeoplePagePerson(person=people[slug], group=group, sort_order=number)
        for number, (slug, _n, _r, _o, group, _b) in enumerate(PEOPLE)
    ]
    return builder.page(
        about,
        PeoplePage,
        "people",
        title="Leadership and staff",
        introduction="The Collaborative is chaired by the President of the National Academy "
        "of Medicine with two co-chairs, and run by a small staff at the Academy.",
        show_in_menus=True,
        placements=placements,
    )


def _working_groups(builder, parent):
    index = builder.page(
        parent,
        WorkingGroupIndexPage,
        "working-groups",
        title="Working groups",
        introduction="The Collaborative does its work in working groups. Five met during "
        "Phases I and II (2017 to 2020); three more took up the work in Phase III (2021 to "
        "2022).",
        show_in_menus=True,
    )
    for title, phase, start, end, charge, paragraphs in WORKING_GROUPS:
        builder.page(
            index,
            WorkingGroupPage,
            _slug(title),
            title=title,
            charge=charge,
            phase=phase,
            start_year=start,
            end_year=end,
            body=[{"type": "rich_text", "value": text_to_rich_text(p)} for p in paragraphs],
        )
    return index


def _organizations(builder, parent):
    index = builder.page(
        parent,
        NetworkOrganizationIndexPage,
        "network-organizations",
        title="Network organizations and sponsors",
        introduction="More than 200 organizations have joined the Collaborative's network, "
        "and many have published a statement of what they will do for clinician well-being.",
        sponsors_heading="Our sponsors",
        sponsors_text="The National Academy of Medicine thanks the sponsors of the Action "
        "Collaborative for their support.",
        body="<p>Network organizations are not formal sponsors: they commit, in public, to "
        "improving the well-being of clinicians and take part in the Collaborative's work. "
        "Any organization that has acted, or is ready to act, against clinician burnout is "
        "welcome to join by sending a commitment statement.</p>",
        show_in_menus=True,
    )
    for name in SPONSORS:
        _organization(name, OrganizationKind.SPONSOR)
    for name, paragraphs, with_document in SAMPLE_ORGANIZATIONS:
        _sample_organization(builder, name, paragraphs, with_document)
    extra = builder.synthetic_count(
        "organizations", len(SPONSORS) + len(SAMPLE_ORGANIZATIONS), per_scale=SYNTHETIC_PER_SCALE
    )
    if extra:
        created = _synthetic_organizations(extra)
        builder.say(f"  {created} fictional network organizations added ({extra} wanted)")
    return index


def _synthetic_name(number):
    place = SYNTHETIC_PLACES[number % len(SYNTHETIC_PLACES)]
    kind = SYNTHETIC_KINDS[(number // len(SYNTHETIC_PLACES)) % len(SYNTHETIC_KINDS)]
    round_number = number // (len(SYNTHETIC_PLACES) * len(SYNTHETIC_KINDS))
    return f"{place} {kind}" + (f" {round_number + 1}" if round_number else "")


def _synthetic_organizations(count):
    """``count`` fictional network organizations, live, half with a statement, inserted in
    bulk (no revisions; the search index is rebuilt afterwards). Idempotent by slug."""
    names = {
        _slug(_synthetic_name(number)): (number, _synthetic_name(number)) for number in range(count)
    }
    have = set(
        NetworkOrganization.objects.filter(slug__in=list(names)).values_list("slug", flat=True)
    )
    now = timezone.now()
    rows = []
    for slug, (number, name) in names.items():
        if slug in have:
            continue
        statement = ""
        if number % 2 == 0:
            promise, action = STATEMENT_PROMISES[number % len(STATEMENT_PROMISES)]
            statement = text_to_rich_text(f"{promise.format(name=name)}\n\n{action}")
        rows.append(
            NetworkOrganization(
                name=name,
                slug=slug,
                kind=OrganizationKind.NETWORK,
                statement_text=statement,
                # What save() would work out, since bulk_create does not call it.
                has_statement=bool(statement),
                is_sample_content=True,
                initial=initial_of(name),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    NetworkOrganization.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _organization(name, kind):
    """A real organization from the seeds: its name only."""
    slug = _slug(name)
    if NetworkOrganization.objects.filter(slug=slug).exists():
        return
    organization = NetworkOrganization(name=name, slug=slug, kind=kind)
    organization.save()
    organization.save_revision().publish()


def _sample_organization(builder, name, paragraphs, with_document):
    """A fictional network organization with a statement written for the demo."""
    slug = _slug(name)
    if NetworkOrganization.objects.filter(slug=slug).exists():
        return
    organization = NetworkOrganization(
        name=name,
        slug=slug,
        kind=OrganizationKind.NETWORK,
        is_sample_content=True,
        statement_text=text_to_rich_text("\n\n".join(paragraphs)),
    )
    if with_document:
        organization.statement_document = builder.document(
            f"{name}: commitment statement",
            paragraphs + ["Sample content: this organization and its statement are fictional."],
            heading=f"{name}: our commitment to clinician well-being",
        )
    organization.save()
    organization.save_revision().publish()


def _statement_form(builder, organizations_index):
    return builder.page(
        organizations_index,
        CommitmentStatementPage,
        "submit-a-commitment-statement",
        title="Submit a commitment statement",
        introduction="<p>Has your organization acted, or is it ready to act, to reverse "
        "clinician burnout? Tell us in a commitment statement and become a network "
        "organization of the Action Collaborative.</p><p>A statement describes your goals "
        "for improving clinician well-being. Staff read every statement before it is "
        "published in the list of network organizations.</p>",
        thank_you_text="<p>Our staff will read your statement and may write to you with "
        "questions. Once it is approved, your organization will appear among the network "
        "organizations with its statement.</p>",
    )


def _slug(text):
    return slugify(text)[:200]
