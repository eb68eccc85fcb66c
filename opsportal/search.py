"""Site search over projects, community areas, activity sites, initiatives and events.

Residents type Polish as they can: without diacritics ("dlugu"), in capitals,
in another grammatical case ("bezdomnych" for a text saying "osoby bezdomne").
Both the query and the texts are folded to lowercase ASCII, and every query
word is cut down to a stem that must begin some word of the text.

On PostgreSQL that is full-text search: ``to_tsvector('simple',
unaccent(lower(…)))`` matched with prefix queries (``'bezdomn':*``) and ranked
with ``ts_rank``. SQLite has neither, so the same folding runs as a Python
function registered on the connection and the stems are matched with LIKE on
word starts: the same rows come back on both databases.

Each kind of result costs one query whatever the amount of content: related
texts (goals, partners, streets…) are aggregated in subqueries, the group's
total comes from a window function, and only the first rows are fetched.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from communities.models import (
    ActivitySite,
    CommunityArea,
    Event,
    Initiative,
    Specialist,
    Specialty,
    Street,
)
from projects.models import Partnership, Project, SpecificGoal

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_WORD_LENGTH = 2
MIN_STEM_LENGTH = 4
RESULTS_PER_KIND = 20
SNIPPET_WORDS = 28

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "ø": "o", "æ": "ae"})
# Letters and digits only: nothing a tsquery or LIKE pattern could read as syntax.
_WORD = re.compile(r"[^\W_]+")
# Words that would match almost everything, or prefixes of an address.
STOP_WORDS = {"i", "w", "z", "na", "do", "od", "po", "dla", "oraz", "ul", "al", "os", "pl"}
# Polish inflectional endings, folded to ASCII; the longest that leaves a stem
# of MIN_STEM_LENGTH letters is cut. Rough, but "bezdomnych", "bezdomna" and
# "bezdomności" all come down to "bezdomn".
_ENDINGS = sorted(
    {
        *("osciami", "osciach", "owania", "owanie", "owaniu", "osci", "osc"),
        *("owych", "owymi", "owego", "owemu", "owej", "owym", "owa", "owe", "owy"),
        *("iami", "iach", "ach", "ami", "ych", "ich", "ymi", "imi", "ego", "emu", "owi"),
        *("iego", "iej", "iem", "zy", "ow", "om", "ie", "ej", "em", "iu", "ia"),
        *("y", "a", "e", "i", "o", "u"),
    },
    key=len,
    reverse=True,
)

SQLITE_FOLD = "opsportal_fold"

# SQL of expressions that read only a row's own columns, by kind, name and vendor.
_OWN_COLUMNS_SQL = {}


class _CombiningMarks(dict):
    """A ``str.translate`` table that deletes combining marks, filled as characters are met."""

    def __missing__(self, code):
        verdict = self[code] = None if unicodedata.combining(chr(code)) else code
        return verdict


_DROP_COMBINING = _CombiningMarks()


def fold(text):
    """'Mieszkanie bez DŁUGU' → 'mieszkanie bez dlugu'."""
    text = str(text)
    if text.isascii():
        # Nothing to translate, decompose or drop: the same as the long way, only faster.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE).casefold())
    return text.translate(_DROP_COMBINING)


def words(text):
    return _WORD.findall(fold(text))


def stem(word):
    """The folded ``word`` without its Polish ending: 'bezdomnych' → 'bezdomn'."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


def folded_words(text):
    """The indexed form for SQLite: ' word word ', so ' stem' finds a word start."""
    if text is None:
        return None
    return f" {' '.join(words(text))} "


def _printable(text):
    # NUL, control characters and lone surrogates cannot be stored, encoded or
    # shown back; they are never part of what a resident meant to look for.
    return "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"} else ch
        for ch in text
    )


