"""Settings: default < newsgraph.toml < NEWSGRAPH_* env < flags."""
import dataclasses

import pytest

from newsgraph.errors import UsageError
from newsgraph.settings import Settings


def test_layers_override_in_order(tmp_path):
    toml = tmp_path / "newsgraph.toml"
    toml.write_text('[newsgraph]\nbatch_size = 4\nprocesses = 3\nport = 9000\n')
    s = Settings.load(config=toml, env={"NEWSGRAPH_PROCESSES": "2", "NEWSGRAPH_PORT": "9100"},
                      port=9200, model=None)
    assert (s.batch_size, s.processes, s.port) == (4, 2, 9200)
    assert s.model == Settings().model


def test_unknown_setting_is_an_error(tmp_path):
    toml = tmp_path / "n.toml"
    toml.write_text('[newsgraph]\nbatch = 4\n')
    with pytest.raises(UsageError, match="unknown settings: batch"):
        Settings.load(config=toml, env={})


def test_bad_value_and_missing_file(tmp_path):
    with pytest.raises(UsageError, match="processes"):
        Settings.load(env={"NEWSGRAPH_PROCESSES": "two"})
    with pytest.raises(UsageError, match="not found"):
        Settings.load(config=tmp_path / "absent.toml", env={})


def test_kb_paths_from_env_split_on_pathsep():
    import os
    s = Settings.load(env={"NEWSGRAPH_KB_PATHS": os.pathsep.join(["a.yaml", "b"])})
    assert s.kb_paths == ("a.yaml", "b")


def test_every_setting_is_documented():
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text()
    for f in dataclasses.fields(Settings):
        assert f"`{f.name}`" in doc, f"setting {f.name} missing from docs/settings.md"


def test_engine_is_checked_and_address_needs_dask():
    assert Settings.load(env={"NEWSGRAPH_ENGINE": "dask"}).engine == "dask"
    with pytest.raises(UsageError, match="engine must be one of local, dask"):
        Settings.load(env={"NEWSGRAPH_ENGINE": "spark"})
    with pytest.raises(UsageError, match="address needs engine dask"):
        Settings.load(env={"NEWSGRAPH_ADDRESS": "tcp://127.0.0.1:8786"})
