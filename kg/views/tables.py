"""Answers as tables for notebooks and scripts: a SPARQL answer (a saved
query by name, a .rq file or inline text) as a pandas DataFrame.

pandas is not needed to build or query the graph; it comes with the
``notebooks`` extra (``pip install 'policy-kg[notebooks]'``).
"""
from __future__ import annotations

from typing import Optional


def to_dataframe(store, query: str, bindings: Optional[dict] = None, **more_bindings):
    """The rows of ``query`` on ``store`` as a DataFrame, one column per
    variable, IRIs and literals as strings (None where unbound). Bindings
    as for ``kg query --bind``: ``to_dataframe(store, "cited-by",
    target="国办发〔2019〕5号")``."""
    try:
        import pandas as pd
    except ImportError as exc:     # the runtime install has no pandas
        raise ImportError("to_dataframe needs pandas: pip install 'policy-kg[notebooks]'") from exc
    from kg.store.query import run_query

    result = run_query(store, query, {**(bindings or {}), **more_bindings})
    if result.boolean is not None:
        return pd.DataFrame({"boolean": [result.boolean]})
    return pd.DataFrame([[None if v is None else str(v) for v in row] for row in result.rows],
                        columns=list(result.variables))
