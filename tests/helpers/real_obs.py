"""Start a real OBS Studio (29.x, obs-websocket 5.1) headless for integration tests.

``RealObs(tmp_dir)`` writes a private HOME (global.ini with the websocket enabled and a random
password on a free port, a profile whose stream service is a dead local RTMP address, and a scene
collection with known scenes and inputs), starts its own Xvfb and then OBS in its own process
group, and waits until a websocket Identify + GetVersion succeeds.

Scene order: ``SCENES`` is OBS's top-to-bottom UI order.  obs-websocket 5's GetSceneList returns
``scenes`` in the *reverse* order (scenes[0], sceneIndex 0, is the bottom of the UI list), so
``GetSceneList()["scenes"] == SCENES_SCENE_LIST_ORDER``.

Safety: the profile's stream service is rtmp_custom -> rtmp://127.0.0.1:1/live (nothing listens
there); no test may call StartStream.  Only processes started here are signalled, by pid.

Network isolation: at every start OBS tries to fetch service lists from obsproject.com and
ingest.twitch.tv.  Test traffic may only go to loopback or to test hosts in network namespaces we
create, so when it can (root and iproute2's ``ip``), RealObs runs OBS in its own network namespace
``ld-obs-<pid>-<n>``: one veth pair, our end ``.1/30`` in the root namespace, OBS's end ``.2/30``
inside, ``lo`` up, no IPv6 address on the veth, and NO default route, so OBS can reach nothing
but us (a connect to anything else fails at once with ENETUNREACH; no packet is sent).  Then
``host`` is OBS's end (e.g. 192.0.2.2), ``url`` uses it and ``isolated`` is True.

The /30 is the first block of the documentation ranges 192.0.2.0/24 (TEST-NET-1), then
203.0.113.0/24 (TEST-NET-3), then 198.51.100.0/24 (TEST-NET-2) that overlaps no address or route
of the root namespace: a machine may itself use TEST-NET-1 (a sandbox with eth0 192.0.2.2/24 and
its gateway at 192.0.2.1 does), and concurrent RealObs instances, in this process or another,
each get their own block (choice and setup are serialised by a lock file).  For as long as the
block is ours a guard route ``unreachable <block> metric GUARD_METRIC`` sits under the veth's
connected route, so if the veth is ever missing a client gets EHOSTUNREACH instead of its SYN
leaving by the default route.

Xvfb stays in the root namespace (``-nolisten tcp``): OBS reaches it through the filesystem
socket /tmp/.X11-unix/X<n> (libxcb tries the abstract socket first, which is per network
namespace and so absent inside, then that file; ``ip netns exec`` shares /tmp).

``kill()`` SIGKILLs OBS inside the namespace: its kernel resets/closes every client connection
over the veth, and the namespace stays, so a reconnect is refused (RST) as with a real host.
``restart()`` keeps the namespace (same addresses, same ``url``), SIGKILLs anything left in it and
re-creates it only if it broke.  ``stop()`` deletes the veth, the namespace and the guard route
(the fixture calls it in ``finally``, also when a test failed; an atexit hook catches a
forgotten stop()).  Namespaces ``ld-obs-<pid>-*`` of a dead process (a SIGKILLed pytest) and their
guard routes are removed at the next setup.

Without root or ``ip`` (or if the namespace cannot be created) OBS runs as before on 127.0.0.1 and
an INFO line says it is NOT network-isolated.  ``RealObs(..., isolate=True)`` makes that an
error, ``isolate=False`` skips the namespace.
"""

from __future__ import annotations

import atexit
import fcntl
import ipaddress
import itertools
import json
import logging
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .raw_obs import RawObs, RawObsError, Scenes, Ui

log = logging.getLogger("tests.real_obs")

PROFILE = "LiveDesk Test"
COLLECTION = "LiveDesk Test"
# OBS UI order, top to bottom.
SCENES = ["开场 Opening", "主播近景 Host close-up", "商品特写 Product close-up", "全景 Wide"]
SCENES_SCENE_LIST_ORDER = list(reversed(SCENES))  # GetSceneList()["scenes"] order
MIC = "麦克风 Mic"  # pulse_input_capture on the Mic/Aux 1 channel (works with no pulse server)
DESKTOP_AUDIO = "桌面音频 Desktop Audio"  # pulse_output_capture on the Desktop Audio 1 channel
COLOR_SOURCE = "台标 Logo"  # color_source_v3, no audio; an item of SCENES[0]
CAMERAS = {s: f"Cam {s}" for s in SCENES}  # one color_source_v3 stand-in camera per scene
AUDIO_INPUT_KIND = "pulse_input_capture"
SAFE_STREAM_SERVER = "rtmp://127.0.0.1:1/live"
READY_TIMEOUT = 30.0


