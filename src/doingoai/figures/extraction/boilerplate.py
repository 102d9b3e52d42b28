"""News-site boilerplate: what in a saved web page is not the article.

Provincial newspapers save as text with their chrome around the story: portal block names
(``PublishingPortal - Block_BanTin_Toolbar``), font-size buttons, share buttons, and after the
story the reader-comments box and lists of related stories ("Cùng chuyên mục", "Tin liên
quan"...). Related stories carry figures about other subjects (a Thai bridge "hoàn thành 60%"),
so everything from the first such heading on is dropped, and so is a line that is one headline
twice over (a link's text and its image's, which some sites put inside the story). A heading
only counts when it stands alone on a short line: a sentence of the article may well begin
"Tin liên quan đến...". A heading met before the story has properly begun ("TIN LIÊN QUAN" and
two headlines between the title and the lead) drops only the headlines under it: the story goes
on at the first line of prose.

The functions return spans of the original text, so that offsets stay those of the document.
"""

from __future__ import annotations

import re

from .normalize import fold

__all__ = ["article_spans", "END_HEADINGS", "NOISE_LINES"]

#: A short line starting with one of these ends the article.
END_HEADINGS = (
    "cùng chuyên mục",
    "tin cùng chuyên mục",
    "tin liên quan",
    "bài liên quan",
    "bài viết liên quan",
    "tin bài liên quan",
    "ý kiến bạn đọc",
    "bình luận",
    "gửi bình luận",
    "viết bình luận",
    "tin khác",
    "các tin khác",
    "tin đã đưa",
    "tin mới nhất",
    "tin mới",
    "đọc nhiều",
    "đọc nhiều nhất",
    "tin đọc nhiều",
    "xem thêm",
    "có thể bạn quan tâm",
    "tin tức liên quan",
)

#: Whole lines that are page chrome, not prose (matched on the folded line).
NOISE_LINES = (
    r"publishingportal\b.*",
    r"tăng cỡ chữ.*",
    r"giảm cỡ chữ.*",
    r"(?:trang chủ|chia sẻ|in bài|lưu bài|gửi bài|bản in|facebook|zalo|twitter|email|"
    r"trở về|quay lại|lên đầu trang|a\+|a-|aa)(?:\s*[|/›>»-]\s*.*)?",
)

_END_RE = re.compile(r"\s*(?:" + "|".join(re.escape(fold(h)) for h in END_HEADINGS) + r")\b")
_NOISE_RE = re.compile(r"\s*(?:" + "|".join(fold(p) for p in NOISE_LINES) + r")\s*")
_MAX_HEADING = 48
#: Prose read before a heading under which the article is taken to have begun (characters).
_STORY_BEGUN = 600
#: A line of prose, not a headline: long, or a sentence.
_PROSE_LINE = 160


def article_spans(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` (NFC) that belong to the article proper, in order.

    ``folded`` is ``fold(text)`` when the caller has it already (it is the expensive part).
    """
    if folded is None:
        folded = fold(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    read = 0
    headlines = False
    for line in folded.splitlines(keepends=True):
        start, end = pos, pos + len(line)
        pos = end
        body = line.strip()
        if len(body) <= _MAX_HEADING and _END_RE.match(body):
            if read >= _STORY_BEGUN:
                break
            headlines = True
            continue
        if headlines:
            if len(body) < _PROSE_LINE and not (len(body) > 80 and body.endswith((".", ":"))):
                continue  # a related story's headline
            headlines = False
        if not body or _NOISE_RE.fullmatch(body) or _doubled(body):
            continue
        spans.append((start, end))
        read += len(body)
    return spans


def _doubled(line: str) -> bool:
    """A related story's link: its headline twice on one line, as the link's text and its
    image's ("Vinh danh 37 tổ chức ... Việt Nam Vinh danh 37 tổ chức ... Việt Nam")."""
    half = (len(line) - 1) // 2
    return len(line) >= 41 and len(line) % 2 == 1 and line[:half] == line[half + 1 :]