@dataclass
class Query:
    text: str = ""
    stems: tuple = ()
    shortened: bool = False

    @classmethod
    def parse(cls, raw):
        text = " ".join(_printable(raw or "").split())
        shortened = len(text) > MAX_QUERY_LENGTH
        if shortened:
            cut = text[:MAX_QUERY_LENGTH]
            # Keep whole words: half a word would look for something else.
            if text[MAX_QUERY_LENGTH] != " " and " " in cut:
                cut = cut.rsplit(" ", 1)[0]
            text = cut.strip()
        stems = []
        for word in words(text):
            if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS:
                continue
            word_stem = stem(word)
            if word_stem not in stems:
                stems.append(word_stem)
        return cls(text=text, stems=tuple(stems[:MAX_TERMS]), shortened=shortened)

    @property
    def problem(self):
        """Why nothing was searched for, in words for the resident; '' when searching."""
        if not self.text:
            return _("Wpisz, czego szukasz: na przykład nazwę projektu, osiedla albo ulicy.")
        if not self.stems:
            return _(
                "Wpisz co najmniej jedno słowo z dwóch lub więcej liter albo cyfr, "
                "na przykład „mieszkanie” albo „Gutwin”."
            )
        return ""


class Matcher:
    """Whether a word begins with one of the query's stems, each distinct word folded once.

    One search looks at the same words many times (to rank, to find a snippet, to
    highlight it), so the verdicts are kept for as long as the matcher lives.
    """

    def __init__(self, stems):
        self.stems = tuple(stems)
        self._verdicts = {}

    def __call__(self, word):
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = fold(word).startswith(self.stems)
        return verdict


def _matcher(stems):
    return stems if isinstance(stems, Matcher) else Matcher(stems)


def highlight(text, stems):
    """``text`` escaped, with the words the query found wrapped in <mark>.

    ``stems`` is a sequence of stems or a :class:`Matcher`.
    """
    is_match = _matcher(stems)
    parts = []
    position = 0
    for match in _WORD.finditer(text):
        if is_match(match.group()):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 — every piece is escaped above


