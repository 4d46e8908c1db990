"""The acceptance checks: too short, duplicates, language, ids."""
from __future__ import annotations

from pathlib import Path

from newsgraph import ids

from .helpers import ENGLISH, articles, only_skip, read, skipped

FRENCH = (
    "Le gouvernement a annoncé mardi que les élections législatives auraient lieu au mois de "
    "juin, malgré les protestations de plusieurs partis de l'opposition qui demandent une "
    "nouvelle loi électorale et la libération des manifestants arrêtés dans la capitale."
)


def test_too_short(tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_text("Ten people were killed on Monday.", encoding="utf-8")
    skip = only_skip(read(tmp_path))
    assert skip.reason.startswith("too short: 6 words") and "min_words" in skip.reason


def test_min_words_setting_is_used(tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_text("Ten people were killed on Monday.", encoding="utf-8")
    assert len(articles(read(tmp_path, min_words=5))) == 1


def test_duplicate_identical_texts(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "second.txt").write_text(ENGLISH, encoding="utf-8")
    items = read(tmp_path)
    (article,) = articles(items)
    assert article.source == "first.txt"
    assert article.id == ids.article_id(ENGLISH)
    (skip,) = skipped(items)
    assert skip.source == "second.txt" and skip.reason.startswith("duplicate of first.txt")


def test_non_english_article(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    skip = only_skip(read(tmp_path))
    assert skip.reason == "language looks like French, not English"


def test_arabic_script_article(tmp_path: Path) -> None:
    text = "قال مسؤولون يوم الاثنين إن المحادثات بين الوفدين ستستأنف الأسبوع المقبل بعد توقف دام عدة أيام بسبب خلاف حول جدول الأعمال وقائمة الحضور"
    (tmp_path / "ar.txt").write_text(text, encoding="utf-8")
    assert "Arabic script, not English" in only_skip(read(tmp_path, min_words=5)).reason


def test_english_with_many_names_is_kept(tmp_path: Path) -> None:
    text = ("Abu Mahdi al-Muhandis, Qais al-Khazali, Hadi al-Amiri, Faleh al-Fayyadh, Akram "
            "al-Kaabi and Abu Fadak al-Mohammedawi met Ali Larijani, Esmail Qaani and Mohammad "
            "Javad Zarif in Baghdad, Najaf and Karbala on Tuesday, Wednesday and Thursday.")
    (tmp_path / "names.txt").write_text(text, encoding="utf-8")
    assert len(articles(read(tmp_path))) == 1
