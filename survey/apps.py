from django.apps import AppConfig
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from survey.cookies import COOKIES
from web import pagecache, signals

# Ballots change the poll's pages only: a stream of votes leaves every other
# cached page alone.
BALLOTS = "ballots"


class SurveyConfig(AppConfig):
    name = "survey"
    verbose_name = _("Ankiety i głosy")
    # Listed by the privacy notice (web.cookies.site_cookies).
    cookies = COOKIES

    def ready(self):
        ballot = self.get_model("Ballot")
        # The rows the flood limit locks (survey.voting) show on no page.
        not_content = {ballot, self.get_model("VotingAddress")}
        signals.watch(model for model in self.get_models() if model not in not_content)
        signals.watch([ballot], tag=BALLOTS)
        pagecache.tag_pages(reverse_lazy("survey:current"), BALLOTS)