def excerpt(text, stems, length=SNIPPET_WORDS, always=False):
    """About ``length`` words of ``text`` around its first match, highlighted.

    None when nothing matches, unless ``always``: then the beginning of the text.
    """
    is_match = _matcher(stems)
    pieces = text.split()
    first = next(
        (i for i, piece in enumerate(pieces) if any(map(is_match, _WORD.findall(piece)))), None
    )
    if first is None:
        if not always:
            return None
        first = 0
    start = max(0, first - length // 3)
    end = min(len(pieces), start + length)
    shown = " ".join(pieces[start:end])
    return mark_safe(  # noqa: S308 — highlight escapes
        ("… " if start else "") + highlight(shown, is_match) + (" …" if end < len(pieces) else "")
    )


def hit_count(texts, stems):
    is_match = _matcher(stems)
    return sum(sum(map(is_match, _WORD.findall(text or ""))) for text in texts)


class Joined(Aggregate):
    """The values of a group joined with spaces: STRING_AGG or GROUP_CONCAT."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ' ')",
            **extra_context,
        )


class JoinedText(Func):
    """Texts joined with spaces in one flat expression (nested CONCATs overflow SQLite's parser)."""

    template = "%(expressions)s"
    arg_joiner = " || ' ' || "
    output_field = TextField()


def _joined(model, owner_field, value):
    """A subquery with the ``value`` of every ``model`` row of the outer row, joined."""
    rows = model.objects.filter(**{owner_field: OuterRef("pk")}).order_by()
    return Coalesce(
        Subquery(rows.values(owner_field).annotate(joined=Joined(value)).values("joined")[:1]),
        Value(""),
        output_field=TextField(),
    )


@dataclass
class Hit:
    title: str
    url: str
    meta: str = ""
    snippet: str = ""


@dataclass
class Group:
    key: str
    heading: str
    total: int
    hits: list = field(default_factory=list)

    @property
    def count_text(self):
        return KINDS_BY_KEY[self.key].count_text(self.total)

    @property
    def more(self):
        return self.total - len(self.hits)


@dataclass
class Results:
    query: Query
    groups: list

    @property
    def total(self):
        return sum(group.total for group in self.groups)


class Kind:
    """One kind of result: its published rows, searchable texts and how a hit reads."""

    model = None
    key = ""
    heading = ""
    title_field = ""
    # Text columns of the row itself (or across to-one relations).
    fields = ()
    # Texts of to-many relations: {attribute: (model, owner field, value)}.
    related = {}

    def queryset(self, now):
        raise NotImplementedError

    def count_text(self, count):
        raise NotImplementedError

    def extra_match(self, word_stem):
        """A condition that also satisfies ``word_stem``, beyond the row's texts."""
        return None

    def texts(self, obj):
        """(label, text) pairs in the order a snippet is looked for.

        The label is None for the row's own words, otherwise a lazy translation:
        every row's texts are read to rank it, while a label is shown at most once.
        """
        raise NotImplementedError

    def meta(self, obj):
        return ""

    def hit(self, obj, texts, matcher):
        """``obj`` as a :class:`Hit`; ``texts`` are its :meth:`texts`."""
        texts = [(label, text) for label, text in texts if text and text.strip()]
        snippet = ""
        for label, text in texts:
            found = excerpt(text, matcher)
            if found:
                snippet = (
                    mark_safe(f"{escape(label)}: {found}")  # noqa: S308
                    if label is not None
                    else found
                )
                break
        else:
            # Only the title matched: the first text still tells what the page is about.
            if texts and texts[0][0] is None:
                snippet = excerpt(texts[0][1], (), always=True)
        return Hit(
            title=highlight(getattr(obj, self.title_field), matcher),
            url=obj.get_absolute_url(),
            meta=self.meta(obj),
            snippet=snippet,
        )

    def search(self, query, now):
        rows = self.queryset(now).annotate(**self._related_annotations())
        if connection.vendor == "postgresql":
            rows = self._filter_postgresql(rows, query)
        else:
            rows = self._filter_portable(rows, query)
        rows = rows.annotate(_total=Window(Count("pk")))
        found = list(rows[:RESULTS_PER_KIND])
        total = found[0]._total if found else 0
        matcher = Matcher(query.stems)
        rows = [(obj, self.texts(obj)) for obj in found]
        # Within the same title verdict, the rows the query words occur in most
        # often come first, computed alike on both databases. The sort is stable,
        # so ties keep the database's order.
        rows.sort(
            key=lambda row: (
                -row[0]._title_hit,
                -hit_count((text for _label, text in row[1]), matcher),
            )
        )
        return Group(
            key=self.key,
            heading=str(self.heading),
            total=total,
            hits=[self.hit(obj, texts, matcher) for obj, texts in rows],
        )

    def _own_columns(self, name, build):
        """The expression ``build()`` returns, compiled once per database vendor.

        Only for expressions of the row's own columns and of subqueries on its
        primary key: their SQL is the same in every search, and building and
        compiling them again was most of the work of a search.
        """
        key = (self.key, name, connection.vendor)
        if key not in _OWN_COLUMNS_SQL:
            query = self.model._base_manager.all().query
            # allow_joins=False: a column of another table would need a join
            # this SQL cannot bring along.
            expression = build().resolve_expression(query, allow_joins=False)
            sql, params = query.get_compiler(connection=connection).compile(expression)
            _OWN_COLUMNS_SQL[key] = (sql, tuple(params), expression.output_field)
        sql, params, output_field = _OWN_COLUMNS_SQL[key]
        return RawSQL(sql, list(params), output_field=output_field)  # noqa: S611 — compiled above, no user input

    def _joins_other_tables(self):
        return any("__" in name for name in (self.title_field, *self.fields))

    def _related_annotations(self):
        return {
            name: self._own_columns(name, lambda spec=spec: _joined(*spec))
            for name, spec in self.related.items()
        }

    def _text_expressions(self):
        return [F(name) for name in self.fields] + [
            _joined(*spec) for spec in self.related.values()
        ]

    def _filter_postgresql(self, rows, query):
        def pg_text(expression):
            return Unaccent(Lower(Coalesce(expression, Value(""), output_field=TextField())))

        def title():
            return SearchVector(pg_text(F(self.title_field)), config="simple", weight="A")

        def document():
            rest = SearchVector(
                *(pg_text(e) for e in self._text_expressions()), config="simple", weight="B"
            )
            return title() + rest

        every = SearchQuery(
            " & ".join(f"'{s}':*" for s in query.stems), search_type="raw", config="simple"
        )
        rows = rows.alias(
            _title_vector=self._own_columns("title_vector", title),
            _document=(
                document()
                if self._joins_other_tables()
                else self._own_columns("document_vector", document)
            ),
        )
        for word_stem in query.stems:
            condition = Q(
                _document=SearchQuery(f"'{word_stem}':*", search_type="raw", config="simple")
            )
            extra = self.extra_match(word_stem)
            rows = rows.filter(condition | extra if extra is not None else condition)
        return rows.annotate(
            _title_hit=Case(
                When(_title_vector=every, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            _rank=SearchRank(F("_document"), every),
        ).order_by("-_title_hit", "-_rank", *self.ordering())

    def _filter_portable(self, rows, query):
        _register_sqlite_fold()

        def folded(*expressions):
            text = JoinedText(
                *(Coalesce(e, Value(""), output_field=TextField()) for e in expressions)
            )
            return Func(text, function=SQLITE_FOLD, output_field=TextField())

        def document():
            return folded(F(self.title_field), *self._text_expressions())

        rows = rows.alias(
            _title_text=self._own_columns("title_text", lambda: folded(F(self.title_field))),
            _document=(
                document()
                if self._joins_other_tables()
                else self._own_columns("document_text", document)
            ),
        )
        for word_stem in query.stems:
            condition = Q(_document__contains=f" {word_stem}")
            extra = self.extra_match(word_stem)
            rows = rows.filter(condition | extra if extra is not None else condition)
        title_hit = Q()
        for word_stem in query.stems:
            title_hit &= Q(_title_text__contains=f" {word_stem}")
        return rows.annotate(
            _title_hit=Case(
                When(title_hit, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("-_title_hit", *self.ordering())

    def ordering(self):
        ordering = [*self.model._meta.ordering]
        return ordering if {"pk", "-pk"} & set(ordering) else [*ordering, "pk"]


def _register_sqlite_fold():
    # Registering is cheap and sends no query; doing it here rather than on
    # connection_created keeps the search self-contained.
    connection.ensure_connection()
    connection.connection.create_function(SQLITE_FOLD, 1, folded_words, deterministic=True)


class ProjectKind(Kind):
    model = Project
    key = "projekty"
    heading = gettext_lazy("Projekty socjalne")
    title_field = "title"
    fields = ("lead", "main_goal", "description")
    related = {
        "_goals": (SpecificGoal, "project", "text"),
        "_partners": (Partnership, "project", "partner__name"),
        "_groups": (Project.target_groups.through, "project", "targetgroup__name"),
    }

    def queryset(self, now):
        return Project.objects.published(now)

    def count_text(self, count):
        return ngettext("%(count)s projekt", "%(count)s projektów", count) % {"count": count}

    def texts(self, obj):
        return [
            (None, obj.lead),
            (gettext_lazy("Cel główny"), obj.main_goal),
            (gettext_lazy("Cele szczegółowe"), obj._goals),
            (gettext_lazy("Dla kogo"), obj._groups),
            (gettext_lazy("Partnerzy"), obj._partners),
            (gettext_lazy("Opis"), obj.description),
        ]

    def meta(self, obj):
        return obj.get_status_display()


class AreaKind(Kind):
    model = CommunityArea
    key = "obszary"
    heading = gettext_lazy("Obszary organizowania społeczności lokalnej")
    title_field = "name"
    fields = ("city", "summary", "description")
    related = {
        "_streets": (Street, "area", "name"),
        "_specialists": (Specialist, "area", "other_specialty"),
        "_specialties": (Specialist, "area", "specialty"),
    }

    def queryset(self, now):
        return CommunityArea.objects.published()

    def count_text(self, count):
        return ngettext("%(count)s obszar", "%(count)s obszarów", count) % {"count": count}

    def extra_match(self, word_stem):
        # The specialty is stored as a code; residents search for its label.
        codes = [
            value
            for value, label in Specialty.choices
            if value != Specialty.OTHER and any(w.startswith(word_stem) for w in words(label))
        ]
        if not codes:
            return None
        return Q(Exists(Specialist.objects.filter(area=OuterRef("pk"), specialty__in=codes)))

    def texts(self, obj):
        labels = dict(Specialty.choices)
        duties = [str(labels.get(code, "")) for code in obj._specialties.split()]
        duties = [d for d in duties if d and d != str(labels[Specialty.OTHER])]
        if obj._specialists.strip():
            duties.append(obj._specialists.strip())
        return [
            (None, obj.summary),
            (gettext_lazy("Ulice"), obj._streets),
            (gettext_lazy("Dyżury specjalistów"), ", ".join(duties)),
            (gettext_lazy("Opis"), obj.description),
        ]

    def meta(self, obj):
        return obj.city


class SiteKind(Kind):
    model = ActivitySite
    key = "miejsca"
    heading = gettext_lazy("Miejsca aktywności lokalnej")
    title_field = "name"
    fields = ("street_address", "postal_code", "city", "area__name")
    related = {}

    def queryset(self, now):
        return ActivitySite.objects.filter(area__published=True).select_related("area")

    def count_text(self, count):
        return ngettext("%(count)s miejsce", "%(count)s miejsc", count) % {"count": count}

    def texts(self, obj):
        return [
            (gettext_lazy("Adres"), obj.postal_address),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        return obj.postal_address


class InitiativeKind(Kind):
    model = Initiative
    key = "inicjatywy"
    heading = gettext_lazy("Kluby i inicjatywy")
    title_field = "name"
    fields = ("audience", "description", "schedule", "area__name")
    related = {}

    def queryset(self, now):
        return Initiative.objects.filter(area__published=True).select_related("area")

    def count_text(self, count):
        return ngettext(
            "%(count)s klub lub inicjatywa", "%(count)s klubów lub inicjatyw", count
        ) % {"count": count}

    def texts(self, obj):
        return [
            (gettext_lazy("Dla kogo"), obj.audience),
            (None, obj.description),
            (gettext_lazy("Kiedy"), obj.schedule),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        return f"{obj.get_kind_display()} — {obj.area.name}"


class EventKind(Kind):
    model = Event
    key = "wydarzenia"
    heading = gettext_lazy("Nadchodzące wydarzenia")
    title_field = "title"
    fields = ("description", "place", "site__name", "site__street_address", "area__name")
    related = {}

    def queryset(self, now):
        return Event.objects.published().upcoming(now).with_place()

    def count_text(self, count):
        return ngettext("%(count)s wydarzenie", "%(count)s wydarzeń", count) % {"count": count}

    def texts(self, obj):
        return [
            (None, obj.description),
            (gettext_lazy("Gdzie"), obj.place_label),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        when = formats.date_format(timezone.localtime(obj.starts_at), "j E Y, G:i")
        return f"{when} — {obj.place_label}"


KINDS = (ProjectKind(), AreaKind(), SiteKind(), InitiativeKind(), EventKind())
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def search(query, now=None):
    """The published content matching ``query`` (a :class:`Query` with stems), by kind."""
    now = now or timezone.now()
    return Results(query=query, groups=[kind.search(query, now) for kind in KINDS])
