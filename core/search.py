"""Search over published content: query parsing, matching, ranking, excerpts and highlights.

Residents type Polish as they can: without diacritics ("dlugu"), in capitals,
in another grammatical case ("bezdomnych" for a text saying "osoby bezdomne").
Both the query and the texts are folded to lowercase ASCII, and every query
word is cut down to a stem that must begin some word of the text
(:mod:`core.text`).

On PostgreSQL that is full-text search: ``to_tsvector('simple',
unaccent(lower(…)))`` matched with prefix queries (``'bezdomn':*``) and ranked
with ``ts_rank``. SQLite has neither, so the same folding runs as a Python
function registered on the connection and the stems are matched with LIKE on
word starts: the same rows come back on both databases.

The engine knows no app: each app describes its kinds of result as
:class:`Kind` subclasses, and the project gathers them. Each kind costs one
query whatever the amount of content: related texts (goals, partners,
streets…) are aggregated in subqueries, the group's total comes from a window
function, and only the first rows are fetched.
"""

import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    Count,
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
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.text import WORD, fold, stem, words

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_WORD_LENGTH = 2
RESULTS_PER_KIND = 20
SNIPPET_WORDS = 28

# Words that would match almost everything, or prefixes of an address.
STOP_WORDS = {"i", "w", "z", "na", "do", "od", "po", "dla", "oraz", "ul", "al", "os", "pl"}

SQLITE_FOLD = "opsportal_fold"

# SQL of expressions that read only a row's own columns, by kind, name and vendor.
_OWN_COLUMNS_SQL = {}


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
    for match in WORD.finditer(text):
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
        (i for i, piece in enumerate(pieces) if any(map(is_match, WORD.findall(piece)))), None
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
    return sum(sum(map(is_match, WORD.findall(text or ""))) for text in texts)


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
    kind: "Kind"
    total: int
    hits: list = field(default_factory=list)

    @property
    def key(self):
        return self.kind.key

    @property
    def heading(self):
        return str(self.kind.heading)

    @property
    def count_text(self):
        return self.kind.count_label % {"count": self.total}

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


class PostgreSQLMatching:
    """Full-text search: a 'simple' tsvector of the unaccented lowercase texts, prefix queries."""

    @staticmethod
    def _text(expression):
        return Unaccent(Lower(Coalesce(expression, Value(""), output_field=TextField())))

    def title(self, kind):
        return SearchVector(self._text(F(kind.title_field)), config="simple", weight="A")

    def document(self, kind):
        rest = SearchVector(
            *(self._text(e) for e in kind.text_expressions()), config="simple", weight="B"
        )
        return self.title(kind) + rest

    @staticmethod
    def _prefixes(stems):
        return SearchQuery(
            " & ".join(f"'{s}':*" for s in stems), search_type="raw", config="simple"
        )

    def contains(self, alias, stems):
        return Q(**{alias: self._prefixes(stems)})

    def rank(self, stems):
        return SearchRank(F("_document"), self._prefixes(stems))


class PortableMatching:
    """The texts folded by a Python function (:func:`folded_words`), stems found with LIKE."""

    @staticmethod
    def _folded(*expressions):
        text = JoinedText(*(Coalesce(e, Value(""), output_field=TextField()) for e in expressions))
        return Func(text, function=SQLITE_FOLD, output_field=TextField())

    def title(self, kind):
        return self._folded(F(kind.title_field))

    def document(self, kind):
        return self._folded(F(kind.title_field), *kind.text_expressions())

    def contains(self, alias, stems):
        condition = Q()
        for word_stem in stems:
            condition &= Q(**{f"{alias}__contains": f" {word_stem}"})
        return condition

    def rank(self, stems):
        return None


def _database_matching():
    if connection.vendor == "postgresql":
        return PostgreSQLMatching()
    # Registering is cheap and sends no query; doing it here rather than on
    # connection_created keeps the search self-contained.
    connection.ensure_connection()
    connection.connection.create_function(SQLITE_FOLD, 1, folded_words, deterministic=True)
    return PortableMatching()


class Kind:
    """One kind of result: its published rows, searchable texts and how a hit reads.

    An app subclasses it for each of its models that the site search finds,
    and lists the instances in ``SEARCH_KINDS`` of its ``search`` module.
    """

    model = None
    key = ""
    heading = ""
    # "%(count)s hits" with its plural forms: ngettext_lazy(…, …, "count").
    count_label = ""
    title_field = ""
    # Text columns of the row itself (or across to-one relations).
    fields = ()
    # Texts of to-many relations: {attribute: (model, owner field, value)}.
    related = {}

    def queryset(self, now):
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

    def text_expressions(self):
        """Every searchable text but the title, as expressions on a row of ``model``."""
        return [F(name) for name in self.fields] + [
            _joined(*spec) for spec in self.related.values()
        ]

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

    def matching(self, rows, query):
        """The ``rows`` (of ``model``) in which every word of ``query`` begins some word.

        For a list with its own phrase box and its own order (the project list's
        ``?q=``), so it finds what the site search finds. Safe inside a subquery.
        A query without a word to look for ("%", "a") finds nothing.
        """
        if not query.stems:
            return rows.none()
        return self._matching(rows, query, _database_matching(), compiled=False)

    def search(self, query, now):
        matching = _database_matching()
        rows = self.queryset(now).annotate(**self._related_annotations())
        rows = self._matching(rows, query, matching, compiled=True).alias(
            _title=self._own_columns("title", lambda: matching.title(self))
        )
        rows = rows.annotate(
            _title_hit=Case(
                When(matching.contains("_title", query.stems), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        rank = matching.rank(query.stems)
        if rank is None:
            rows = rows.order_by("-_title_hit", *self.ordering())
        else:
            rows = rows.annotate(_rank=rank).order_by("-_title_hit", "-_rank", *self.ordering())
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
            kind=self,
            total=total,
            hits=[self.hit(obj, texts, matcher) for obj, texts in rows],
        )

    def _matching(self, rows, query, matching, compiled):
        """``rows`` with the ``_document`` alias, narrowed to those with every stem.

        ``compiled`` reuses the SQL compiled by an earlier search; that SQL names
        the model's table, so it only serves where the table is not given
        another alias (not in a subquery).
        """

        def document():
            return matching.document(self)

        if compiled and not self._joins_other_tables():
            document = self._own_columns("document", document)
        else:
            document = document()
        rows = rows.alias(_document=document)
        for word_stem in query.stems:
            condition = matching.contains("_document", (word_stem,))
            extra = self.extra_match(word_stem)
            rows = rows.filter(condition | extra if extra is not None else condition)
        return rows

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

    def ordering(self):
        ordering = [*self.model._meta.ordering]
        return ordering if {"pk", "-pk"} & set(ordering) else [*ordering, "pk"]


def search(kinds, query, now=None):
    """The published content of ``kinds`` matching ``query`` (a :class:`Query` with stems)."""
    now = now or timezone.now()
    return Results(query=query, groups=[kind.search(query, now) for kind in kinds])
