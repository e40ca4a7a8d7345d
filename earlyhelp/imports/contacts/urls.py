"""Find web addresses in running text and judge each one as written.

Documents converted from PDF or Word break addresses in recognisable ways: wrapped at the end
of a line or table cell (`.../family_informatio n_service`), two copies run together
(`.../parentalhttps://www...`), a damaged scheme (`Delttps://`, `https:www.`). An address is
read token by token; tokens that continue it are joined into one *chain*, and the chain is
either listed (normalised) or becomes a `url-invalid` finding: an error when the address is
damaged, a warning when it is only broken by a wrap or a space.
"""

import re
from dataclasses import dataclass

from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.text.words import STOPWORDS

TOKEN = re.compile(r"\S+")
SCHEME_AT = re.compile(r"(?i)https?:|ttps?://|://")
NO_SLASHES = re.compile(r"(?i)https?:(?!//)")
INNER_SCHEME = re.compile(r"(?i)(?:https?:|www\.)")
HEAD = re.compile(r"(?i)^(?:https?://)?(?:www\.)?")
TAIL_SCHEME = re.compile(r"(?i)https?:")
HOSTISH = re.compile(r"(?i)^\.?[a-z0-9][a-z0-9.-]*(?:/|\Z)")
LABELS = re.compile(r"(?i)(web(?:site)?|visit|see|at|go to|online|link|url|www)\s*[:\-]?\s*$")


@dataclass(frozen=True)
class UrlMention:
    start: int  # the address as written, continuations included
    end: int
    raw: str
    url: str | None  # normalised, when the address works as written
    problem: str = ""  # what is wrong, for the finding's message
    error: bool = False  # damaged (error) rather than only wrapped (warning)
    excerpt: tuple[int, int] = (0, 0)
    intended: str = ""  # our best reading of the address (the defect's identity)
    written: str = ""  # the pieces of the address as written, without what lies between


@dataclass(frozen=True)
class _Piece:
    start: int
    text: str  # punctuation stripped
    gap: str  # whitespace before the next token


def find_urls(text: str) -> list[UrlMention]:
    tokens = [(m.start(), m.group(0)) for m in TOKEN.finditer(text)]
    index = {start: i for i, (start, _) in enumerate(tokens)}
    consumed: set[int] = set()
    mentions: list[UrlMention] = []
    for i, (start, token) in enumerate(tokens):
        if start in consumed:
            continue
        lead, body = addresses.strip_token(token)
        offset = _url_start(body, text, start + lead)
        if offset is None:
            continue
        pieces = [_Piece(start + lead + offset, body[offset:], _gap(text, tokens, i))]
        j = i + 1
        while j < len(tokens) and _continues(text, pieces, tokens[j]):
            lead, body = addresses.strip_token(tokens[j][1])
            _keep_dot(text, pieces)
            pieces.append(_Piece(tokens[j][0] + lead, body, _gap(text, tokens, j)))
            consumed.add(tokens[j][0])
            j += 1
        for piece in _column_continuation(text, pieces, tokens, index):
            _keep_dot(text, pieces)
            pieces.append(piece)
            consumed.add(piece.start)
        mentions.append(_judge(text, pieces))
    return mentions


def _column_continuation(
    text: str, pieces: list[_Piece], tokens: list[tuple[int, str]], index: dict[int, int]
) -> list[_Piece]:
    """In a table, a wrapped address goes on in the same column of the following lines."""
    found: list[_Piece] = []
    last = pieces[-1]
    ends_cell = "\t" in last.gap or "\n" in last.gap
    if not ends_cell or not (_in_table(text, last.start) or "\t" in last.gap.split("\n")[0]):
        return found
    while True:
        cell = _cell_below(text, last.start)
        if cell is None:
            return found
        start, content = cell
        words = content.split()
        if not words or start + content.index(words[0]) not in index:
            return found
        first = words[0]
        lead, body = addresses.strip_token(first)
        so_far = "".join(piece.text for piece in [*pieces, *found])
        single = len(words) == 1 and re.match(r"^[a-z0-9./_-]", body) is not None
        if not body or "://" in body or re.match(r"(?i)(https?:|www\.)", body):
            return found
        if not re.match(r"[a-z0-9._/-]", first):
            return found
        in_progress = single and (bool(found) or _incomplete(so_far))
        if not in_progress and not _fits(so_far, body, wrapped=True):
            return found
        last = _Piece(start + content.index(first) + lead, body, "\n")
        found.append(last)
        if len(words) > 1:
            return found + _rest_of_cell(start, content, last)


