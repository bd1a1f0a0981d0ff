"""OBS runs in its own network namespace and can reach nothing but us (see RealObs).

Nothing here sends a packet off this machine: connects from inside the namespace go to
addresses it has no route to, so they fail in the kernel with ENETUNREACH before any packet.
"""

from __future__ import annotations

import ipaddress
import subprocess
import sys
import time

import pytest

from tests.helpers.raw_obs import RawObs
from tests.helpers.real_obs import GUARD_METRIC

# Documentation addresses (RFC 5737 / RFC 3849); the first not in the namespace's own /30 is used.
OUTSIDE_V4 = ("198.51.100.1", "203.0.113.1", "192.0.2.1")
OUTSIDE_V6 = "2001:db8::1"

_CONNECT = r"""
import errno, socket, sys, time
host, port = sys.argv[1], int(sys.argv[2])
fam = socket.AF_UNIX if host.startswith(("/", "@")) else (
    socket.AF_INET6 if ":" in host else socket.AF_INET)
if fam != socket.AF_UNIX:
    addr = (host, port)
else:
    addr = "\0" + host[1:] if host.startswith("@") else host
s = socket.socket(fam, socket.SOCK_STREAM)
s.settimeout(5)
t0 = time.perf_counter()
try:
    s.connect(addr)
    result = "CONNECTED"
except OSError as e:
    result = errno.errorcode.get(e.errno, type(e).__name__) if e.errno else type(e).__name__
print(result, f"{time.perf_counter() - t0:.4f}")
"""


@pytest.fixture
def isolated_obs(real_obs):
    if not real_obs.isolated:
        pytest.skip("OBS is not network-isolated here (needs root and iproute2's `ip`)")
    return real_obs


def _in_ns(real_obs, *argv: str) -> str:
    proc = subprocess.run(
        ["ip", "netns", "exec", real_obs.netns, *argv], capture_output=True, text=True, timeout=20
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _connect_in_ns(real_obs, host: str, port: int = 0) -> tuple[str, float]:
    result, seconds = _in_ns(real_obs, sys.executable, "-c", _CONNECT, host, str(port)).split()
    return result, float(seconds)


def _subnet(real_obs) -> ipaddress.IPv4Network:
    return ipaddress.ip_network(f"{real_obs.host}/30", strict=False)


def test_namespace_has_no_default_route(isolated_obs):
    subnet = _subnet(isolated_obs)
    v4 = _in_ns(isolated_obs, "ip", "route").splitlines()
    v6 = _in_ns(isolated_obs, "ip", "-6", "route").splitlines()
    assert not [r for r in v4 + v6 if r.startswith("default")], v4 + v6
    # The one IPv4 route is the connected /30 of the veth; no IPv6 route at all.
    assert len(v4) == 1 and v4[0].startswith(f"{subnet} dev "), v4
    assert v6 == [], v6
    links = [
        line.split(":")[1].strip() for line in _in_ns(isolated_obs, "ip", "-o", "link").splitlines()
    ]
    assert len(links) == 2 and links[0] == "lo", links  # lo and the veth end, nothing else


def test_connect_to_outside_fails_at_once_with_enetunreach(isolated_obs):
    subnet = _subnet(isolated_obs)
    outside = next(a for a in OUTSIDE_V4 if ipaddress.ip_address(a) not in subnet)
    for host in (outside, OUTSIDE_V6):
        result, seconds = _connect_in_ns(isolated_obs, host, 80)
        assert result == "ENETUNREACH", (host, result)
        assert seconds < 0.5, (host, seconds)  # refused by the kernel, not a timeout


def test_obs_websocket_answers_at_namespace_address(isolated_obs):
    host = ipaddress.ip_address(isolated_obs.host)
    assert not host.is_loopback
    assert host == _subnet(isolated_obs)[2]
    assert str(_subnet(isolated_obs)[1]) == isolated_obs.host_peer
    assert isolated_obs.url == f"ws://{host}:{isolated_obs.port}"
    pids = subprocess.check_output(["ip", "netns", "pids", isolated_obs.netns], text=True)
    assert isolated_obs.pid in [int(p) for p in pids.split()]
    t0 = time.perf_counter()
    with RawObs(isolated_obs.url, isolated_obs.password, subscriptions=0) as ws:
        assert ws.request("GetVersion")["obsWebSocketVersion"].startswith("5.")
    assert time.perf_counter() - t0 < 2
    # From inside, too: OBS listens on its own end of the veth.
    result, _ = _connect_in_ns(isolated_obs, isolated_obs.host, isolated_obs.port)
    assert result == "CONNECTED"


def test_obs_reaches_xvfb_through_the_filesystem_socket(isolated_obs):
    n = isolated_obs.display.lstrip(":")
    # Abstract unix sockets are per network namespace: Xvfb's is not visible inside ...
    assert _connect_in_ns(isolated_obs, f"@/tmp/.X11-unix/X{n}")[0] == "ECONNREFUSED"
    # ... its filesystem socket is, and that is what OBS (libxcb's fallback) uses.
    assert _connect_in_ns(isolated_obs, f"/tmp/.X11-unix/X{n}")[0] == "CONNECTED"


def test_root_namespace_reaches_obs_only_through_the_veth(isolated_obs):
    # `ip route get` only looks the route up: no packet is sent.
    route = subprocess.check_output(["ip", "-4", "route", "get", isolated_obs.host], text=True)
    assert f" src {isolated_obs.host_peer} " in route and " via " not in route, route
    # Under the veth's route, a guard: were the veth ever gone, the OBS address would be
    # unreachable here rather than sent out by the default route.
    guard = subprocess.check_output(
        ["ip", "-4", "route", "show", "type", "unreachable", "match", isolated_obs.host], text=True
    )
    assert f"{_subnet(isolated_obs)} metric {GUARD_METRIC}" in guard, guard
