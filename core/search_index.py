"""The search index: a stored document per record, kept by signals, read by each database's tool.

Each kind of result (:class:`core.search.Kind`) says which model it indexes
and which texts of a record are searched. :func:`connect` ties the index to
the writes of those models (the record, its to-many rows, the records whose
names it shows), :func:`rebuild` fills it from scratch (``manage.py
rebuild_search_index``, ``load_demo``), and :func:`ranked` finds the
published records of a kind matching a query, best first:

- PostgreSQL: ``vector @@ to_tsquery('simple', …)`` through a GIN index,
  ranked with ``ts_rank`` (the title weighs more than the text);
- SQLite: the FTS5 table ``core_searchfts`` ``MATCH``, ranked with ``bm25``.

Either way the document holds every word folded (``dlugu``), followed by its
folded dictionary forms (``dlug``), so a query word matches a record when
one of its dictionary forms is there, or when the word typed begins a word
of the record (someone still typing "mieszk").
"""

import difflib
from functools import partial

from django.apps import apps
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection, transaction
from django.db.models import Case, Count, F, FloatField, Q, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.text import WORD, fold, lemmas

BATCH = 500
# How alike a misspelt word and a word of the texts must be to be suggested.
SUGGESTION_SIMILARITY = 0.3
SUGGESTION_CUTOFF = 0.75
MAX_TERM_LENGTH = 64
# A word unknown to the dictionary is compared with the words of the texts
# without its last letters (an inflected ending), keeping at least MIN_PREFIX.
ENDING_LETTERS = 2
MIN_PREFIX = 4
# The title counts ten times a word of the text on SQLite (bm25 weights);
# PostgreSQL weighs A against B.
# A title holding every word of the query whole (not only a word beginning
# with it) comes before any text that merely mentions them: TITLE_BONUS on
# PostgreSQL's ts_rank (at most 1), 10 on SQLite's bm25 (a few units).
TITLE_BONUS = 1.0
SQLITE_RANK_SQL = (
    "(SELECT bm25(core_searchfts, 10.0, 1.0) FROM core_searchfts "
    "WHERE core_searchfts MATCH %s AND rowid = core_searchdocument.id) "
    "- (CASE WHEN core_searchdocument.id IN (SELECT rowid FROM core_searchfts "
    "WHERE core_searchfts MATCH %s) THEN 10.0 ELSE 0 END)"
)


def _documents():
    # Looked up when used: the app registry imports this module (through the
    # project's AppConfig) before the models are ready.
    return apps.get_model("core", "SearchDocument")


def _terms():
    return apps.get_model("core", "SearchTerm")


