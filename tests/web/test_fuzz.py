"""The API fuzzed against its own OpenAPI description (schemathesis): never a server error."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import open_store
from storyline.web import ServerOptions, create_app

TOKEN = "fuzz-token-0123456789abcdef"
STATUSES: defaultdict[str, Counter[int]] = defaultdict(Counter)


def _app():  # type: ignore[no-untyped-def]
    import atexit
    import shutil
    import tempfile
    from importlib import resources

    folder = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the store goes when the test process does
    store_settings = Settings(db=folder / "fuzz.db", embedder="hashing", languages=("bg", "ru", "uk", "en"))
    seeds = Path(str(resources.files("storyline").joinpath("samples")))
    with open_store(store_settings.db) as store:
        ingest(read_sources([str(seeds)]), store, store_settings, HashingEmbedder())
    return create_app(store_settings, ServerOptions(ingest_token=TOKEN, max_body_bytes=256 * 1024), HashingEmbedder())


@schemathesis.serializer("application/x-ndjson")
def _json_lines(_context: object, value: object) -> bytes:
    """A generated JSON-lines body: strings as they are (often not JSON at all), anything else as one line."""
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_fuzz_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    # Ingest requests carry the right token, so that their bodies reach the parser and the pipeline.
    token = {"Authorization": f"Bearer {TOKEN}"} if case.operation.method.upper() == "POST" else None
    response = case.call_and_validate(headers=token, checks=[not_a_server_error])
    STATUSES[f"{case.operation.method.upper()} {case.operation.path}"][response.status_code] += 1


def test_fuzz_reached_the_ingest_parser_and_pipeline() -> None:
    """The fuzzing above is only worth something if bodies got past the gate: some were stored."""
    ingest_statuses = STATUSES["POST /api/articles"]
    assert ingest_statuses[201] > 0 and sum(ingest_statuses.values()) > ingest_statuses[201], ingest_statuses
