"""The extractor: report text in, candidate observations and events out (`pipeline.extract`).

Its modules run as plain Python, or compiled by Cython when a build of them for this
interpreter is current (`compiled`, `build_compiled`).
"""

from indicators.extract import compiled as _compiled

_compiled.install()
