"""Read an article file (see DESIGN.md, "The article format") into an `Article`.

The contract: `parse_article_file` and `parse_article_text` return an `Article` or
raise `ArticleError` naming the file (and the line where one is to blame); they
raise nothing else, whatever the bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.articles.files import read_regular_file
from bot.articles.furniture import is_cut_marker, is_furniture, is_furniture_paragraph
from bot.articles.model import Article, ArticleError, Update, slug_for
from bot.articles.sidecar import Sidecar, read_sidecar

# Larger than any real article; a guard against being handed a disk image.
MAX_FILE_BYTES = 2_000_000
TITLE_LIMIT = 300  # a first line longer than this is not a title (a file without one)

_EXIT_QUESTION = re.compile(r"^exit\s+question\s*(?::|—|–|-{1,2})\s*", re.IGNORECASE)
# "Update:", "UPDATE —", "Update (4:12 PM):", "Update II:", "Update 2:", "Update, 5 p.m.:".
# "Updates to the plan are expected" and "Update the plan: …" stay body text.
_UPDATE = re.compile(
    r"^(?P<label>update"
    r"(?:\s+(?:[ivx]{1,5}|\d{1,3})\b)?"
    r"(?:\s*\([^()\n]{1,40}\)|,\s*[^:—–\n]{1,30}(?=\s*(?::|—|–)))?"
    r")\s*(?::|—|–|-{1,2}(?=\s))\s*",
    re.IGNORECASE,
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(slots=True)
class _Block:
    line: int  # 1-based line number of the block's first line
    text: str


def parse_article_file(path: Path | str) -> Article:
    """Parse `path` and its optional sidecar `<stem>.toml`. Only regular files are opened (see files.py).

    Blocking file I/O: call it from a thread when an event loop is running."""
    path = Path(path)
    name = str(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError(name, f"is larger than {MAX_FILE_BYTES:,} bytes; not an article")
    sidecar_path = path.with_suffix(".toml")
    try:
        sidecar = read_sidecar(sidecar_path)
    except ArticleError:
        raise
    except Exception as error:  # the contract: one bad file is one ArticleError, never a crash
        raise ArticleError(str(sidecar_path), f"could not be read ({type(error).__name__}: {error})") from error
    return parse_article_bytes(data, name=name, slug=slug_for(path), sidecar=sidecar)


def parse_article_bytes(data: bytes, *, name: str, slug: str, sidecar: Sidecar | None = None) -> Article:
    return parse_article_text(_decode(data, name), name=name, slug=slug, sidecar=sidecar)


def parse_article_text(text: str, *, name: str, slug: str, sidecar: Sidecar | None = None) -> Article:
    try:
        return _parse(text, name=name, slug=slug, sidecar=sidecar)
    except ArticleError:
        raise
    except Exception as error:  # the contract: nothing but ArticleError escapes
        raise ArticleError(name, f"could not be parsed ({type(error).__name__}: {error})") from error


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise ArticleError(name, "is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(name, "looks like a binary file (it contains NUL bytes), not article text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len(data[: error.start].decode("utf-8", "replace").splitlines()) or 1
        raise ArticleError(
            name, f"is not valid UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8", line
        ) from None


def _parse(text: str, *, name: str, slug: str, sidecar: Sidecar | None) -> Article:
    # Windows (CRLF) and old Mac (CR) line ends are line ends, not control characters.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks, trailer = _blocks(text)
    if not blocks:
        raise ArticleError(name, "is empty")
    control = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if control > max(8, len(text) // 50):
        raise ArticleError(name, "looks like a binary file (too many control characters), not article text")

    first = blocks[0]
    title_line, _, rest_of_first = first.text.partition("\n")
    title = _clean(title_line)
    if len(title) > TITLE_LIMIT:
        raise ArticleError(name, f"the first line (the title) is longer than {TITLE_LIMIT} characters", first.line)
    # A byline right under the title, with no blank line between ("By Janelle Ortiz, Staff Writer")
    under_title = rest_of_first.strip() and not _site_paragraph(rest_of_first)
    body_blocks = ([_Block(first.line + 1, rest_of_first)] if under_title else []) + blocks[1:]

    paragraphs: list[str] = []
    updates: list[Update] = []
    exit_question: str | None = None
    pending: str | None = None  # "exit" or "update": a marker with its text in the next paragraph
    for block in body_blocks:
        paragraph = _clean(block.text)
        if not paragraph:
            continue
        if pending == "exit":
            exit_question, pending = paragraph, None
            continue
        if pending == "update":
            updates[-1] = Update(updates[-1].label, paragraph)
            pending = None
            continue
        if exit_question is None and (match := _EXIT_QUESTION.match(paragraph)):
            exit_question = paragraph[match.end() :].strip() or None
            pending = "exit" if exit_question is None else None
            continue
        if labelled := split_update_label(paragraph):
            label, text_after = labelled
            updates.append(Update(label, text_after))
            pending = None if text_after else "update"
            continue
        if updates:
            # A plain paragraph after an update continues that update.
            last = updates[-1]
            updates[-1] = Update(last.label, f"{last.text}\n\n{paragraph}")
            continue
        paragraphs.append(paragraph)

    updates = [u for u in updates if u.text]
    if not paragraphs:
        raise ArticleError(name, f"has a title ({title[:60]!r}) but no body paragraphs", first.line)

    meta = sidecar or Sidecar()
    return Article(
        slug=slug,
        title=title,
        paragraphs=tuple(paragraphs),
        exit_question=exit_question,
        updates=tuple(updates),
        source_url=meta.source_url,
        author=meta.author,
        published=meta.published,
        poll_options=tuple(meta.poll_options),
        tags=tuple(meta.tags),
        warnings=tuple(_updates_after_trailer(name, trailer)),
    )


@dataclass(slots=True)
class _Trailer:
    marker: _Block  # the line that starts the site's page furniture
    blocks: list[_Block]  # what follows it


def _blocks(text: str) -> tuple[list[_Block], _Trailer | None]:
    """Blank-line separated blocks up to the site's trailer (skipping furniture lines), and the trailer."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    blocks: list[_Block] = []
    trailer: _Trailer | None = None
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _visible(raw).strip()
        # A box heading stands at the start of a block, after the title's: a hard-wrapped line
        # inside a paragraph that happens to read like one ("more in 2026."), or a title that
        # does ("Popular in Japan"), is the article's.
        if line and trailer is None and not current and blocks and is_cut_marker(line):
            if current:
                blocks.append(_Block(start, "\n".join(current)))
                current = []
            trailer = _Trailer(_Block(number, line), [])
            continue
        if not line or is_furniture(line):
            if current:
                (blocks if trailer is None else trailer.blocks).append(_Block(start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        (blocks if trailer is None else trailer.blocks).append(_Block(start, "\n".join(current)))
    # A byline or a pitch standing as a paragraph of its own (after the title: a title is never one;
    # nor is the exit question or an update, whatever they mention)
    kept = blocks[:1]
    for block in blocks[1:]:
        # the text of a bare "Exit question:" or "Update:" is the next paragraph, whatever it says
        after_label = _bare_label(kept[-1].text) if len(kept) > 1 else False
        if after_label or not _site_paragraph(block.text):
            kept.append(block)
    return kept, trailer


def _bare_label(text: str) -> bool:
    cleaned = _clean(text)
    if (match := _EXIT_QUESTION.match(cleaned)) is not None:
        return not cleaned[match.end() :].strip()
    labelled = split_update_label(cleaned)
    return labelled is not None and not labelled[1]


def _site_paragraph(text: str) -> bool:
    labelled = _EXIT_QUESTION.match(text) or split_update_label(_clean(text)) is not None
    return not labelled and is_furniture_paragraph(text)


def _updates_after_trailer(name: str, trailer: _Trailer | None) -> list[str]:
    """An `Update:` paragraph after the site's trailer is not taken, and says so.

    Not taken, because in the shipped format everything from the trailer marker on is the site's page
    furniture (on Hot Air, a trending-video box with other stories' headlines and bylines): an `Update:`
    there is not this article's, and taking it would push another page's text into every thread, which
    cannot be unsent. The site puts a real update above its trailer; an editor who appended one below by
    hand gets this warning, with the line to move it above, instead of a silence."""
    if trailer is None:
        return []
    warnings = []
    marker = trailer.marker
    for block in trailer.blocks:
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            # Any line, not only a paragraph's first: `echo "Update: …" >> file` lands right under the
            # trailer's last line when the file does not end with a newline.
            if not _UPDATE.match(line):
                continue
            paragraph = _clean("\n".join(lines[offset:]))
            words = paragraph if len(paragraph) <= 60 else paragraph[:59] + "…"
            warnings.append(
                f"{name}: line {block.line + offset}: {words!r} comes after the site's trailer ({marker.text!r} "
                f"on line {marker.line}), where everything is page furniture; not taken as an update (move it "
                f"above line {marker.line} to publish it)"
            )
            break
    return warnings


def _visible(line: str) -> str:
    """The line without control and unassigned characters (a line of only those is blank)."""
    if line.isprintable():
        return line
    return "".join(ch for ch in line if ch in " \t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn"))


def _clean(text: str) -> str:
    """One paragraph: hard-wrapped lines joined, runs of spaces collapsed, NFC."""
    joined = " ".join(part.strip() for part in text.split("\n"))
    return unicodedata.normalize("NFC", _SPACES.sub(" ", joined)).strip()


def split_update_label(paragraph: str) -> tuple[str, str] | None:
    """A paragraph that opens with an update's label ("Update:", "UPDATE —", "Update (4:12 PM):"):
    the label as the bot shows it and the text after it. None for any other paragraph ("Updates to
    the plan are expected" is body text)."""
    match = _UPDATE.match(paragraph)
    if match is None:
        return None
    return _label(match.group("label")), paragraph[match.end() :].strip()


def _label(raw: str) -> str:
    """'UPDATE' → 'Update', 'update ii' → 'Update II', 'Update (4:12 PM)' kept as written."""
    suffix = " ".join(raw.strip()[len("update") :].split())
    if re.fullmatch(r"[ivx]{1,5}", suffix, re.IGNORECASE):
        suffix = suffix.upper()
    if suffix and not suffix.startswith(","):
        suffix = " " + suffix
    return "Update" + suffix
