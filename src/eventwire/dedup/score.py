"""B-cubed precision and recall of a clustering against gold labels (dedup benchmarks/tests).

For each item, precision is the share of its cluster that has its gold label, recall the
share of its gold group that is in its cluster; both are averaged over items.

>>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"})
(1.0, 1.0)
>>> bcubed({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"})
(0.5556, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float]:
    """``(precision, recall)`` over the items of ``gold`` (rounded to 4 places)."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    both = Counter((predicted[i], gold[i]) for i in items)
    precision = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in items)
    recall = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in items)
    return round(precision / len(items), 4), round(recall / len(items), 4)
