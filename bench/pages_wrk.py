"""Run wrk for bench/pages.py and read its `--latency` report."""

import re
import subprocess
from dataclasses import dataclass

WRK = "wrk"
TIMEOUT = "30s"  # a slow page behind 20 queued connections must count as slow, not as a timeout

_LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


@dataclass
class WrkResult:
    """What one wrk run measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    bytes_read: int
    bad_responses: int  # "Non-2xx or 3xx responses"
    socket_errors: int  # connect + read + write + timeout

    @property
    def bytes_per_request(self) -> float:
        return self.bytes_read / self.requests if self.requests else 0.0


def command(url: str, duration: int, connections: int, threads: int,
            cookie: str | None = None) -> list[str]:
    """The wrk command line for one run (`--latency` for the percentiles)."""
    args = [WRK, f"-t{min(threads, connections)}", f"-c{connections}", f"-d{duration}s",
            "--latency", "--timeout", TIMEOUT]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    return [*args, url]


def run(args: list[str]) -> WrkResult:
    """Run one wrk command and parse its report."""
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout)


def run_together(first: list[str], second: list[str]) -> tuple[WrkResult, WrkResult]:
    """Run two wrk commands at the same time; return both results."""
    processes = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for args in (first, second)]
    outputs = [process.communicate() for process in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        if process.returncode != 0:
            raise RuntimeError(f"wrk failed ({process.returncode}): {err or out}")
    return parse(outputs[0][0]), parse(outputs[1][0])


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * _LATENCY_UNITS[unit]


def _bytes(value: str) -> int:
    number, unit = re.fullmatch(r"([\d.]+)([KMGT]?B)", value).groups()
    return round(float(number) * _SIZE_UNITS[unit])


def parse(output: str) -> WrkResult:
    """Read requests/s, the 50% and 99% latency, the request count and the errors from wrk's report."""
    def find(pattern: str, required: bool = True) -> re.Match | None:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None and required:
            raise ValueError(f"wrk output without {pattern!r}:\n{output}")
        return match

    total = find(r"^\s*(\d+) requests in [\d.]+\w+, ([\d.]+[KMGT]?B) read")
    bad = find(r"Non-2xx or 3xx responses: (\d+)", required=False)
    sockets = find(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", required=False)
    return WrkResult(
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)").group(1)),
        p50_ms=_milliseconds(find(r"^\s+50%\s+(\S+)").group(1)),
        p99_ms=_milliseconds(find(r"^\s+99%\s+(\S+)").group(1)),
        requests=int(total.group(1)),
        bytes_read=_bytes(total.group(2)),
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )
