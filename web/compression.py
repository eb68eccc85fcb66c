"""Compressed copies of the pages the page cache stores, made once per entry.

A page is compressed when it is stored, not on every hit, so a hit costs no
more for a reader on a phone who gets a fifth of the bytes. Brotli and gzip
copies are kept for pages that are the same for every reader. A page with a
form holds each reader's CSRF token: its gzip copy is kept in pieces, the
text between the tokens each compressed on its own, and a hit joins them with
the reader's token as an uncompressed ("stored") deflate block. The token is
thus never compressed together with other text of the page, which is what a
BREACH attack would measure, and no hit compresses anything.
"""

import struct
import zlib
from typing import NamedTuple

try:
    import brotli
except ImportError:  # whitenoise[brotli] brings it; gzip alone still works
    brotli = None

# Types of text worth compressing; images and the like are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "image/svg+xml",
)
# Below this the headers outweigh the saving.
MIN_SIZE = 512
LEVEL = 6
# Brotli's 5 is about as fast as gzip's 6 and still a fifth smaller.
BROTLI_QUALITY = 5
BROTLI = "br"
GZIP = "gzip"

# ID1 ID2, deflate, no flags, no modification time, no extra flags, unknown OS.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_MAX_STORED_BLOCK = 0xFFFF


class Compressed(NamedTuple):
    """The compressed copies of one stored page body."""

    gzip: bytes | None  # the whole gzip member, for a body without holes
    gzip_pieces: tuple  # else raw deflate of the text between holes; see gzip_body
    brotli: bytes | None  # only for a body without holes


def worth_compressing(content_type, body):
    content_type = content_type.lower()
    return len(body) >= MIN_SIZE and content_type.startswith(COMPRESSIBLE_TYPES)


def compress(body, hole):
    """The compressed copies of ``body``, in which ``hole`` marks each reader's token.

    ``hole`` is None for a body without tokens."""
    pieces = body.split(hole) if hole else [body]
    deflated = []
    for number, piece in enumerate(pieces):
        # A compressor of its own for each piece, ended by a full flush, so
        # that no piece refers back to the text of another, nor to a token.
        compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
        last = number == len(pieces) - 1
        data = compressor.compress(piece)
        deflated.append(data + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH))
    if len(pieces) > 1:
        return Compressed(None, tuple(deflated), None)
    member = _GZIP_HEADER + deflated[0] + _gzip_trailer(zlib.crc32(body), len(body))
    smaller = None
    if brotli is not None:
        smaller = brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY)
        if len(smaller) >= len(member):
            smaller = None
    return Compressed(member, (), smaller)


def _gzip_trailer(crc, size):
    return struct.pack("<II", crc, size & 0xFFFFFFFF)


def _stored_block(data):
    """``data`` as deflate blocks of type 0 (not compressed), none of them final."""
    blocks = []
    for start in range(0, len(data), _MAX_STORED_BLOCK):
        chunk = data[start : start + _MAX_STORED_BLOCK]
        # BFINAL 0 and BTYPE 00 in the low bits, then padding to the byte.
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)


def gzip_body(compressed, body, hole, token):
    """The gzip member of ``body`` with ``token`` in each hole, from the stored pieces."""
    if compressed.gzip is not None:
        return compressed.gzip
    pieces = body.split(hole)
    filler = _stored_block(token)
    parts = [_GZIP_HEADER]
    crc = 0
    for number, (piece, deflated) in enumerate(zip(pieces, compressed.gzip_pieces, strict=True)):
        if number:
            parts.append(filler)
            crc = zlib.crc32(token, crc)
        parts.append(deflated)
        crc = zlib.crc32(piece, crc)
    size = len(body) + (len(pieces) - 1) * (len(token) - len(hole))
    parts.append(_gzip_trailer(crc, size))
    return b"".join(parts)


def qualities(header):
    """Each coding named in an Accept-Encoding header, lower-cased, with its q value."""
    found = {}
    for item in header.split(","):
        name, _, params = item.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found[name] = quality
    return found


def _allows(found, coding):
    quality = found.get(coding, found.get("*", 0.0))
    return quality > 0


def choose(header, compressed):
    """Brotli, gzip or None (identity) for a request's Accept-Encoding header."""
    if not header or compressed is None:
        return None
    found = qualities(header)
    if compressed.brotli is not None and _allows(found, BROTLI):
        return BROTLI
    if _allows(found, GZIP):
        return GZIP
    return None
