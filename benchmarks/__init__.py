"""Benchmarks: synthetic tables at scale, timings against a bare Streamlit floor, load."""
