from web.cookies import reader_preferences


def reader_options(request):
    """The reader's choices (larger text, high contrast) for the layout."""
    prefs = reader_preferences(request)
    return {
        "large_text": prefs.get("tekst") == "duzy",
        "high_contrast": prefs.get("kontrast") == "wysoki",
    }