def obs_available() -> tuple[bool, str]:
    missing = [b for b in ("obs", "Xvfb") if shutil.which(b) is None]
    if missing:
        return False, (f"{' and '.join(missing)} not on PATH (apt-get install -y obs-studio xvfb)")
    return True, "obs and Xvfb found"


class RealObsError(RuntimeError):
    pass


def _free_port() -> int:
    # OBS binds the port on all interfaces, so make sure it is free there, not just on loopback.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("", 0))
        return s.getsockname()[1]


# --- network namespace ------------------------------------------------------------------------
NETNS_PREFIX = "ld-obs-"
# Documentation ranges (RFC 5737), never routed on the internet: TEST-NET-1, -3, -2.
NETNS_POOLS = ("192.0.2.0/24", "203.0.113.0/24", "198.51.100.0/24")
_NETNS_LOCK = Path("/run/lock" if os.path.isdir("/run/lock") else tempfile.gettempdir()) / (
    "livedesk-real-obs-netns.lock"
)
# Metric of the guard route: `unreachable <subnet>` in the root namespace for as long as the
# subnet is ours, below the veth's own connected route (metric 0).  Without it, whenever the veth
# is missing (between namespace teardown and setup) the OBS address would be routed by the
# root namespace's default route, i.e. a reconnecting client's SYN would leave the machine.
GUARD_METRIC = 4242424242
_instance_numbers = itertools.count(1)
_live_netns: dict[str, NetNs] = {}  # deleted at exit if a stop() never ran
_live_lock = threading.Lock()


def netns_possible() -> tuple[bool, str]:
    """Whether RealObs can put OBS in its own network namespace (root and iproute2's ``ip``)."""
    if os.geteuid() != 0:
        return False, f"not root (euid {os.geteuid()})"
    if shutil.which("ip") is None:
        return False, "`ip` (iproute2) not on PATH"
    return True, "root and ip found"


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [shutil.which("ip") or "ip", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,
    )
    if check and proc.returncode != 0:
        raise RealObsError(f"ip {' '.join(args)}: exit {proc.returncode}: {proc.stderr.strip()}")
    return proc


class _netns_lock:
    """Serialises subnet choice + creation between RealObs instances and processes."""

    def __enter__(self):
        self._f = open(_NETNS_LOCK, "a")  # noqa: SIM115
        fcntl.flock(self._f, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self._f, fcntl.LOCK_UN)
        self._f.close()


def _root_ns_networks() -> list[ipaddress.IPv4Network]:
    """Every IPv4 address (with its prefix) and route destination of the root namespace,
    all routing tables, except default routes."""
    nets = []
    for a in json.loads(_ip("-j", "-4", "addr", "show").stdout or "[]"):
        for info in a.get("addr_info", []):
            if info.get("family") == "inet":
                nets.append(ipaddress.ip_network(f"{info['local']}/{info['prefixlen']}", False))
    for r in json.loads(_ip("-j", "-4", "route", "show", "table", "all").stdout or "[]"):
        dst = r.get("dst", "default")
        if dst != "default":
            try:
                nets.append(ipaddress.ip_network(dst, strict=False))
            except ValueError:
                log.warning("unparsed route destination %r: ignored", dst)
    return nets


def _free_subnet() -> ipaddress.IPv4Network:
    used = _root_ns_networks()
    for pool in NETNS_POOLS:
        for net in ipaddress.ip_network(pool).subnets(new_prefix=30):
            if not any(net.overlaps(u) for u in used):
                return net
    raise RealObsError(f"no free /30 in {', '.join(NETNS_POOLS)} (all overlap root-ns routes)")


