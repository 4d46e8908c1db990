"""Base stores for bench/make_store.py: real pipeline builds, cached under build/bench/.

The newswire corpus, the seeds and the LGL / GeoWebNews texts of
../shared/bench/geoparsing (third-party, GPL-3.0: read from there, converted to a
JSONL file under build/, never copied into the project) are each built once with the
project's pipeline; make_store.py samples and varies their stored records.
"""
from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = ROOT / "build" / "bench"
log = logging.getLogger("bench.store_base")


def geoparsing_jsonl(out: Path) -> Path:
    """LGL and GeoWebNews articles as one .jsonl source (id, url, title, publisher, text)."""
    data = SHARED / "bench" / "geoparsing"
    with open(out, "w", encoding="utf-8") as fh:
        for name in ("lgl.xml", "GWN.xml"):
            root = ET.parse(data / name).getroot()
            for i, art in enumerate(root.iter("article")):
                text = (art.findtext("text") or "").strip()
                if not text:
                    continue
                url = art.findtext("url") or art.findtext("link") or ""
                host = url.split("/")[2] if url.count("/") >= 2 else None
                rec = {"id": f"{name.split('.')[0].lower()}-{i}", "url": url or None,
                       "title": art.findtext("title"),
                       "publisher": art.findtext("domain") or host, "text": text}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def sources() -> dict[str, Path]:
    """Name -> source path of every base corpus (the geoparsing JSONL written on demand)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    geo = CACHE / "geoparsing.jsonl"
    if not geo.exists():
        geoparsing_jsonl(geo)
    return {"newswire": SHARED / "corpus" / "newswire", "seeds": SHARED / "corpus" / "seeds",
            "geoparsing": geo}


def base_stores() -> list[Path]:
    """The built base stores, building the missing ones (minutes, once)."""
    from newsgraph.pipeline import run
    stores = []
    for name, src in sources().items():
        db = CACHE / f"base-{name}.sqlite"
        if not db.exists():
            log.info("building base store %s from %s", db.name, src)
            tmp = db.with_suffix(".partial.sqlite")
            tmp.unlink(missing_ok=True)
            run([src], db=tmp)
            tmp.rename(db)
        stores.append(db)
    return stores


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for db in base_stores():
        print(db)