def _rest_of_cell(start: int, content: str, last: _Piece) -> list[_Piece]:
    """'rens- community- health- services/cam hs/': a cell full of address fragments."""
    found = []
    for match in re.finditer(r"\S+", content):
        at = start + match.start()
        if at <= last.start:
            continue
        if not last.text.endswith(("-", "/", "_", ".")) or not re.fullmatch(
            r"[a-z0-9./_-]+", match.group(0)
        ):
            break
        last = _Piece(at, match.group(0), " ")
        found.append(last)
    return found


def _incomplete(so_far: str) -> bool:
    """The address is visibly still going: no full host yet, or it ends mid-word."""
    return bool(addresses.host_problem(addresses.host_of(so_far))) or so_far[-1:] in "-_/.#"


def _in_table(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return "\t" in text[line_start:offset]


def _cell_below(text: str, offset: int) -> tuple[int, str] | None:
    """(start, text) of the cell in the same column on the next line."""
    line_start = text.rfind("\n", 0, offset) + 1
    column = text.count("\t", line_start, offset)
    if column == 0:
        return None
    next_start = text.find("\n", offset) + 1
    if next_start == 0:
        return None
    next_end = text.find("\n", next_start)
    line = text[next_start : next_end if next_end >= 0 else len(text)]
    cells = line.split("\t")
    if len(cells) <= column:
        return None
    start = next_start + sum(len(cell) + 1 for cell in cells[:column])
    return start, cells[column]


def _keep_dot(text: str, pieces: list[_Piece]) -> None:
    """'https://www.' then 'hacw.nhs.uk/': the dot belongs to the address, not the sentence."""
    last = pieces[-1]
    end = last.start + len(last.text)
    if text[end : end + 1] == ".":
        pieces[-1] = _Piece(last.start, last.text + ".", last.gap)


def _gap(text: str, tokens: list[tuple[int, str]], i: int) -> str:
    end = tokens[i][0] + len(tokens[i][1])
    following = tokens[i + 1][0] if i + 1 < len(tokens) else len(text)
    return text[end:following]


def _url_start(body: str, text: str, at: int) -> int | None:
    """Where an address starts inside a token, or None when the token holds none."""
    if "@" in body or len(body) < 4:
        return None
    scheme = SCHEME_AT.search(body)
    if scheme is not None:
        intact = scheme.group(0).lower().startswith("http")
        return scheme.start() if intact and _junk(body[: scheme.start()]) else 0
    www = body.lower().find("www.")
    if www >= 0:
        return www if _junk(body[:www]) else 0
    if addresses.is_bare_domain(body) and _bare_in_context(body, text, at):
        return 0
    return None


def _junk(prefix: str) -> bool:
    """Stray characters glued in front of an address, rather than another address's tail."""
    return "/" not in prefix and (len(prefix) <= 3 or not (prefix.isalpha() and prefix.islower()))


def _bare_in_context(body: str, text: str, at: int) -> bool:
    """`example.org.uk` counts as an address alone in its cell, after `Web:`, or `(in brackets)`."""
    line_start = max(text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
    line_end = min(
        (i for i in (text.find("\n", at), text.find("\t", at)) if i >= 0), default=len(text)
    )
    before, after = text[line_start:at], text[at + len(body) : line_end]
    if not before.strip() and not after.strip(" .;,"):
        return True
    if LABELS.search(before):
        return True
    return before.rstrip().endswith("(") and body == body.lower()


def _continues(text: str, pieces: list[_Piece], token: tuple[int, str]) -> bool:
    """Does `token` carry on the address of `pieces` (broken by a wrap or a space)?"""
    gap = pieces[-1].gap
    _, nxt = addresses.strip_token(token[1])
    so_far = "".join(piece.text for piece in pieces)
    if not nxt or not re.search(r"[a-z0-9]", nxt) or "\t" in gap.split("\n")[0]:
        return False
    if gap.count("\n") > 4 or token[1][0] in "([{<'\"“‘":
        return False
    if re.match(r"(?i)(https?:|www\.)", nxt):
        return False
    if "://" in nxt or re.search(r"(?i)[a-z]https?:", nxt):
        return nxt[0].islower() or nxt[0].isdigit()
    if not (nxt[0].islower() or nxt[0].isdigit() or nxt[0] in "_-./?&=#"):
        return False
    if "\n" in gap and not _same_column(text, pieces[-1].start, token[0]):
        return False
    return _fits(so_far, nxt, "\n" in gap)


def _fits(so_far: str, nxt: str, wrapped: bool) -> bool:
    if so_far.endswith(("-", "_")):
        return True
    host = addresses.host_of(so_far)
    if addresses.host_problem(host) and HOSTISH.match(nxt):
        return True
    if _path_like(nxt) or (nxt.endswith("-") and so_far.endswith("/")):
        return True
    if not nxt.isalpha() or not nxt.islower():
        return False
    path = so_far.split("://")[-1].partition("/")[2]
    slug = "_" in path.rsplit("/", 1)[-1]
    if nxt in STOPWORDS:
        return wrapped and slug and not so_far.endswith("/")
    return (wrapped and bool(path)) or slug


def _path_like(token: str) -> bool:
    if not (
        any(ch in token for ch in "/_") or (len(token) > 3 and any(ch in token for ch in "-=&"))
    ):
        return False
    words = [part for part in re.split(r"[/_\-=&.]+", token.lower()) if part]
    return not words or not all(word in STOPWORDS for word in words)


def _same_column(text: str, first: int, second: int) -> bool:
    """On a wrap, the next line continues the address only in the same table column."""
    line_start = text.rfind("\n", 0, first) + 1
    column = text.count("\t", line_start, first)
    next_start = text.rfind("\n", 0, second) + 1
    next_line = text[next_start : text.find("\n", next_start) % (len(text) + 1)]
    next_column = text.count("\t", next_start, second)
    line = text[line_start : text.find("\n", first) % (len(text) + 1)]
    if "\t" not in line:
        return not next_line[: second - next_start].strip()
    return next_column == column or (next_column == 0 and "\t" not in next_line)


def _judge(text: str, pieces: list[_Piece]) -> UrlMention:
    start = pieces[0].start
    end = pieces[-1].start + len(pieces[-1].text)
    joined = "".join(piece.text for piece in pieces)
    problem, error, at = _problem(joined, pieces)
    intended = _intended(joined)
    written = " ".join(piece.text for piece in pieces)
    if problem:
        excerpt = _excerpt_span(text, pieces, at, error)
        return UrlMention(
            start, end, text[start:end], None, problem, error, excerpt, intended, written
        )
    url = addresses.normalise(joined)
    return UrlMention(
        start, end, text[start:end], url, excerpt=(start, end), intended=url, written=written
    )


def _problem(joined: str, pieces: list[_Piece]) -> tuple[str, bool, int]:
    """(what is wrong, is it an error, offset in `joined` where it shows) - ("", ...) if fine."""
    scheme = re.match(r"(?i)^([a-z]*)(:/*)", joined) if "://" in joined[:12] else None
    if scheme is not None and scheme.group(1).lower() not in ("http", "https"):
        return f"starts '{scheme.group(0)}', a damaged web address scheme", True, 0
    missing = NO_SLASHES.match(joined)
    if missing is not None:
        return "is missing the '//' after the scheme", True, 0
    head = HEAD.match(joined)
    inner = INNER_SCHEME.search(joined, max(1, head.end() if head else 0))
    if inner is not None:
        return "is two addresses run together", True, inner.start()
    host_issue = addresses.host_problem(addresses.host_of(joined))
    if len(pieces) > 1:
        return "is broken by a line-wrap or a space", False, len(pieces[0].text)
    if host_issue or joined.endswith(("-", "_")):
        at_break = not pieces[-1].gap or "\t" in pieces[-1].gap or "\n" in pieces[-1].gap
        reason = host_issue or "is cut off where a line or table cell ends"
        return reason, not at_break, 0
    last = joined.rstrip("/").rsplit("/", 1)
    if (
        len(last) == 2
        and "/" in last[0].split("://")[-1]
        and last[1].lower() in addresses.STOP_SEGMENTS
    ):
        return f"runs into the next word ('/{last[1]}')", False, len(last[0])
    return "", False, 0


def _intended(joined: str) -> str:
    tail = list(TAIL_SCHEME.finditer(joined))
    candidate = joined[tail[-1].start() :] if tail else joined
    return addresses.normalise(candidate).lower()


def _excerpt_span(text: str, pieces: list[_Piece], at: int, error: bool) -> tuple[int, int]:
    """5-60 characters of the written address around where it goes wrong."""
    first = pieces[0]
    first_end = first.start + len(first.text)
    if error or len(pieces) == 1:
        position = _position(pieces, at)
        start = max(first.start, position - 24)
        end = min(pieces[-1].start + len(pieces[-1].text), start + 60)
    elif "\n" in text[first_end : pieces[1].start]:
        line_start = text.rfind("\n", 0, first_end) + 1
        start, end = max(line_start, first_end - 40), first_end
    else:
        second_end = pieces[1].start + len(pieces[1].text)
        start, end = max(first.start, first_end - 30), min(second_end, first_end + 30)
    if end - start < 5:
        end = min(len(text), start + 5)
    return start, end


def _position(pieces: list[_Piece], at: int) -> int:
    consumed = 0
    for piece in pieces:
        if at <= consumed + len(piece.text):
            return piece.start + (at - consumed)
        consumed += len(piece.text)
    return pieces[-1].start + len(pieces[-1].text)