def _remove_stale_netns() -> None:
    """Delete ld-obs-<pid>-<n> namespaces whose creating process is gone (crashed test run),
    then guard routes no veth of ours owns any more.  Call with the lock held."""
    out = _ip("netns", "list", check=False).stdout
    for name in re.findall(rf"^({re.escape(NETNS_PREFIX)}(\d+)-\d+)\b", out, flags=re.M):
        ns, pid = name[0], int(name[1])
        if pid == os.getpid() or Path(f"/proc/{pid}").exists():
            continue
        log.warning("removing stale network namespace %s (its pid %s is gone)", ns, pid)
        NetNs(ns, None).destroy(kill_leftovers=False)
    # Guard routes are added and removed with the lock held: one whose subnet no interface
    # holds an address in belongs to a namespace that is gone.
    used = [
        ipaddress.ip_network(f"{i['local']}/{i['prefixlen']}", False)
        for a in json.loads(_ip("-j", "-4", "addr", "show").stdout or "[]")
        for i in a.get("addr_info", [])
        if i.get("family") == "inet"
    ]
    for r in json.loads(_ip("-j", "-4", "route", "show", "table", "main").stdout or "[]"):
        if r.get("type") == "unreachable" and r.get("metric") == GUARD_METRIC:
            net = ipaddress.ip_network(r["dst"], strict=False)
            if not any(net.overlaps(u) for u in used):
                log.warning("removing stale guard route unreachable %s", net)
                _ip("route", "del", "unreachable", str(net), "metric", str(GUARD_METRIC))


class NetNs:
    """A network namespace with one veth pair to the root namespace and no default route.

    ``host_addr`` (.1) is the root-namespace end, ``ns_addr`` (.2) the end inside."""

    def __init__(self, name: str, subnet: ipaddress.IPv4Network | None):
        self.name = name
        self.subnet = subnet
        # Interface names: at most 15 characters; unique per namespace name.
        tag = name.removeprefix(NETNS_PREFIX).replace("-", "x")[-11:]
        self.host_if, self.ns_if = f"ldh{tag}", f"ldn{tag}"

    host_addr = property(lambda self: self.subnet[1])
    ns_addr = property(lambda self: self.subnet[2])

    def _guard(self, action: str, check: bool = True) -> subprocess.CompletedProcess:
        return _ip(
            "route", action, "unreachable", str(self.subnet), "metric", str(GUARD_METRIC),
            check=check,
        )  # fmt: skip

    def create(self, recreate: bool = False) -> None:
        """Create the guard route, namespace and veth; on failure undo all (but the guard
        route when re-creating: that stays until destroy()).  Call with the lock held."""
        t0 = time.perf_counter()
        p = self.subnet.prefixlen
        with _live_lock:
            _live_netns[self.name] = self
        try:
            self._guard("replace")
            _ip("netns", "add", self.name)
            _ip(
                "link",
                "add",
                self.host_if,
                "type",
                "veth",
                "peer",
                "name",
                self.ns_if,
                "netns",
                self.name,
            )
            # No IPv6 link-local addresses: nothing (not even router solicitations) on the link.
            n = ("-n", self.name)
            _ip(*n, "link", "set", self.ns_if, "addrgenmode", "none")
            _ip(*n, "addr", "add", f"{self.ns_addr}/{p}", "dev", self.ns_if)
            _ip(*n, "link", "set", self.ns_if, "up")
            _ip(*n, "link", "set", "lo", "up")
            # Our end last, and its address after it is up: its connected route (which then
            # overrides the guard route) appears only when the link works end to end, so no
            # client SYN is dropped on a half-made link (a 1 s retransmit, not a reset).
            _ip("link", "set", self.host_if, "addrgenmode", "none")
            _ip("link", "set", self.host_if, "up")
            _ip("addr", "add", f"{self.host_addr}/{p}", "dev", self.host_if)
            # A new namespace has no routes but the connected /30 one: check, never assume.
            for fam in ("-4", "-6"):
                if r := _ip(*n, fam, "route", "show", "default").stdout.strip():
                    raise RealObsError(f"network namespace {self.name} has a default route: {r}")
        except BaseException:
            self.destroy(keep_guard=recreate)
            raise
        log.info(
            "network namespace %s: %s (%s) <-> %s (%s) inside, no default route (%.0f ms)",
            self.name,
            self.host_addr,
            self.host_if,
            self.ns_addr,
            self.ns_if,
            (time.perf_counter() - t0) * 1000,
        )

    def pids(self) -> list[int]:
        out = _ip("netns", "pids", self.name, check=False).stdout
        return [int(x) for x in out.split()]

    def exists(self) -> bool:
        return Path("/run/netns", self.name).exists()

    def intact(self) -> bool:
        """Namespace there and both veth ends up with their addresses."""
        if not self.exists():
            return False
        outer = _ip("-4", "-o", "addr", "show", "dev", self.host_if, check=False).stdout
        inner = _ip("-n", self.name, "-4", "-o", "addr", "show", "dev", self.ns_if, check=False)
        return f" {self.host_addr}/" in outer and f" {self.ns_addr}/" in inner.stdout

    def kill_leftovers(self) -> None:
        """SIGKILL any process in the namespace: only ever one we started (OBS or a child)."""
        for pid in self.pids():
            log.warning("SIGKILL pid %s still in network namespace %s", pid, self.name)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def destroy(self, kill_leftovers: bool = True, keep_guard: bool = False) -> None:
        """Delete the veth pair (synchronously; its peer goes with it) and the namespace.
        With ``kill_leftovers`` a process still inside (only ever one we started: OBS or a
        child of it) is SIGKILLed first; otherwise it is only reported."""
        if self.exists():
            if kill_leftovers:
                self.kill_leftovers()
            else:
                for pid in self.pids():
                    log.warning("pid %s is still in network namespace %s", pid, self.name)
        _ip("link", "del", self.host_if, check=False)  # gone already if the ns died first
        if self.exists():
            _ip("netns", "del", self.name)
        if self.subnet is not None and not keep_guard:
            self._guard("del", check=False)
        if not keep_guard:
            with _live_lock:
                _live_netns.pop(self.name, None)

    def exec_argv(self, argv: list[str]) -> list[str]:
        return [shutil.which("ip") or "ip", "netns", "exec", self.name, *argv]


