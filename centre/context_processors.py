from django.utils.functional import SimpleLazyObject

from centre.models import Centre


def get_centre(request):
    """The centre with phones and hours, loaded at most once per request."""
    if not hasattr(request, "centre"):
        request.centre = SimpleLazyObject(Centre.load)
    return request.centre


def centre(request):
    return {"centre": get_centre(request)}
