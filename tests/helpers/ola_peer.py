"""OLA's olad as a real DMX receiver for tests (notes/devices.md), in its own network namespace
so no DMX packet can leave the machine.

The namespace is joined to ours by a veth pair on a /30 of TEST-NET-3 (203.0.113.0/24; this
machine's own network may be TEST-NET-1); the output under test sends unicast to olad's end.
olad refuses to run as root: it runs as the `olad` user (Debian package `ola`) with a private
config dir that disables every plugin but Art-Net and E1.31, both bound to the veth (E1.31
refuses loopback). Input port 0 of each is patched: Art-Net 0:0:1 -> OLA universe 1, E1.31
universe 2 -> OLA universe 2. Values are read back from `GET /get_dmx?u=N`.

Needs root, `ip` (iproute2), `runuser` and `setpriv` (util-linux) and `olad` (ola);
`unavailable()` says what is missing. What is started here is stopped by its process group id;
should the test process die, setpriv's parent-death signal ends olad, but the namespace stays
(`ip netns del livedesk-dmx-<pid>`).
"""

from __future__ import annotations

import atexit
import ipaddress
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ARTNET_UNIVERSE = 1  # Art-Net port address 0:0:1, patched to OLA universe 1
SACN_UNIVERSE = 2  # E1.31 universe 2, patched to OLA universe 2
HTTP_PORT = 9090
_NET = ipaddress.IPv4Network("203.0.113.0/24")
_OTHER_PLUGINS = (
    "dummy espnet ftdidmx gpio karate kinet milinst opendmx openpixelcontrol osc pathport "
    "renard sandnet shownet spi stageprofi uartdmx usbdmx usbserial usbpro dmx4linux"
).split()


def unavailable() -> str | None:
    if os.geteuid() != 0:
        return "needs root (ip netns)"
    for tool in ("ip", "runuser", "setpriv", "olad", "ola_patch", "ola_dev_info"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (Debian: ola iproute2 util-linux)"
    try:
        pwd.getpwnam("olad")
    except KeyError:
        return "no olad user (Debian package ola creates it)"
    return None


class OlaPeer:
    def __init__(self):
        tag = os.getpid() % 10_000_000
        self.netns = f"livedesk-dmx-{tag}"
        self._veth = (f"ldx{tag}a", f"ldx{tag}b")
        self.local_address, self.address = self._free_pair()
        self._dir = Path(tempfile.mkdtemp(prefix="livedesk-olad-"))
        self._olad: subprocess.Popen | None = None
        self._made: list[str] = []

    def start(self) -> OlaPeer:
        atexit.register(self.stop)  # a run that ends without fixture teardown cleans up too
        try:
            self._make_network()
            self._write_config()
            self._start_olad()
            self._patch()
        except Exception:
            self.stop()
            raise
        return self

    def get_dmx(self, universe: int) -> list[int]:
        url = f"http://{self.address}:{HTTP_PORT}/get_dmx?u={universe}"
        with urllib.request.urlopen(url, timeout=2) as reply:
            return json.load(reply)["dmx"]

    def wait_for(self, universe: int, predicate, timeout: float = 3.0) -> list[int] | None:
        deadline = time.monotonic() + timeout
        while True:
            values = self.get_dmx(universe)
            if predicate(values):
                return values
            if time.monotonic() > deadline:
                return None
            time.sleep(0.02)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join((self._dir / "olad.log").read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        atexit.unregister(self.stop)
        if self._olad is not None and self._olad.poll() is None:
            try:
                urllib.request.urlopen(f"http://{self.address}:{HTTP_PORT}/quit", timeout=1).close()
                self._olad.wait(timeout=5)
            except Exception:
                os.killpg(self._olad.pid, signal.SIGKILL)  # its own group: only what we started
                self._olad.wait(timeout=5)
        if "veth" in self._made:
            _run("ip", "link", "del", self._veth[0], check=False)
        if "netns" in self._made:
            _run("ip", "netns", "del", self.netns, check=False)
        self._made.clear()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _free_pair(self) -> tuple[str, str]:
        used = re.findall(r"inet (\d+\.\d+\.\d+\.\d+)/(\d+)", _run("ip", "-o", "-4", "addr").stdout)
        taken = [ipaddress.IPv4Interface(f"{a}/{n}").network for a, n in used]
        blocks = list(_NET.subnets(new_prefix=30))
        first = os.getpid() % len(blocks)
        for block in blocks[first:] + blocks[:first]:
            if not any(block.overlaps(t) for t in taken):
                hosts = list(block.hosts())
                return str(hosts[0]), str(hosts[1])
        raise RuntimeError(f"no free /30 in {_NET}")

    def _make_network(self) -> None:
        _run("ip", "netns", "add", self.netns)
        self._made.append("netns")
        _run("ip", "-n", self.netns, "link", "set", "lo", "up")
        outside, inside = self._veth
        _run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside,
             "netns", self.netns)  # fmt: skip
        self._made.append("veth")
        _run("ip", "addr", "add", f"{self.local_address}/30", "dev", outside)
        _run("ip", "link", "set", outside, "up")
        _run("ip", "-n", self.netns, "addr", "add", f"{self.address}/30", "dev", inside)
        _run("ip", "-n", self.netns, "link", "set", inside, "up")

    def _write_config(self) -> None:
        confs = {f"ola-{p}.conf": "enabled = false\n" for p in _OTHER_PLUGINS}
        confs["ola-artnet.conf"] = f"enabled = true\nip = {self.address}\nuse_loopback = false\n"
        confs["ola-e131.conf"] = f"enabled = true\nip = {self.address}\n"
        olad = pwd.getpwnam("olad")
        os.chown(self._dir, olad.pw_uid, olad.pw_gid)
        for name, text in confs.items():
            (self._dir / name).write_text(text)
            os.chown(self._dir / name, olad.pw_uid, olad.pw_gid)

    def _start_olad(self) -> None:
        log = open(self._dir / "olad.log", "wb")  # noqa: SIM115 - olad writes it until stopped
        with log:
            self._olad = subprocess.Popen(
                # setpriv: should this process die, runuser gets SIGTERM and passes it to olad
                ["setpriv", "--pdeathsig", "TERM", "--", "ip", "netns", "exec", self.netns]
                + ["runuser", "-u", "olad", "--", "olad", "-c", str(self._dir), "-l", "3"]
                + ["--no-register-with-dns-sd", "-p", str(HTTP_PORT)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.get_dmx(1)
                return
            except OSError:
                if self._olad.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"olad did not start:\n{self.log_tail()}") from None
                time.sleep(0.05)

    def _patch(self) -> None:
        info = _run("ip", "netns", "exec", self.netns, "ola_dev_info").stdout
        devices = dict(re.findall(r"^Device (\d+): (ArtNet|E1\.31)", info, re.MULTILINE))
        aliases = {kind: alias for alias, kind in devices.items()}
        for kind, universe in (("ArtNet", ARTNET_UNIVERSE), ("E1.31", SACN_UNIVERSE)):
            if kind not in aliases:
                raise RuntimeError(f"olad has no {kind} device:\n{info}\n{self.log_tail()}")
            _run("ip", "netns", "exec", self.netns, "ola_patch", "-d", aliases[kind],
                 "-p", "0", "-i", "-u", str(universe))  # fmt: skip


def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=10, check=check)
