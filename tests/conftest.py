"""Shared test set-up: the hypothesis profile, a cache folder of the run's own, and the seed
article's one definition."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Wall-clock deadlines make property tests flaky on a loaded 2-core machine; speed is measured
# by the benchmark scripts, not by tests.
settings.register_profile("soat", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("soat")


def pytest_configure(config) -> None:
    """soat's caches of built-in data and patterns (soat/checked_file.py: cache_dir) go to a
    folder of this test run, not the user's ~/.cache/soat: the tests run `soat check` in
    this process, whose patterns (pytest's, hypothesis's) the regex cache would otherwise
    keep for every later soat run of the user. A folder the caller set is kept."""
    if "SOAT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="soat-test-cache-")
        os.environ["SOAT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    # Tests that run `soat check` on the examples in the checkout fill a result cache there
    # (.soat_cache/ in the working folder): it goes with the run unless it was there before.
    results = Path(__file__).resolve().parents[1] / ".soat_cache"
    if not results.exists():
        config.add_cleanup(lambda: shutil.rmtree(results, ignore_errors=True))


ROOT = Path(__file__).resolve().parents[1]
# The real article the project started from lives in the project's shared folder beside the
# repository, not in the repository (its text is not ours to redistribute).
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"
SEED_MISSING = (
    "needs the seed article ../shared/seed/000_7f95cae0e241f5ce.txt beside the repository; "
    "tests/test_examples_seed_classes.py checks the same defect classes on examples/"
)
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=SEED_MISSING)


@pytest.fixture
def seed_path() -> Path:
    """The seed article's path; the test is skipped, with the reason, when it is absent."""
    if not SEED.is_file():
        pytest.skip(SEED_MISSING)
    return SEED


@pytest.fixture
def seed_source(seed_path: Path) -> str:
    """The seed article's exact text (newlines as in the file)."""
    return seed_path.read_bytes().decode("utf-8")
