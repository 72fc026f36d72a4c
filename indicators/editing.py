"""Who may add reports through the dashboard: the decision, without Streamlit.

Editing is off unless `INDICATORS_EDIT=1`. With it on, a local copy (no sign-in set up in
`secrets.toml`) is editable only from the machine itself (a browser at localhost); on a
shared host, sign-in (Streamlit's `st.login`, an OpenID Connect provider in `secrets.toml`)
is set up and only a signed-in user whose e-mail address is on the allow-list may edit.
Anything else: no page, and nothing writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

EDIT_VARIABLE = "INDICATORS_EDIT"
EDITORS_VARIABLE = "INDICATORS_EDITORS"  # comma-separated e-mail addresses
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")


@dataclass(frozen=True)
class Access:
    allowed: bool
    offer_sign_in: bool = False  # sign-in is set up and the visitor is not signed in
    reason: str = ""


def allow_list(environ: Mapping[str, str], secrets_editors: Iterable[str] = ()) -> set[str]:
    listed = [part for part in environ.get(EDITORS_VARIABLE, "").split(",")]
    listed += list(secrets_editors)
    return {address.strip().casefold() for address in listed if address and address.strip()}


def _host_name(host: str | None) -> str:
    if not host:
        return ""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def editing_access(
    environ: Mapping[str, str],
    sign_in_configured: bool,
    signed_in: bool,
    email: str | None,
    editors: set[str],
    host: str | None,
    forwarded: bool = False,
) -> Access:
    """Whether this visitor may add reports. `host` is the Host header the browser sent
    (None where there is no browser, as in tests of the script); `forwarded` says that a
    proxy passed the request on (an X-Forwarded-For, X-Forwarded-Host or Forwarded header),
    so the visitor is not on this machine whatever the Host says."""
    if environ.get(EDIT_VARIABLE, "").strip() != "1":
        return Access(False, reason=f"editing is off ({EDIT_VARIABLE} is not 1)")
    if sign_in_configured:
        if not signed_in:
            return Access(False, offer_sign_in=True, reason="not signed in")
        if not email or email.strip().casefold() not in editors:
            return Access(False, reason="signed in, but not on the list of editors")
        return Access(True)
    if forwarded or (host is not None and _host_name(host) not in LOCAL_HOSTS):
        return Access(
            False,
            reason="editing without sign-in is for a local copy; this page was opened from "
            "another machine",
        )
    return Access(True)
