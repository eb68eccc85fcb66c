"""Search over published content: query parsing, matching, ranking, excerpts and highlights.

Residents type Polish as they can: without diacritics ("dlugu"), in capitals,
in another grammatical case ("bezdomnym" for a text saying "osoby
bezdomne"), sometimes misspelt ("logopeta"). Every record is indexed once,
when it is saved (:mod:`core.search_index`): its words folded to lowercase
ASCII, each followed by its dictionary forms (:func:`core.text.lemmas`). A
query word matches a record when one of its dictionary forms is there, or
when the word typed begins a word of the record; a word typed without its
Polish letters gets its forms from the words of the texts. When nothing is
found, each word the texts do not know is replaced by the most similar one
they do, and the page says so ("Czy chodziło Ci o…").

The engine knows no app: each app describes its kinds of result as
:class:`Kind` subclasses, and the project gathers them. Each kind costs one
query on the index (GIN on PostgreSQL, FTS5 on SQLite), joined with the
kind's published rows at the moment of the search, and one more to read the
first rows found; the kinds are then ordered by their best hit.
"""

import unicodedata
from dataclasses import dataclass, field, replace

from django.db import connection
from django.db.models import Aggregate, Func, OuterRef, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import search_index
from core.text import WORD, fold, lemmas

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_WORD_LENGTH = 2
RESULTS_PER_KIND = 20
SNIPPET_WORDS = 28

# Words that would match almost everything, or prefixes of an address.
STOP_WORDS = {"i", "w", "z", "na", "do", "od", "po", "dla", "oraz", "ul", "al", "os", "pl"}

# SQL of expressions that read only a row's own columns, by kind, name and vendor.
_OWN_COLUMNS_SQL = {}


def _printable(text):
    # NUL, control characters and lone surrogates cannot be stored, encoded or
    # shown back; they are never part of what a resident meant to look for.
    return "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"} else ch
        for ch in text
    )


@dataclass(frozen=True)
class Term:
    """One word of a query: as typed (folded) and its folded dictionary forms."""

    word: str
    forms: tuple = ()


@dataclass
class Query:
    text: str = ""
    terms: tuple = ()
    shortened: bool = False
    # The words the texts do not know, replaced by similar ones: {typed: suggested}.
    corrections: dict = field(default_factory=dict)
    # The words the texts do not know, once looked up (None before).
    unknown: tuple | None = None

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
        terms = {}
        for word in WORD.findall(text):
            folded = fold(word)
            if len(folded) < MIN_WORD_LENGTH or folded in STOP_WORDS:
                continue
            forms = terms.get(folded, ())
            terms[folded] = tuple(sorted({*forms, *lemmas(word)}))
        terms = tuple(Term(word, forms) for word, forms in list(terms.items())[:MAX_TERMS])
        return cls(text=text, terms=terms, shortened=shortened)

    @property
    def stems(self):
        """The folded words searched for."""
        return tuple(term.word for term in self.terms)

    @property
    def folded(self):
        """The query as the search counts it: its folded words, nothing else."""
        return " ".join(self.stems)

    def with_known_forms(self):
        """The query with the forms the texts give its words ('dlugu' → 'dlug'). One query."""
        known = search_index.known_forms(self.terms)
        return replace(
            self,
            unknown=tuple(term.word for term in self.terms if term.word not in known),
            terms=tuple(
                Term(term.word, tuple(sorted({*term.forms, *known.get(term.word, ())})))
                for term in self.terms
            ),
        )

    def corrected(self):
        """The query with each word unknown to the texts replaced by a similar one, or None.

        One query per unknown word.
        """
        corrections = {}
        for word in self.stems if self.unknown is None else self.unknown:
            suggested = search_index.suggestion(word)
            if suggested and suggested != word:
                corrections[word] = suggested
        if not corrections:
            return None
        text = " ".join(corrections.get(term.word, term.word) for term in self.terms)
        corrected = Query.parse(text).with_known_forms()
        return replace(corrected, corrections=corrections)

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
    """Whether a word is one the query looks for, each distinct word analysed once.

    It is when it begins with a word of the query, or when one of its
    dictionary forms is a form of a word of the query.

    One search looks at the same words many times (to rank, to find a snippet, to
    highlight it), so the verdicts are kept for as long as the matcher lives.
    """

    def __init__(self, terms):
        terms = [term if isinstance(term, Term) else Term(term) for term in terms]
        self.stems = tuple(term.word for term in terms)
        self.forms = {form for term in terms for form in term.forms}
        self._verdicts = {}

    def __call__(self, word):
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = fold(word).startswith(self.stems) or bool(
                self.forms.intersection(lemmas(word))
            )
        return verdict


