"""People and organizations of the Collaborative, split by domain."""

from community.models.organizations import (
    NetworkOrganization,
    NetworkOrganizationIndexPage,
)
from community.models.people import PeoplePage, PeoplePagePerson, Person
from community.models.statements import CommitmentStatementPage
from community.models.submissions import CommitmentStatementSubmission
from community.models.working_groups import (
    WorkingGroupIndexPage,
    WorkingGroupMember,
    WorkingGroupPage,
)

__all__ = [
    "CommitmentStatementPage",
    "CommitmentStatementSubmission",
    "NetworkOrganization",
    "NetworkOrganizationIndexPage",
    "PeoplePage",
    "PeoplePagePerson",
    "Person",
    "WorkingGroupIndexPage",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
