from django.views.generic import TemplateView


class CurrentPollView(TemplateView):
    template_name = "survey/poll_current.html"
