"""The framework floor: a bare Streamlit script drawing N plotly charts from a tiny frame.

`streamlit run benchmarks/floor_app.py` and open `?charts=N`. Nothing is cached and there
is no data work: what a rerun costs here is what Streamlit and Plotly cost for N charts,
which is the least any page with N charts can cost.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

DEFAULT_CHARTS = 1
MAX_CHARTS = 50

try:
    charts = int(st.query_params.get("charts", DEFAULT_CHARTS))
except ValueError:
    charts = DEFAULT_CHARTS
charts = min(max(charts, 0), MAX_CHARTS)

frame = pd.DataFrame({"day": pd.date_range("2025-01-01", periods=5), "value": [3, 1, 4, 1, 5]})

st.title("Framework floor")
for number in range(charts):
    figure = go.Figure(go.Scatter(x=frame["day"], y=frame["value"], mode="lines+markers"))
    figure.update_layout(height=300, title=f"Chart {number + 1}")
    st.plotly_chart(figure, key=f"chart-{number}")
