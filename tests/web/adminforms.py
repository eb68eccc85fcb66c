"""Read an admin change form from its HTML, so tests can post it back as a browser would."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.fields = []  # (name, value) in document order
        self._textarea = None
        self._select = None
        self._select_options = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
            self._select_options = []
        elif tag == "option" and self._select:
            self._select_options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # The browser drops one newline right after <textarea>.
            name, value = self._textarea
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._select_options if selected]
            for value in chosen:
                self.fields.append((self._select, value))
            self._select = None
        elif tag == "form":
            self.in_form = False


def form_fields(html):
    """The admin form's (name, value) pairs, as the browser would submit them unchanged."""
    parser = _FormParser()
    parser.feed(html)
    return parser.fields


def as_post_data(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
