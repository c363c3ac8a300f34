"""Which capitalised words of a text belong to a personal name.

Những từ viết hoa nào là một phần của tên người: tên riêng giữ cách viết của chủ nhân
("Thủy", "Thuý", "Vỹ"), nên các quy tắc về kiểu bỏ dấu và biến thể i/y không đụng đến.
A name is a run of capitalised words that starts with a surname ("Nguyễn Thị Thuý"), a run
after a word that introduces a person ("chị Thuý", "ông Lý"), or a name the caller knows.
Once a name is found, the same capitalised word elsewhere in the text ("Thuý cho biết") is
taken as the name too. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, count
from operator import itemgetter

from soat.vi.names import is_name_syllable, is_surname
from soat.vi.tokens import Word

# Lower-case words after which a capitalised word is a person's name.
_PERSON_CUES = frozenset(
    {
        "ông",
        "bà",
        "anh",
        "chị",
        "em",
        "cô",
        "chú",
        "bác",
        "cháu",
        "cụ",
        "thầy",
        "bé",
        "cậu",
        "dì",
        "mợ",
        "thím",
        "chàng",
        "nàng",
        "con",
        "vợ",
        "chồng",
        "mẹ",
        "bố",
        "cha",
        "chí",
    }
)
_MAX_NAME = 5
_TEXT, _FIRST = itemgetter(0), itemgetter(slice(None, 1))  # a Word's text, a text's 1st letter


def _runs(text: str, words: Sequence[Word]) -> list[list[int]]:
    """Indexes of consecutive capitalised words separated by one space."""
    runs: list[list[int]] = []
    # Only the words with a capital first letter can be name syllables: found without a
    # Python step for the others (most words are lower case).
    capitalised = compress(count(), map(str.isupper, map(_FIRST, map(_TEXT, words))))
    for i in capitalised:
        word = words[i]
        if not is_name_syllable(word[0]):
            continue
        if runs and runs[-1][-1] == i - 1 and text[words[i - 1].end : word.start] == " ":
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def person_name_indexes(
    text: str, words: Sequence[Word], known_names: Iterable[str] = ()
) -> set[int]:
    """Indexes into `words` (from `iter_words(text)`) of the words of personal names."""
    known = {name for name in known_names if name}
    found: set[int] = set()
    for run in _runs(text, words):
        texts = [words[i].text for i in run]
        joined = " ".join(texts)
        if any(name in joined for name in known):
            for name in known:
                at = joined.find(name)
                if at >= 0:
                    first = joined[:at].count(" ")
                    found.update(run[first : first + name.count(" ") + 1])
        start = next((j for j in range(len(run) - 1) if is_surname(texts[j])), None)
        if start is not None:
            found.update(run[start : start + _MAX_NAME])
            continue
        if len(run) > 1 and texts[0].lower() in _PERSON_CUES:  # "Chị Thuý" opening a sentence
            found.update(run[1 : 1 + _MAX_NAME])
            continue
        before = run[0] - 1
        if (
            before >= 0
            and words[before].text in _PERSON_CUES
            and text[words[before].end : words[run[0]].start] == " "
        ):
            found.update(run[:_MAX_NAME])
    if found:
        spellings = {words[i].text for i in found}
        found.update(i for i, word in enumerate(words) if word[0] in spellings)
    return found
