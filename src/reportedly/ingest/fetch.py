"""Fetching an article over HTTP without becoming an SSRF proxy.

reportedly may run as a service that fetches URLs users submit, so a URL must
not be able to reach the host's own network (cloud metadata at
169.254.169.254, admin panels on localhost, the office LAN). Every hop of a
redirect chain is checked, and the connection is pinned to the address that
was checked, so a DNS answer that changes between check and connect (DNS
rebinding) cannot smuggle a private address through.
"""

from __future__ import annotations

import ipaddress
import socket

import httpx

from reportedly.ingest.errors import IngestError
from reportedly.ingest.reader import DEFAULT_MAX_BYTES

MAX_REDIRECTS = 5
USER_AGENT = "reportedly/0.1 (+claim ledger; article ingest)"
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_ALLOW_HINT = "pass --allow-private to fetch from local or private networks"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_problem(address: str | IPAddress) -> str | None:
    """Why ``address`` must not be fetched from, or None when it is public.

    IPv4-mapped and 6to4-style IPv6 forms are unwrapped first, since
    ``::ffff:127.0.0.1`` is loopback in disguise.
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    )
    for attr, why in checks:
        if getattr(ip, attr):
            return why
    if not ip.is_global:
        return "not a public address"  # e.g. 100.64.0.0/10 carrier-grade NAT
    return None


def is_public_address(address: str | IPAddress) -> bool:
    """True when fetching from ``address`` cannot reach a local or private network."""
    return address_problem(address) is None


def _refused(url: str, message: str) -> IngestError:
    return IngestError("refused_address", url, f"refusing to fetch {url}: {message}")


def resolve_host(host: str, port: int, *, allow_private: bool, url: str) -> list[str]:
    """Addresses to connect to for ``host``; refuses if any answer is non-public.

    Refusing on *any* private answer, not only the first, stops a hostname
    from listing a public and a private address and hoping we pick the latter.
    """
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise IngestError(
                "fetch", url, f"could not resolve {host!r} ({exc}); check the URL or your connection"
            ) from None
        addresses = []
        for info in infos:
            addr = str(info[4][0])
            if addr not in addresses:
                addresses.append(addr)
    if not addresses:
        raise IngestError("fetch", url, f"{host!r} has no addresses; check the URL")
    if not allow_private:
        for addr in addresses:
            problem = address_problem(addr.split("%", 1)[0])
            if problem:
                raise _refused(url, f"{host} resolves to {addr}, {problem}; {_ALLOW_HINT}")
    return addresses


def _check_url(url: httpx.URL, original: str) -> None:
    if url.scheme not in ("http", "https"):
        raise _refused(original, f"only http and https URLs can be fetched, not {url.scheme or 'no scheme'}")
    if not url.host:
        raise IngestError("fetch", original, f"{original} has no host; check the URL")


def _get_pinned(
    client: httpx.Client, url: httpx.URL, addresses: list[str], max_bytes: int
) -> tuple[int, httpx.Headers, bytes]:
    """GET ``url`` by connecting to a checked address, keeping Host and TLS name intact."""
    last_error: Exception | None = None
    host_header = url.netloc.decode("ascii")
    for addr in addresses:
        target = url.copy_with(host=addr.split("%", 1)[0])
        headers = {"Host": host_header, "User-Agent": USER_AGENT}
        # sni_hostname makes TLS send and verify the real name while the socket goes to ``addr``.
        extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
        try:
            with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                if resp.status_code in _REDIRECT_CODES:
                    return resp.status_code, resp.headers, b""
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(str(url), max_bytes)
                chunks: list[bytes] = []
                total = 0
                # iter_bytes decompresses, so the cap also defuses gzip bombs.
                for chunk in resp.iter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise _too_large(str(url), max_bytes)
                    chunks.append(chunk)
                return resp.status_code, resp.headers, b"".join(chunks)
        except httpx.ConnectError as exc:
            last_error = exc  # try the host's next address, as a browser would
            continue
    raise IngestError("fetch", str(url), f"could not connect to {url.host} ({last_error}); check the URL")


def _too_large(url: str, max_bytes: int) -> IngestError:
    return IngestError(
        "too_large",
        url,
        f"{url} is larger than the {max_bytes / (1024 * 1024):.1f} MB limit; "
        "save the article text to a file instead, or raise the size limit (max_bytes)",
    )


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[bytes, str, str]:
    """Fetch ``url`` and return (body, content type, final URL after redirects)."""
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise IngestError("fetch", url, f"{url!r} is not a valid URL ({exc})") from None
    # trust_env=False: a proxy from the environment would make the address check meaningless.
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_url(current, url)
            port = current.port or (443 if current.scheme == "https" else 80)
            addresses = resolve_host(current.host, port, allow_private=allow_private, url=str(current))
            try:
                status, headers, body = _get_pinned(client, current, addresses, max_bytes)
            except httpx.TimeoutException:
                raise IngestError(
                    "fetch", url, f"timed out after {timeout:g}s fetching {current}; try again later"
                ) from None
            except httpx.HTTPError as exc:
                raise IngestError("fetch", url, f"could not fetch {current} ({exc}); check the URL") from None
            if status in _REDIRECT_CODES:
                location = headers.get("location")
                if not location:
                    raise IngestError("fetch", url, f"{current} redirects without a Location header")
                try:
                    current = current.join(location)
                except httpx.InvalidURL as exc:
                    raise IngestError(
                        "fetch", url, f"{current} redirects to an invalid URL ({exc})"
                    ) from None
                continue
            if status >= 400:
                raise IngestError(
                    "fetch", url, f"{current} answered HTTP {status}; check the URL or try again later"
                )
            return body, headers.get("content-type", ""), str(current)
    raise IngestError("fetch", url, f"{url} redirected more than {MAX_REDIRECTS} times; giving up")