@atexit.register
def _destroy_leftover_netns() -> None:
    with _live_lock:
        leftovers = list(_live_netns.values())
    for ns in leftovers:
        log.warning("network namespace %s was not stopped: deleting it at exit", ns.name)
        try:
            ns.destroy()
        except Exception:
            log.exception("could not delete network namespace %s", ns.name)


def _scene_item(name: str, item_id: int) -> dict:
    return {
        "name": name,
        "id": item_id,
        "visible": True,
        "locked": False,
        "rot": 0.0,
        "pos": {"x": 0.0, "y": 0.0},
        "scale": {"x": 1.0, "y": 1.0},
        "align": 5,
        "bounds_type": 0,
        "bounds_align": 0,
        "bounds": {"x": 0.0, "y": 0.0},
        "crop_left": 0,
        "crop_top": 0,
        "crop_right": 0,
        "crop_bottom": 0,
        "scale_filter": "disable",
        "blend_method": "default",
        "blend_type": "normal",
        "private_settings": {},
    }


def _source(name: str, kind: str, settings: dict, audio: bool = False) -> dict:
    return {
        "name": name,
        "id": kind,
        "versioned_id": kind,
        "settings": settings,
        "mixers": 255 if audio else 0,
        "volume": 1.0,
        "muted": False,
        "enabled": True,
        "flags": 0,
        "sync": 0,
        "balance": 0.5,
        "monitoring_type": 0,
        "filters": [],
        "private_settings": {},
    }


def scene_collection() -> dict:
    """The scene collection JSON (OBS 29 format) that OBS loads at start."""
    colors = [0xFF803020, 0xFF208040, 0xFF204080, 0xFF606060]  # ABGR
    sources = []
    for scene, color in zip(SCENES, colors, strict=True):
        sources.append(
            _source(
                CAMERAS[scene], "color_source_v3", {"color": color, "width": 640, "height": 360}
            )
        )
        items = [_scene_item(CAMERAS[scene], 1)]
        if scene == SCENES[0]:
            items.append(_scene_item(COLOR_SOURCE, 2))
        sources.append(
            _source(
                scene, "scene", {"id_counter": len(items), "custom_size": False, "items": items}
            )
        )
    sources.append(
        _source(COLOR_SOURCE, "color_source_v3", {"color": 0xFFFFFFFF, "width": 64, "height": 64})
    )
    return {
        "name": COLLECTION,
        "current_scene": SCENES[0],
        "current_program_scene": SCENES[0],
        "scene_order": [{"name": s} for s in SCENES],
        "sources": sources,
        # Global audio channels: not scene items, listed by GetInputList/GetSpecialInputs.
        "DesktopAudioDevice1": _source(
            DESKTOP_AUDIO, "pulse_output_capture", {"device_id": "default"}, audio=True
        ),
        "AuxAudioDevice1": _source(MIC, AUDIO_INPUT_KIND, {"device_id": "default"}, audio=True),
        "groups": [],
        "transitions": [],
        "current_transition": "Cut",
        "transition_duration": 300,
        "quick_transitions": [],
        "saved_projectors": [],
        "modules": {},
        "preview_locked": False,
        "scaling_enabled": False,
    }


