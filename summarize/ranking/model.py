"""The learned sentence ranker: a logistic model over standardized features, evaluated in plain Python.

Weights are trained by ``training/summary/train.py`` and ship as ``model.json`` beside this
module (package data, read through ``importlib.resources``). A sentence's score is the model's
logit, ``bias + sum_k w_k (x_k - mean_k) / scale_k``; each term of that sum is the feature's
contribution, which is what ``--explain`` shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

MODEL_FILE = "model.json"


@dataclass(frozen=True, slots=True)
class RankerModel:
    """Linear weights over named features, the redundancy penalty and where they came from."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    redundancy: float
    about: str = ""

    @classmethod
    def from_dict(cls, data: Mapping) -> RankerModel:
        names = tuple(data["features"])
        mean, scale, weights = (tuple(float(v) for v in data[key]) for key in ("mean", "scale", "weights"))
        if any(len(c) != len(names) for c in (mean, scale, weights)):
            raise ValueError("model: features, mean, scale and weights differ in length")
        bias, redundancy = float(data["bias"]), float(data.get("redundancy", 0.0))
        return cls(names, mean, scale, weights, bias, redundancy, str(data.get("about", "")))

    @classmethod
    def from_json(cls, text: str) -> RankerModel:
        return cls.from_dict(json.loads(text))

    def contributions(self, values: Mapping[str, float]) -> tuple[float, ...]:
        """Each feature's share of the score (a feature the text lacks counts as 0)."""
        return tuple(
            w * (values.get(name, 0.0) - m) / s
            for name, m, s, w in zip(self.features, self.mean, self.scale, self.weights, strict=True)
        )

    def score(self, values: Mapping[str, float]) -> float:
        return self.bias + sum(self.contributions(values))


@cache
def default_model() -> RankerModel:
    """The model shipped with the package."""
    text = resources.files("summarize.ranking").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return RankerModel.from_json(text)
