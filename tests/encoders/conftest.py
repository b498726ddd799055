"""One bundled model file and one encoder for the whole folder (loading takes about a second)."""

from __future__ import annotations

import pytest

from storyline.encoders.e5_encoder import E5Encoder, bundled_model_path
from storyline.encoders.e5_file import E5File


@pytest.fixture(scope="session")
def e5_file() -> E5File:
    return E5File(bundled_model_path())


@pytest.fixture(scope="session")
def encoder() -> E5Encoder:
    return E5Encoder()
