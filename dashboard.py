"""Humanitarian indicators, cited: `streamlit run dashboard.py`.

`dashboard_pages/app.py` arranges the page: it finds the data, reads the view from the URL,
draws the sidebar filters and hands over to the page (one module per page in
`dashboard_pages/`). The data work lives in `indicators/`, wrapped in caches by
`dashboard_pages/data_access.py`.

INDICATORS_DATA_DIR names another folder of tables to show (default: ./data);
INDICATORS_REPORTS_DIR, when set, is a folder of report texts to check every quote against.
"""

from pathlib import Path

from dashboard_pages import app

app.main(Path(__file__).parent)
