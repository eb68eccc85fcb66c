from django.views.generic import TemplateView


class AreaListView(TemplateView):
    template_name = "communities/area_list.html"
