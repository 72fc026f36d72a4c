#!/usr/bin/env bash
# Install everything the test suite needs, then run it: lint, format check, all tests.
# Browser tests use Debian's Chromium (/usr/bin/chromium); nothing downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  if command -v apt-get >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
  fi
  if [ ! -x /usr/bin/chromium ] && [ -n "${CI:-}" ]; then
    echo "chromium could not be installed; CI does not skip the browser tests" >&2
    exit 1
  fi
fi

# A C compiler, for the compiled extractor (the tests compare it with plain Python).
if ! command -v cc >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "Installing a C compiler for the compiled extractor..."
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc libc6-dev >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# Only modules changed since the last build are compiled again; the suite then runs them.
python3 -m indicators.extract.build_compiled
export INDICATORS_REQUIRE_COMPILED=1

python3 -m ruff check .
python3 -m ruff format --check .
python3 -m pytest "$@"
