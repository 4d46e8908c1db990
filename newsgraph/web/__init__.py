"""The web UI: static ES modules under static/, vendor assets fetched from npm by assets.py."""