class RealObs:
    def __init__(
        self,
        tmp_dir: str | os.PathLike,
        port: int | None = None,
        password: str | None = None,
        ready_timeout: float = READY_TIMEOUT,
        isolate: bool | None = None,
    ):
        """``isolate``: None = run OBS in its own network namespace when possible (else on
        loopback, with an INFO line), True = require the namespace, False = loopback."""
        self.root = Path(tmp_dir)
        self.home = self.root / "home"
        self._port = port or _free_port()
        self._password = password or secrets.token_urlsafe(12)
        # The collection as OBS first loaded it, for reset_state() to return to: inputs,
        # scene items (id -> shown) per scene, filters (name -> enabled) per source.
        self._baseline_inputs: set[str] | None = None
        self._baseline_items: dict[str, dict[int, bool]] = {}
        self._baseline_filters: dict[str, dict[str, bool]] = {}
        self.ready_timeout = ready_timeout
        self.display: str | None = None
        self._xvfb: subprocess.Popen | None = None
        self._obs: subprocess.Popen | None = None
        self.start_seconds: float | None = None  # last OBS launch -> ready (Identify+GetVersion)
        self.total_start_seconds: float | None = None  # start(): files + Xvfb + OBS ready
        self.version: dict = {}
        self._launches = 0
        self._isolate = isolate
        self._netns_name = f"{NETNS_PREFIX}{os.getpid()}-{next(_instance_numbers)}"
        self._netns: NetNs | None = None
        self.netns_seconds: float | None = None  # last namespace + veth setup

    # --- properties -------------------------------------------------------------------------
    # Valid after start(): the OBS end of the veth (e.g. "192.0.2.2") when isolated, else
    # "127.0.0.1".  Stable across kill()/restart().
    host = property(lambda self: str(self._netns.ns_addr) if self._netns else "127.0.0.1")
    port = property(lambda self: self._port)
    password = property(lambda self: self._password)
    url = property(lambda self: f"ws://{self.host}:{self._port}")
    # True when OBS runs in its own network namespace with no route but to ``host_peer``.
    isolated = property(lambda self: self._netns is not None)
    netns = property(lambda self: self._netns.name if self._netns else None)  # for ip netns exec
    # Our (root-namespace) end of the veth, e.g. "192.0.2.1"; None when not isolated.
    host_peer = property(lambda self: str(self._netns.host_addr) if self._netns else None)
    pid = property(lambda self: self._obs.pid if self._obs and self._obs.poll() is None else None)
    config_dir = property(lambda self: self.home / ".config" / "obs-studio")

    # --- lifecycle --------------------------------------------------------------------------
    def start(self) -> RealObs:
        ok, why = obs_available()
        if not ok:
            raise RealObsError(why)
        t0 = time.perf_counter()
        self._write_home()
        try:
            self._start_xvfb()
            self._setup_netns()
            self._start_obs()
            self.total_start_seconds = time.perf_counter() - t0
        except BaseException:
            self.stop()
            raise
        return self

    def kill(self) -> None:
        """SIGKILL OBS (simulated crash). Xvfb stays up."""
        if self._obs is not None and self._obs.poll() is None:
            log.info("SIGKILL OBS pid %s", self._obs.pid)
            self._signal_obs(signal.SIGKILL)
            self._obs.wait(10)

    def _signal_obs(self, sig: int) -> None:
        # OBS runs in its own session/process group (pgid == its pid), created by us.
        try:
            os.killpg(self._obs.pid, sig)
        except ProcessLookupError:
            pass

    def restart(self, fresh: bool = False) -> None:
        """Start OBS again (same HOME, port, password) and wait until it is ready.

        OBS keeps whatever it saved itself; ``fresh=True`` first rewrites the config files and
        the scene collection (used to recover from a test that changed the scene set)."""
        self._stop_obs()
        if self._netns is not None:
            # The namespace outlives OBS (so a client keeps getting a TCP reset while OBS is
            # down): just clear it of anything left over, re-creating it only if it broke.
            self._netns.kill_leftovers()
            if not self._netns.intact():
                log.warning("network namespace %s is broken: re-creating it", self._netns.name)
                with _netns_lock():
                    self._netns.destroy(keep_guard=True)
                    self._create_netns(self._netns, recreate=True)
        if fresh:
            self._write_home()
        if self._xvfb is None or self._xvfb.poll() is not None:
            self._start_xvfb()
        self._start_obs()

    def stop(self) -> None:
        """Terminate OBS, delete its network namespace, then terminate Xvfb; OBS and Xvfb by
        pid, waiting for both.  Each step runs even if an earlier one failed."""
        try:
            self._stop_obs()
        finally:
            try:
                self._teardown_netns()
            finally:
                self._stop_xvfb()

    def _stop_xvfb(self) -> None:
        if self._xvfb is not None:
            if self._xvfb.poll() is None:
                self._xvfb.terminate()
                try:
                    self._xvfb.wait(10)
                except subprocess.TimeoutExpired:
                    self._xvfb.kill()
                    self._xvfb.wait(10)
            self._xvfb = None

    def __enter__(self) -> RealObs:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- internals --------------------------------------------------------------------------
    def _setup_netns(self) -> None:
        if self._netns is not None:
            return
        if self._isolate is False:
            log.info(
                "OBS is NOT network-isolated (isolate=False): it runs on 127.0.0.1 in the "
                "root network namespace and can reach any network this machine can"
            )
            return
        ok, why = netns_possible()
        if ok:
            try:
                with _netns_lock():
                    _remove_stale_netns()
                    ns = NetNs(self._netns_name, _free_subnet())
                    self._create_netns(ns)
                return
            except RealObsError as e:
                why = f"network namespace setup failed: {e}"
        if self._isolate:
            raise RealObsError(f"isolate=True but OBS cannot be network-isolated: {why}")
        log.info(
            "OBS is NOT network-isolated (%s): it runs on 127.0.0.1 in the root network "
            "namespace and can reach any network this machine can (obsproject.com, "
            "ingest.twitch.tv at every start)",
            why,
        )

    def _create_netns(self, ns: NetNs, recreate: bool = False) -> None:
        t0 = time.perf_counter()
        ns.create(recreate)
        self._netns = ns
        self.netns_seconds = time.perf_counter() - t0

    def _teardown_netns(self) -> None:
        if self._netns is not None:
            with _netns_lock():
                self._netns.destroy()
            log.info("network namespace %s deleted", self._netns.name)
            self._netns = None

    def _write_home(self) -> None:
        cfg = self.config_dir
        profile_dir = cfg / "basic" / "profiles" / PROFILE
        scenes_dir = cfg / "basic" / "scenes"
        for d in (profile_dir, scenes_dir, cfg / "logs"):
            d.mkdir(parents=True, exist_ok=True)
        (cfg / "global.ini").write_text(
            "[General]\nFirstRun=false\nLastVersion=486539266\n"
            "[BasicWindow]\nSysTrayEnabled=false\nWarnBeforeStartingStream=false\n"
            "ShowWhatsNew=false\n"
            f"[Basic]\nProfile={PROFILE}\nProfileDir={PROFILE}\n"
            f"SceneCollection={COLLECTION}\nSceneCollectionFile={COLLECTION}\n"
            "[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\n"
            f"ServerPort={self._port}\nAlertsEnabled=false\nAuthRequired=true\n"
            f"ServerPassword={self._password}\n",
            encoding="utf-8",
        )
        (profile_dir / "basic.ini").write_text(
            f"[General]\nName={PROFILE}\n"
            "[Video]\nBaseCX=640\nBaseCY=360\nOutputCX=640\nOutputCY=360\n"
            "FPSType=1\nFPSInt=30\n"
            f"[Output]\nMode=Simple\n[SimpleOutput]\nFilePath={self.root}\n",
            encoding="utf-8",
        )
        (profile_dir / "service.json").write_text(
            json.dumps(
                {
                    "type": "rtmp_custom",
                    "settings": {
                        "server": SAFE_STREAM_SERVER,
                        "key": "livedesk-test",
                        "use_auth": False,
                        "bwtest": False,
                    },
                }
            ),
            encoding="utf-8",
        )
        (scenes_dir / f"{COLLECTION}.json").write_text(
            json.dumps(scene_collection(), ensure_ascii=False, indent=1), encoding="utf-8"
        )

    def _start_xvfb(self) -> None:
        n = random.randint(100, 800)
        for _ in range(20):
            n += 1
            if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
                continue
            proc = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            deadline = time.monotonic() + 10
            while proc.poll() is None and time.monotonic() < deadline:
                if self._x_ready(n):
                    self._xvfb, self.display = proc, f":{n}"
                    log.info("Xvfb %s pid %s", self.display, proc.pid)
                    return
                time.sleep(0.05)
            if proc.poll() is None:
                proc.kill()
            proc.wait(10)  # display taken (or too slow): try the next number
        raise RealObsError("could not start Xvfb on a free display")

    @staticmethod
    def _x_ready(n: int) -> bool:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            try:
                s.connect(f"/tmp/.X11-unix/X{n}")
                return True
            except OSError:
                return False

    def _start_obs(self) -> None:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")
        }
        env.update(
            HOME=str(self.home),
            DISPLAY=self.display,
            LIBGL_ALWAYS_SOFTWARE="1",
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            QT_QPA_PLATFORM="xcb",
            LANG=env.get("LANG") or "C.UTF-8",
        )
        self._launches += 1
        self.stdout_path = self.root / f"obs-stdout-{self._launches}.txt"
        t0 = time.perf_counter()
        argv = [
            "obs",
            "--multi",
            "--disable-missing-files-check",
            "--profile",
            PROFILE,
            "--collection",
            COLLECTION,
        ]
        if self._netns is not None:
            # `ip netns exec` execs OBS in place (same pid, session, environment).  Xvfb's
            # abstract socket belongs to the root network namespace, so libxcb's first try
            # fails inside and it connects to the filesystem socket /tmp/.X11-unix/X<n>
            # (/tmp is shared: `ip netns exec` only remounts /sys).
            argv = self._netns.exec_argv(argv)
        with open(self.stdout_path, "wb") as out:
            self._obs = subprocess.Popen(
                argv,
                cwd=self.root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        log.info(
            "OBS pid %s, %s, display %s, %s",
            self._obs.pid,
            self.url,
            self.display,
            f"network namespace {self._netns.name}" if self._netns else "NOT network-isolated",
        )
        try:
            self._wait_ready(t0)
        except BaseException:
            self._stop_obs()
            raise

    def _wait_ready(self, t0: float) -> None:
        deadline = t0 + self.ready_timeout
        last = "nothing tried"
        while time.perf_counter() < deadline:
            if self._obs.poll() is not None:
                raise RealObsError(
                    f"OBS exited with code {self._obs.returncode} before "
                    f"its websocket was ready\n{self.log_tail()}"
                )
            try:
                with RawObs(self.url, self._password, subscriptions=0, timeout=2) as ws:
                    self.version = ws.request("GetVersion")
                    if self._baseline_inputs is None:  # the sources of the fixture's collection
                        self._read_baseline(ws)
                    self.start_seconds = time.perf_counter() - t0
                    log.info(
                        "OBS %s ready in %.2f s", self.version.get("obsVersion"), self.start_seconds
                    )
                    return
            except RawObsError as e:
                last = str(e)  # 207 NotReady while OBS is still loading
            except Exception as e:  # connection refused while the port is not yet open
                last = repr(e)
            time.sleep(0.1)
        raise RealObsError(
            f"OBS websocket {self.url} not ready after {self.ready_timeout:g} s"
            f" (last error: {last})\n{self.log_tail()}"
        )

    def _stop_obs(self) -> None:
        if self._obs is None:
            return
        if self._obs.poll() is None:
            self._signal_obs(signal.SIGTERM)
            try:
                self._obs.wait(15)
            except subprocess.TimeoutExpired:
                self._signal_obs(signal.SIGKILL)
                self._obs.wait(10)
        self._obs = None

    def _read_baseline(self, ws: RawObs) -> None:
        self._baseline_inputs = {i["inputName"] for i in ws.request("GetInputList")["inputs"]}
        self._baseline_items = {scene: self._items(ws, scene) for scene in SCENES}
        self._baseline_filters = {
            source: self._filters(ws, source) for source in [*SCENES, *self._baseline_inputs]
        }

    @staticmethod
    def _items(ws: RawObs, scene: str) -> dict[int, bool]:
        items = ws.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]
        return {i["sceneItemId"]: i["sceneItemEnabled"] for i in items}

    @staticmethod
    def _filters(ws: RawObs, source: str) -> dict[str, bool]:
        filters = ws.request("GetSourceFilterList", {"sourceName": source})["filters"]
        return {f["filterName"]: f["filterEnabled"] for f in filters}

    def _damage(self, ws: RawObs) -> str | None:
        """What a test removed from the collection (reset_state() only undoes additions)."""
        names = [s["sceneName"] for s in ws.request("GetSceneList")["scenes"]]
        if names != SCENES_SCENE_LIST_ORDER:
            return f"scene set changed ({names})"
        inputs = {i["inputName"] for i in ws.request("GetInputList")["inputs"]}
        if missing := (self._baseline_inputs or set()) - inputs:
            return f"inputs removed ({sorted(missing)})"
        for scene, items in self._baseline_items.items():
            if missing := set(items) - set(self._items(ws, scene)):
                return f"scene items {sorted(missing)} of {scene} removed"
        return None

    def reset_state(self) -> None:
        """Back to a known state: OBS running with the known scenes, studio mode off,
        transition Cut, program scene SCENES[0], mic and desktop audio unmuted at 0 dB, no
        sources, scene items or filters but the collection's own (a test's overlay sources
        and filters are removed) and the collection's items shown or hidden as at the start.
        Waits for OBS's events, so no stale event reaches a client connected afterwards."""
        if self.pid is None:
            log.warning("OBS was not running: restarting it")
            self.restart()
        with RawObs(self.url, self._password, subscriptions=Scenes | Ui) as ws:
            damage = self._damage(ws)
            if damage:
                log.warning("%s: restarting OBS with a fresh collection", damage)
        if damage:
            self.restart(fresh=True)
        with RawObs(self.url, self._password, subscriptions=Scenes | Ui) as ws:
            if ws.request("GetStudioModeEnabled")["studioModeEnabled"]:
                ws.request("SetStudioModeEnabled", {"studioModeEnabled": False})
                ws.wait_event("StudioModeStateChanged", lambda e: not e["studioModeEnabled"])
            ws.request("SetCurrentSceneTransition", {"transitionName": "Cut"})
            ws.request("SetCurrentSceneTransitionDuration", {"transitionDuration": 300})
            if ws.request("GetCurrentProgramScene")["currentProgramSceneName"] != SCENES[0]:
                ws.request("SetCurrentProgramScene", {"sceneName": SCENES[0]})
                ws.wait_event("CurrentProgramSceneChanged", lambda e: e["sceneName"] == SCENES[0])
            extra = {i["inputName"] for i in ws.request("GetInputList")["inputs"]}
            extra -= self._baseline_inputs or extra
            self._restore_items(ws)  # items first: RemoveInput leaves them
            self._restore_filters(ws)
            for name in extra:
                try:
                    ws.request("RemoveInput", {"inputName": name})
                except RawObsError as e:
                    if e.code != 600:  # ResourceNotFound: gone with its last scene item
                        raise
            for name in (MIC, DESKTOP_AUDIO):
                ws.request("SetInputMute", {"inputName": name, "inputMuted": False})
                ws.request("SetInputVolume", {"inputName": name, "inputVolumeDb": 0.0})

    def _restore_items(self, ws: RawObs) -> None:
        for scene, baseline in self._baseline_items.items():
            for item_id, shown in self._items(ws, scene).items():
                where = {"sceneName": scene, "sceneItemId": item_id}
                if item_id not in baseline:
                    ws.request("RemoveSceneItem", where)
                elif shown != baseline[item_id]:
                    ws.request(
                        "SetSceneItemEnabled", {**where, "sceneItemEnabled": baseline[item_id]}
                    )

    def _restore_filters(self, ws: RawObs) -> None:
        for source, baseline in self._baseline_filters.items():
            for name, enabled in self._filters(ws, source).items():
                where = {"sourceName": source, "filterName": name}
                if name not in baseline:
                    ws.request("RemoveSourceFilter", where)
                elif enabled != baseline[name]:
                    ws.request("SetSourceFilterEnabled", {**where, "filterEnabled": baseline[name]})

    def log_path(self) -> Path | None:
        logs = sorted((self.config_dir / "logs").glob("*.txt"), key=lambda p: p.stat().st_mtime)
        return logs[-1] if logs else None

    def log_tail(self, lines: int = 40) -> str:
        parts = []
        for label, path in (
            ("OBS log", self.log_path()),
            ("OBS stdout/stderr", getattr(self, "stdout_path", None)),
        ):
            if path is not None and path.exists():
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()
                parts.append(
                    f"--- {label} {path} (last {lines} lines) ---\n" + "\n".join(text[-lines:])
                )
        return "\n".join(parts) or "(no OBS log written)"
