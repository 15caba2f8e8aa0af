"""Does a figure appear in its source's quoted excerpt, at the scale the excerpt states it?

A row's value is read in the row's own unit (``RMB billion``, ``million people`` ...) and turned
into a plain number; every number in the excerpt is read with the unit word after it (billion,
million, 万, 亿, 万亿, %, and the same words in the other languages the sources use) and turned into
a plain number too. The value is in the excerpt when the two plain numbers are equal. So "RMB 150
billion" backs 150 (RMB billion) and 0.15 (RMB trillion), but not 15, 1500, 1.5 or 105: a typo or a
slip by a factor of ten fails.
"""

from __future__ import annotations

import math
import re

#: Chinese unit words, simplified and traditional (兆 is 10^12 in the Taiwanese and Hong Kong
#: sources the course quotes), longest first.
CJK = [("万亿", 1e12), ("萬億", 1e12), ("千亿", 1e11), ("千億", 1e11), ("千万", 1e7), ("千萬", 1e7),
       ("百万", 1e6), ("百萬", 1e6), ("亿", 1e8), ("億", 1e8), ("兆", 1e12), ("万", 1e4), ("萬", 1e4)]
#: Words that follow a number (a space between is allowed), in the languages of the sources.
WORDS = [("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("tn", 1e12),
         ("bn", 1e9), ("mn", 1e6), ("mt", 1e6),  # English; Mt = million tonnes
         ("crore", 1e7), ("lakh", 1e5),  # Indian English
         ("milliards", 1e9), ("milliard", 1e9), ("millions", 1e6), ("million", 1e6),  # French
         ("млрд", 1e9), ("млн", 1e6), ("тыс", 1e3),  # Russian
         ("tỉ", 1e9), ("tỷ", 1e9), ("triệu", 1e6),  # Vietnamese
         ("تريليون", 1e12), ("مليار", 1e9), ("مليون", 1e6)]  # Arabic
#: Abbreviations that count only directly after the number ("$5.9b", "1.4m", "12k").
TIGHT = [("b", 1e9), ("m", 1e6), ("k", 1e3)]
#: A unit stated for a whole chart or table ("US$ billions") scales its bare numbers.
DECLARED = re.compile(r"\b(trillions|billions|millions|thousands)\b", re.IGNORECASE)
PERCENT = re.compile(r"\s*(%|％|percent\b|per cent\b|个百分点|個百分點|percentage point)",
                     re.IGNORECASE)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
#: Languages that write 67,8 for sixty-seven point eight.
DECIMAL_COMMA = {"fr", "ru", "vi", "de", "es", "it", "pt", "nl", "pl", "tr", "id"}

#: Scale of each unit a dataset column (or its unit column) uses.
SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
PERCENT_UNITS = ("percent", "percent of world", "percentage points")
#: "87 of the 100 researchers" states a percentage too.
OF_HUNDRED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) of (?:the )?100\b")


def unit_scale(unit: str) -> float:
    """1e9 for 'RMB billion', 1e6 for 'million people', 1 for 'count' or 'stations'."""
    words = unit.lower().split()
    for word, scale in SCALES.items():
        if word in words:
            return scale
    return 1.0


def _number_pattern(language: str) -> re.Pattern:
    if language in DECIMAL_COMMA:  # 1 234,5 or 1.234,5
        return re.compile(r"(?<![\d.,])(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(,\d+)?(?![\d])")
    return re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def _scale(after: str) -> tuple[float, int] | None:
    """The multiplier of the unit word at the start of ``after`` and the characters it takes
    (spaces included), or None when there is none."""
    spaced = after.lstrip(" ")
    skipped = len(after) - len(spaced)
    for word, factor in CJK:
        if spaced.startswith(word):
            return factor, skipped + len(word)
    lowered = spaced.lower()
    for word, factor in WORDS:
        if lowered.startswith(word) and not spaced[len(word):len(word) + 1].isalpha():
            return factor, skipped + len(word)
    for word, factor in TIGHT:
        if after.lower().startswith(word) and not after[1:2].isalpha():
            return factor, 1
    return None


def numbers(excerpt: str, language: str = "en") -> list[tuple[float, bool]]:
    """Every number the excerpt states, as (plain value, is a percentage).

    A bare number (no unit word after it) is read as it stands and, where the excerpt declares
    a unit for its figures ("US$ billions") or the number follows a scaled one ("from 447
    million ... to 446.8 on ..."), also at that scale. "1 billion 382 million" is read as one
    number too.
    """
    text = excerpt.replace("\u00a0", " ")
    declared = DECLARED.search(text)
    carry = SCALES[declared.group(1).lower().rstrip("s")] if declared else None
    found: list[tuple[float, bool]] = []
    last: tuple[float, float, int] | None = None  # plain value, scale and end of the last one
    for match in _number_pattern(language).finditer(text):
        if language in DECIMAL_COMMA:
            whole = re.sub(r"[.\u202f ]", "", match.group(1))
        else:
            whole = match.group(1).replace(",", "")
        value = float(whole + (match.group(2) or "").replace(",", "."))
        after = text[match.end():]
        if PERCENT.match(after):
            found.append((value, True))
            continue
        unit = _scale(after)
        if unit is None:
            found.append((value, False))
            if not (1900 <= value <= 2100 and value == int(value)):  # a year keeps its value
                for scale in {carry, last[1] if last else None} - {None}:
                    found.append((value * scale, False))
            continue
        scale, length = unit
        plain = value * scale
        found.append((plain, False))
        if last and last[1] > scale and not text[last[2]:match.start()].strip():
            found.append((last[0] + plain, False))  # 1 billion 382 million
        last = (plain, scale, match.end() + length)
    for word, value in NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text, re.IGNORECASE):
            found.append((float(value), False))
    found += [(float(m.group(1)), True) for m in OF_HUNDRED.finditer(text)]
    if any(is_pct for _, is_pct in found):  # "17.5, 13.5 and 31.6 percentage points"
        found += [(n, True) for n, is_pct in list(found) if not is_pct and not 1900 <= n <= 2100]
    return found


def in_excerpt(value: float, unit: str, excerpt: str, language: str = "en") -> bool:
    """Is ``value`` (in ``unit``) one of the numbers ``excerpt`` states?"""
    stated = numbers(excerpt, language)
    value = abs(value)  # "fell 17%" backs -17
    if unit in PERCENT_UNITS:
        return any(is_pct and math.isclose(n, value, rel_tol=1e-9) for n, is_pct in stated)
    plain = value * unit_scale(unit)
    return any(math.isclose(n, plain, rel_tol=1e-9, abs_tol=1e-9)
               for n, is_pct in stated if not is_pct)


def mutations(value: float) -> list[float]:
    """Typical typos of a value: x10, /10, and the first two different neighbouring digits
    swapped (1500 for 1050)."""
    out = [value * 10, value / 10]
    text = f"{value:g}"
    for a in range(len(text) - 1):
        if text[a].isdigit() and text[a + 1].isdigit() and text[a] != text[a + 1]:
            out.append(float(text[:a] + text[a + 1] + text[a] + text[a + 2:]))
            break
    return [m for m in out if not math.isclose(m, value)]
