"""The Dask engine: a 2-worker local cluster gives the same store as the default engine,
and a worker killed in the middle of a batch loses nothing and duplicates nothing."""
from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from newsgraph.export.json_export import build as export
from newsgraph.pipeline import run
from newsgraph.settings import Settings
from newsgraph.store import View

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def _export(db: Path) -> str:
    return json.dumps(export(View.open(db)), sort_keys=True)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(EXAMPLES.glob("*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def local_export(articles, tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("local") / "local.sqlite"
    run([articles], db=db)
    return _export(db)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def test_local_two_worker_cluster_gives_the_default_engines_store(articles, local_export,
                                                                  tmp_path):
    db = tmp_path / "dask.sqlite"
    report = run([articles], db=db, settings=Settings(engine="dask", processes=2,
                                                      batch_size=1))
    assert report.articles_new == 6 and not report.skipped
    assert _export(db) == local_export
    assert json.loads(local_export)["events"], "the examples report events"


def test_a_running_cluster_is_used_by_its_address(articles, local_export, cluster, tmp_path):
    db = tmp_path / "addr.sqlite"
    run([articles], db=db, settings=Settings(engine="dask", address=cluster.scheduler_address,
                                             batch_size=2))
    assert _export(db) == local_export


def _dies_once(marker: str, articles, settings):
    """A batch function whose first call kills its worker process mid-batch."""
    from newsgraph.nlp.runner import worker_batch
    if not os.path.exists(marker):
        Path(marker).write_text(str(os.getpid()))
        os._exit(1)
    return worker_batch(articles, settings)


def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(articles, cluster, tmp_path):
    import cloudpickle

    from newsgraph.ingest import read_articles
    from newsgraph.model import ArticleRecords
    from newsgraph.nlp.distributed import analyse_on_dask
    from newsgraph.nlp.runner import analyse
    from newsgraph import lexicons
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    settings = Settings(engine="dask", address=cluster.scheduler_address, batch_size=2)
    items = [a for a in read_articles([articles], settings=Settings())
             if not hasattr(a, "reason")]
    batches = iter([items[i:i + 2] for i in range(0, len(items), 2)])
    marker = tmp_path / "killed"
    got = list(analyse_on_dask(batches, settings,
                               fn=functools.partial(_dies_once, str(marker))))
    assert marker.exists(), "a worker must have been killed"
    expected = list(analyse(items, settings=Settings(), data=lexicons.load(())))
    assert [r.article.id for r in got] == [a.id for a in items]
    assert all(isinstance(r, ArticleRecords) for r in got)
    assert got == expected
