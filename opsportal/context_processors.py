from django.utils.functional import SimpleLazyObject

from opsportal.cookies import reader_preferences
from opsportal.models import Centre


def get_centre(request):
    """The centre with phones and hours, loaded at most once per request."""
    if not hasattr(request, "_centre"):
        request._centre = SimpleLazyObject(Centre.load)
    return request._centre


def centre(request):
    prefs = reader_preferences(request)
    return {
        "centre": get_centre(request),
        "large_text": prefs.get("tekst") == "duzy",
        "high_contrast": prefs.get("kontrast") == "wysoki",
    }