def _matcher(terms):
    return terms if isinstance(terms, Matcher) else Matcher(terms)


def highlight(text, stems):
    """``text`` escaped, with the words the query found wrapped in <mark>.

    ``stems`` is a sequence of folded words or :class:`Term`, or a :class:`Matcher`.
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
    # How well the first hit matches, comparable across kinds (higher is better).
    best: float | None = None

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
    # When nothing was found for the query as typed: that query; ``query`` is
    # then the one with similar words ("Czy chodziło Ci o…"), which found these.
    corrected_from: Query | None = None

    @property
    def total(self):
        return sum(group.total for group in self.groups)


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

    def matching(self, rows, query):
        """The ``rows`` (of ``model``) in which every word of ``query`` is found.

        For a list with its own phrase box and its own order (the project list's
        ``?q=``), so it finds what the site search finds. Safe inside a subquery.
        A query without a word to look for ("%", "a") finds nothing.
        """
        if not query.terms:
            return rows.none()
        if query.unknown is None:
            query = query.with_known_forms()
        return rows.filter(pk__in=search_index.matching_ids(self, query.terms))

    def search(self, query, now):
        """The :class:`Group` of this kind's published rows matching ``query``, best first.

        Two queries when something is found (the index, then the rows), one otherwise.
        """
        published = self.queryset(now)
        total, pks, best = search_index.ranked(self, query.terms, published, RESULTS_PER_KIND)
        group = Group(kind=self, total=total, best=best)
        if not pks:
            return group
        found = {
            obj.pk: obj
            for obj in published.annotate(**self._related_annotations()).filter(pk__in=pks)
        }
        matcher = Matcher(query.terms)
        for pk in pks:
            obj = found.get(pk)
            if obj is not None:
                group.hits.append(self.hit(obj, self.texts(obj), matcher))
        return group

    def index_queryset(self):
        """Every row of ``model``, drafts included, with what :meth:`texts` reads."""
        return self.model._base_manager.select_related(*self.shown_relations()).annotate(
            **self._related_annotations()
        )

    def shown_relations(self):
        """The to-one relations whose texts the kind searches ('area' for ``area__name``)."""
        return sorted(
            {name.split("__")[0] for name in (self.title_field, *self.fields) if "__" in name}
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

    def _related_annotations(self):
        return {
            name: self._own_columns(name, lambda spec=spec: _joined(*spec))
            for name, spec in self.related.items()
        }


def search(kinds, query, now=None):
    """The published content of ``kinds`` matching ``query`` (a :class:`Query` with terms).

    The kinds whose best hit ranks higher come first. When nothing is found,
    the words the texts do not know are replaced by the most similar words
    they do know; if that finds something, those are the results, with
    ``corrected_from`` (a suggestion that would find nothing is not made).
    """
    now = now or timezone.now()
    query = query.with_known_forms()
    results = _search(kinds, query, now)
    if results.total:
        return results
    corrected = query.corrected()
    if corrected is None or not corrected.terms:
        return results
    found = _search(kinds, corrected, now)
    return replace(found, corrected_from=query) if found.total else results


def _search(kinds, query, now):
    groups = [kind.search(query, now) for kind in kinds]
    # Stable: kinds with equally good hits (or none) keep the order of INSTALLED_APPS.
    groups.sort(key=lambda group: -group.best if group.best is not None else float("inf"))
    return Results(query=query, groups=groups)
