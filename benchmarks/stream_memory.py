"""Memory stays flat while `dateline code` streams a large input: sample the RSS of the process and
its children every few seconds. Run by hand:

    python benchmarks/synthetic.py --mb 1024 > /tmp/big.jsonl
    python benchmarks/stream_memory.py /tmp/big.jsonl --seconds 300 --workers 2
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def rss_mb(pid: int) -> float:
    """Resident memory of `pid` and all its descendants, in MB (Linux /proc)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS")) / 1024
            todo += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--every", type=float, default=15)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    size = Path(args.input).stat().st_size / 1024 / 1024
    command = [str(Path(sys.executable).parent / "dateline"), "code", args.input, "--workers", str(args.workers),
               "--format", "csv"]
    out = open("/tmp/stream_memory_events.csv", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    print(f"input {size:.0f} MB, workers {args.workers}")
    while proc.poll() is None and time.monotonic() - start < args.seconds:
        time.sleep(args.every)
        out.flush()
        rows = Path("/tmp/stream_memory_events.csv").read_bytes().count(b"\n")
        print(f"{time.monotonic() - start:6.0f} s  RSS {rss_mb(proc.pid):7.0f} MB  events so far {rows - 1}")
    proc.terminate()
    out.close()


if __name__ == "__main__":
    main()
