"""The projects' line on the admin's start page (core.attention): projects past their
end date still marked as under way."""

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext

from core import attention
from projects.models import Project, ProjectStatus


def overdue_projects(context):
    if not attention.may_change(context.user, Project):
        return []
    overdue = Project.objects.filter(
        status=ProjectStatus.ONGOING, end_date__lt=context.today
    ).order_by("end_date", "pk")
    return attention.bounded(
        overdue,
        Project,
        lambda project: attention.Attention(
            attention.DEADLINES,
            f"{capfirst(Project._meta.verbose_name)}: {project}",
            gettext(
                "miał się zakończyć %(date)s, a wciąż jest „%(status)s”: zmień etap "
                "albo datę zakończenia"
            )
            % {
                "date": formats.date_format(project.end_date, "j E Y \\r."),
                "status": ProjectStatus.ONGOING.label,
            },
            attention.change_url(project),
        ),
        attention.DEADLINES,
    )


ATTENTION_SOURCES = [overdue_projects]