# SQL run by migration 0001 after the tables exist, by database.
POSTGRESQL_SQL = [
    """
    CREATE FUNCTION core_searchdocument_vector() RETURNS trigger AS $$
    BEGIN
        NEW.vector := setweight(to_tsvector('simple', NEW.title), 'A')
            || setweight(to_tsvector('simple', NEW.body), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER core_searchdocument_vector BEFORE INSERT OR UPDATE OF title, body
    ON core_searchdocument FOR EACH ROW EXECUTE FUNCTION core_searchdocument_vector()
    """,
    "CREATE INDEX core_searchdocument_vector_gin ON core_searchdocument USING GIN (vector)",
    "CREATE INDEX core_searchterm_word_trgm ON core_searchterm USING GIN (word gin_trgm_ops)",
]
POSTGRESQL_REVERSE_SQL = [
    "DROP INDEX IF EXISTS core_searchterm_word_trgm",
    "DROP INDEX IF EXISTS core_searchdocument_vector_gin",
    "DROP TRIGGER IF EXISTS core_searchdocument_vector ON core_searchdocument",
    "DROP FUNCTION IF EXISTS core_searchdocument_vector()",
]
SQLITE_SQL = [
    """
    CREATE VIRTUAL TABLE core_searchfts USING fts5(
        title, body, content='core_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )
    """,
    """
    CREATE TRIGGER core_searchdocument_ai AFTER INSERT ON core_searchdocument BEGIN
        INSERT INTO core_searchfts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER core_searchdocument_ad AFTER DELETE ON core_searchdocument BEGIN
        INSERT INTO core_searchfts(core_searchfts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER core_searchdocument_au AFTER UPDATE ON core_searchdocument BEGIN
        INSERT INTO core_searchfts(core_searchfts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO core_searchfts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
]
SQLITE_REVERSE_SQL = [
    "DROP TRIGGER IF EXISTS core_searchdocument_au",
    "DROP TRIGGER IF EXISTS core_searchdocument_ad",
    "DROP TRIGGER IF EXISTS core_searchdocument_ai",
    "DROP TABLE IF EXISTS core_searchfts",
]


def _run(statements_by_vendor, apps, schema_editor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
        schema_editor.execute(statement)


# For migrations.RunPython: each database gets its own search structures.
create_database_structures = partial(_run, {"postgresql": POSTGRESQL_SQL, "sqlite": SQLITE_SQL})
drop_database_structures = partial(
    _run, {"postgresql": POSTGRESQL_REVERSE_SQL, "sqlite": SQLITE_REVERSE_SQL}
)


# --- Writing -----------------------------------------------------------------


def analysed(text, vocabulary=None):
    """``text`` as the index stores it: each folded word followed by its other dictionary forms.

    'Osobom bezdomnym' → 'osobom osoba bezdomnym bezdomna bezdomny'. Each word
    typed without diacritics is added to ``vocabulary`` (a dict) with its forms.
    """
    tokens = []
    for word in WORD.findall(text or ""):
        folded = fold(word)
        forms = lemmas(word)
        tokens.append(folded)
        tokens.extend(form for form in forms if form != folded)
        if vocabulary is not None and len(folded) <= MAX_TERM_LENGTH:
            vocabulary.setdefault(folded, set()).update(forms)
    return " ".join(tokens)


def _indexed(kind, rows, vocabulary):
    for obj in rows:
        texts = kind.texts(obj)
        yield _documents()(
            kind=kind.key,
            object_id=obj.pk,
            title=analysed(getattr(obj, kind.title_field), vocabulary),
            body=analysed(" ".join(str(text) for _label, text in texts if text), vocabulary),
        )


def _store_vocabulary(vocabulary):
    _terms().objects.bulk_create(
        [
            _terms()(word=word, lemmas=" ".join(sorted(forms))[:255])
            for word, forms in vocabulary.items()
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def update(kind, pks):
    """Index the records ``pks`` of ``kind`` again; those no longer in its table leave the index."""
    pks = set(pks)
    if not pks:
        return
    vocabulary = {}
    with transaction.atomic():
        _documents().objects.filter(kind=kind.key, object_id__in=pks).delete()
        documents = list(_indexed(kind, kind.index_queryset().filter(pk__in=pks), vocabulary))
        _documents().objects.bulk_create(documents, batch_size=BATCH)
        _store_vocabulary(vocabulary)


def has_documents():
    return _documents().objects.exists()


def rebuild(kinds):
    """Empty the index and index every record of ``kinds``; the number of documents."""
    total = 0
    with transaction.atomic():
        _documents().objects.all().delete()
        _terms().objects.all().delete()
        for kind in kinds:
            vocabulary = {}
            rows = kind.index_queryset().order_by("pk").iterator(chunk_size=BATCH)
            batch = []
            for document in _indexed(kind, rows, vocabulary):
                batch.append(document)
                if len(batch) == BATCH:
                    _documents().objects.bulk_create(batch)
                    total += len(batch)
                    batch = []
            _documents().objects.bulk_create(batch)
            total += len(batch)
            _store_vocabulary(vocabulary)
    return total


def _owner_ids(instance, field_name):
    value = getattr(instance, f"{field_name}_id", None)
    return [value] if value is not None else []


def connect(kinds):
    """Keep the index of ``kinds`` current on every save and delete that changes what they find.

    The kind's own records; the rows of its to-many texts (goals, streets…);
    the records whose name it shows (``area__name``); to-many links
    (``m2m_changed``). Bulk writes send no signals: ``rebuild`` after them.
    """
    for kind in kinds:
        own = partial(_on_own_write, kind)
        post_save.connect(own, sender=kind.model, weak=False)
        post_delete.connect(own, sender=kind.model, weak=False)
        for model, owner_field, _value in kind.related.values():
            if model._meta.auto_created:
                # The table of a ManyToManyField: its writes are m2m_changed.
                m2m_changed.connect(partial(_on_link, kind), sender=model, weak=False)
                continue
            handler = partial(_on_related_write, kind, owner_field)
            post_save.connect(handler, sender=model, weak=False)
            post_delete.connect(handler, sender=model, weak=False)
        for relation in kind.shown_relations():
            other = kind.model._meta.get_field(relation).related_model
            post_save.connect(partial(_on_shown_write, kind, relation), sender=other, weak=False)


# The document is written in the same transaction as the record, right away:
# a record saved with its inlines is indexed once per row, which costs less
# than a search that misses it.


def _on_own_write(kind, sender, instance, **kwargs):
    update(kind, [instance.pk])


def _on_related_write(kind, owner_field, sender, instance, **kwargs):
    update(kind, _owner_ids(instance, owner_field))


def _on_shown_write(kind, relation, sender, instance, **kwargs):
    update(
        kind, kind.model._base_manager.filter(**{relation: instance}).values_list("pk", flat=True)
    )


def _on_link(kind, sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        pks = [instance.pk]
    elif pk_set:
        pks = list(pk_set)
    else:
        # A whole side cleared from the other end: every record of the kind may have changed.
        pks = kind.model._base_manager.values_list("pk", flat=True)
    update(kind, pks)


# --- Reading -----------------------------------------------------------------


def _prefix(word):
    """The beginning a word shares with its other inflected forms: 'spoleczna' → 'spolecz'."""
    return word[: max(MIN_PREFIX, len(word) - ENDING_LETTERS)]


def known_forms(terms):
    """{word: dictionary forms the texts give it} for the words of ``terms``. One query.

    A word the dictionary does not know, usually one typed without its Polish
    letters, takes the forms of the words of the texts it is (``dlugu`` →
    ``dlug``, the texts said "długu"), or else of the words that begin and
    end about as it does (``spoleczna`` → ``spoleczny``, from "społecznej").
    """
    words = [term.word for term in terms]
    guessed = [term.word for term in terms if not term.forms]
    condition = Q(word__in=words)
    for word in guessed:
        if len(word) >= MIN_PREFIX + 1:
            condition |= Q(word__startswith=_prefix(word))
    if not words:
        return {}
    rows = list(_terms().objects.filter(condition).values_list("word", "lemmas"))
    known = {word: set(forms.split()) for word, forms in rows if word in words and forms}
    for word in guessed:
        if word in known or len(word) < MIN_PREFIX + 1:
            continue
        prefix = _prefix(word)
        similar = {
            other: forms
            for other, forms in rows
            if forms and other.startswith(prefix) and abs(len(other) - len(word)) <= ENDING_LETTERS
        }
        if similar:
            # The closest of them: "spoleczne" for "spoleczna", not "spoleczno".
            ratios = {
                other: difflib.SequenceMatcher(None, word, other).ratio() for other in similar
            }
            best = max(ratios.values())
            known[word] = {
                form
                for other, forms in similar.items()
                if ratios[other] == best
                for form in forms.split()
            }
    return {word: tuple(sorted(forms)) for word, forms in known.items()}


def suggestion(word):
    """The word of the texts most like the misspelt ``word``, or None. One query."""
    if connection.vendor == "postgresql":
        found = (
            _terms()
            .objects.annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=SUGGESTION_SIMILARITY)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return found
    # SQLite has no trigram index: words of about the same length, compared in Python.
    candidates = (
        _terms()
        .objects.filter(word__regex=rf"^.{{{max(1, len(word) - 2)},{len(word) + 2}}}$")
        .values_list("word", flat=True)
    )
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SUGGESTION_CUTOFF)
    return close[0] if close else None


def _tsquery(terms, title=False):
    """'(dlug | dlugu:*) & (rodzina | rodzinami:*)': every term, any of its forms.

    ``title``: whole words of the title only, '(dlug:A | dlugu:A) & …'.
    """
    parts = []
    for term in terms:
        if title:
            options = [f"'{form}':A" for form in {*term.forms, term.word}]
        else:
            options = [f"'{form}'" for form in term.forms if form != term.word]
            options.append(f"'{term.word}':*")
        parts.append(f"({' | '.join(sorted(options))})")
    return SearchQuery(" & ".join(parts), search_type="raw", config="simple")


def _fts_match(terms, title=False):
    """'(dlug OR dlugu*) AND (rodzina OR rodzinami*)' for FTS5 (words are letters and digits).

    ``title``: whole words of the title only, 'title : ("dlug" OR "dlugu") AND …'.
    """
    parts = []
    for term in terms:
        if title:
            options = [f'"{form}"' for form in sorted({*term.forms, term.word})]
            parts.append(f"title : ({' OR '.join(options)})")
            continue
        options = [f'"{form}"' for form in term.forms if form != term.word]
        options.append(f'"{term.word}"*')
        parts.append(f"({' OR '.join(options)})")
    return " AND ".join(parts)


def _sqlite_ids(match):
    return RawSQL(  # noqa: S611 — the match expression is a bound parameter
        "SELECT rowid FROM core_searchfts WHERE core_searchfts MATCH %s", [match]
    )


def matching_ids(kind, terms):
    """A subquery of the primary keys of ``kind``'s records matching every term."""
    documents = _documents().objects.filter(kind=kind.key)
    if connection.vendor == "postgresql":
        documents = documents.filter(vector=_tsquery(terms))
    else:
        documents = documents.filter(pk__in=_sqlite_ids(_fts_match(terms)))
    return documents.values("object_id")


def ranked(kind, terms, published, limit):
    """(total, [primary keys], best score): ``published`` rows of ``kind`` matching ``terms``.

    Best first, at most ``limit`` keys; the score is higher for a better
    match on both databases (None when nothing matches). One query, whatever
    the amount of content.
    """
    documents = _documents().objects.filter(
        kind=kind.key, object_id__in=published.order_by().values("pk")
    )
    if connection.vendor == "postgresql":
        query = _tsquery(terms)
        title_bonus = Case(
            When(vector=_tsquery(terms, title=True), then=Value(TITLE_BONUS)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        documents = documents.filter(vector=query).annotate(
            rank=SearchRank(F("vector"), query, weights=[0.1, 0.2, 0.4, 1.0]) + title_bonus
        )
        order = ["-rank", "object_id"]
    else:
        documents = documents.filter(pk__in=_sqlite_ids(_fts_match(terms))).annotate(
            # A bound parameter; the table is named as the top-level query names it.
            rank=RawSQL(SQLITE_RANK_SQL, [_fts_match(terms), _fts_match(terms, title=True)])  # noqa: S611
        )
        order = ["rank", "object_id"]
    rows = list(
        documents.annotate(total=Window(Count("pk")))
        .order_by(*order)
        .values_list("object_id", "total", "rank")[:limit]
    )
    if not rows:
        return 0, [], None
    best = rows[0][2] if connection.vendor == "postgresql" else -rows[0][2]
    return rows[0][1], [row[0] for row in rows], best
