"""A light "is this English?" check: script share plus stopword ratios, no dependency.

The check is deliberately lenient: it only rejects a text when it is confident. Short
texts and English texts dense with (foreign) names pass, because names are not
stopwords of any language and English function words still outnumber the others.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

SAMPLE_CHARS = 20_000      # enough to judge; long articles are not scanned in full
MIN_TOKENS = 12            # fewer words than this: too little evidence, accept
MIN_OTHER_RATIO = 0.12     # another language's stopwords must cover this share...
DOMINANCE = 2.0            # ...and outnumber English stopwords by this factor
MIN_ENGLISH_RATIO = 0.02   # below this (with enough tokens) the text is not English
FOREIGN_SCRIPT_SHARE = 0.5  # share of non-Latin letters that makes a text non-English

ENGLISH = frozenset("""
a about after against all also an and any are as at be because been before being
between both but by can could did do does during each for from had has have he her
here him his how i if in into is it its more most my no not now of on one only or
other our out over said she should so some such than that the their them then there
these they this those through to under up very was we were what when where which
while who will with would you
""".split())

# Frequent function words of other languages, minus those that are also English words.
OTHERS: dict[str, frozenset[str]] = {
    "French": frozenset("""le la les des du un une et est dans pour pas que qui sur au aux
        ce cette avec sont ont mais par plus ses son leur été être il elle nous vous ils""".split()),
    "German": frozenset("""der die das und ist nicht den dem des ein eine einer zu mit sich
        auf für von sie es auch wird wurde sind dass nach bei oder aus wie noch""".split()),
    "Spanish": frozenset("""el la los las del y en es que por para con una un se su sus
        lo como más pero fue ha este esta ser son entre""".split()),
    "Italian": frozenset("""il lo la gli le di del della che è e per una un non sono con
        nel nella dei delle ha anche come più questo questa""".split()),
    "Portuguese": frozenset("""o os a as de do da dos das e que em um uma para com não
        por mais se foi ao à são como sua seu""".split()),
    "Dutch": frozenset("""de het een en van is dat op te zijn niet met voor er ook maar
        aan bij als wordt werd naar deze uit""".split()),
    "Indonesian": frozenset("""yang dan di ini itu dengan untuk tidak dari dalam akan
        pada juga ke karena oleh ada mereka""".split()),
    "Turkish": frozenset("""ve bir bu da de için ile olarak çok daha ama gibi olan
        sonra kadar değil ise""".split()),
}
OTHERS = {name: words - ENGLISH for name, words in OTHERS.items()}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def non_english(text: str) -> str | None:
    """Name of the language (or script) the text looks like if it is clearly not English.

    Returns None when the text is English or when there is too little evidence.
    """
    sample = text[:SAMPLE_CHARS].lower()
    tokens = Counter(WORD.findall(sample))
    script = _foreign_script(sample, letters=sum(len(t) * n for t, n in tokens.items()))
    if script:
        return script
    total = sum(tokens.values())
    if total < MIN_TOKENS:
        return None
    english = _ratio(tokens, ENGLISH, total)
    name, other = max(((n, _ratio(tokens, words, total)) for n, words in OTHERS.items()),
                      key=lambda pair: pair[1])
    if other >= MIN_OTHER_RATIO and other >= DOMINANCE * english:
        return name
    if english < MIN_ENGLISH_RATIO and total >= 4 * MIN_TOKENS:
        return "an unrecognised language"
    return None


def _ratio(tokens: Counter[str], words: frozenset[str], total: int) -> float:
    return sum(tokens[word] for word in words if word in tokens) / total


def _foreign_script(sample: str, *, letters: int) -> str | None:
    """The dominant non-Latin script, e.g. 'Arabic script', when most of the
    `letters` (a count of the sample's word characters) use it."""
    counts: Counter[str] = Counter()
    for char in NON_ASCII.findall(sample):      # only non-ASCII characters need a look-up
        if char.isalpha():
            script = _script(char)
            if script != "LATIN":
                counts[script] += 1
    if not counts or not letters:
        return None
    script, count = max(counts.items(), key=lambda pair: pair[1])
    if count / letters < FOREIGN_SCRIPT_SHARE:
        return None
    label = script if len(script) <= 3 else script.title()   # CJK stays upper case
    return f"{label} script"


def _script(char: str) -> str:
    """First word of the Unicode name: LATIN, ARABIC, CYRILLIC, CJK, HEBREW..."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
