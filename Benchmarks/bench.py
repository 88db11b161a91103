#!/usr/bin/env python3
"""Side-by-side benchmark of kgexport against rapper, rdflib, networkx, igraph and the dd floor.

For each size it generates a synthetic news-shaped graph (`kgexport synth`), then runs every tool
on the same N-Triples file, alternating the tools round by round, and keeps the median of the
repeats. Peak RSS comes from GNU time (`/usr/bin/time -f`), wall time from the harness's clock; write-step times come
from the tools themselves (`kgexport convert --timings`, and peers.py for the Python peers).
Writes a Markdown report (default Benchmarks/RESULTS.md).

    python3 Benchmarks/bench.py --sizes 10000,100000,1000000 --repeat 3 --once rdflib,networkx
    python3 Benchmarks/bench.py --sizes 300 --repeat 1 --out /tmp/r.md   # smoke run (make test)

Each tool's output is deleted once measured (its size is kept), unless --keep.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_timed(command, stdout_path=None):
    """Runs command under GNU time; returns (wall seconds, peak RSS KiB from GNU time, stderr text, stdout text)."""
    timing = tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False)
    timing.close()
    full = ["/usr/bin/time", "-f", "%e %M", "-o", timing.name] + command
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    started = time.perf_counter()
    try:
        completed = subprocess.run(full, stdout=out, stderr=subprocess.PIPE, check=False)
    finally:
        elapsed = time.perf_counter() - started
        if stdout_path:
            out.close()
    with open(timing.name) as handle:
        lines = [line for line in handle.read().splitlines() if re.match(r"^[0-9.]+ [0-9]+$", line)]
    os.unlink(timing.name)
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(command)} failed ({completed.returncode}): {completed.stderr.decode(errors='replace')[-500:]}")
    _, rss = lines[-1].split()
    stdout_text = "" if stdout_path else completed.stdout.decode(errors="replace")
    # Wall time from our own clock: GNU time's %e has a resolution of 10 ms.
    return elapsed, int(rss), completed.stderr.decode(errors="replace"), stdout_text


def parse_phase(text, name):
    match = re.search(rf"\b{name}=([0-9.]+)", text)
    return float(match.group(1)) if match else None


sizes_seen = {}
RAPPER_PARSE = "rapper -c (parsing alone)"


def tools(kgexport, workdir):
    """(name, kind, function(input) -> measurement dict). kind: rdfxml | graphml | floor."""
    peers = os.path.join(HERE, "peers.py")

    def kg(extension):
        def run(source):
            target = os.path.join(workdir, f"kgexport.{extension}")
            wall, rss, err, _ = run_timed([kgexport, "convert", "--timings", source, target])
            return dict(wall=wall, rss=rss, write=parse_phase(err, "write"), read=parse_phase(err, "read"),
                        sync=parse_phase(err, "sync"), project=parse_phase(err, "project"), output=target)
        return run

    def kg_streaming(extension):
        def run(source):
            target = os.path.join(workdir, f"kgexport-streaming.{extension}")
            wall, rss, err, _ = run_timed([kgexport, "convert", "--streaming", "--timings", source, target])
            return dict(wall=wall, rss=rss, write=parse_phase(err, "write"), read=parse_phase(err, "read"),
                        sync=parse_phase(err, "sync"), output=target)
        return run

    def rapper(syntax):
        def run(source):
            target = os.path.join(workdir, f"rapper-{syntax}.rdf")
            wall, rss, _, _ = run_timed(["rapper", "-q", "-i", "ntriples", "-o", syntax, source], stdout_path=target)
            return dict(wall=wall, rss=rss, write=None, read=None, output=target)
        return run

    def rapper_parse_only(source):
        # `-c` counts the triples: rapper's parsing without a serializer, which the rapper rows
        # subtract to give rapper's write step (rapper does not time its phases).
        target = os.path.join(workdir, "rapper-count.txt")
        wall, rss, _, _ = run_timed(["rapper", "-q", "-c", "-i", "ntriples", source], stdout_path=target)
        return dict(wall=wall, rss=rss, write=None, read=wall, output=target)

    def python_peer(tool, extension):
        def run(source):
            target = os.path.join(workdir, f"{tool}.{extension}")
            wall, rss, _, out = run_timed([sys.executable, peers, tool, source, target])
            return dict(wall=wall, rss=rss, write=parse_phase(out, "write"), read=parse_phase(out, "read"), output=target)
        return run

    def floor(reference):
        def run(source):
            size = reference() or os.path.getsize(source)
            target = os.path.join(workdir, "dd.out")
            blocks = max(1, (size + (1 << 20) - 1) >> 20)
            wall, rss, _, _ = run_timed(["dd", "if=/dev/zero", f"of={target}", "bs=1M", f"count={blocks}", "status=none"])
            return dict(wall=wall, rss=rss, write=wall, read=None, output=target)
        return run

    # The size of kgexport's RDF/XML output (measured before it is deleted), for the dd floor.
    rdf_reference = lambda: sizes_seen.get("kgexport.rdf")
    return [
        ("kgexport → RDF/XML", "rdfxml", kg("rdf")),
        ("kgexport --streaming → RDF/XML", "rdfxml", kg_streaming("rdf")),
        ("kgexport → GraphML", "graphml", kg("graphml")),
        ("kgexport --streaming → GraphML", "graphml", kg_streaming("graphml")),
        ("rapper -o rdfxml", "rdfxml", rapper("rdfxml")),
        ("rapper -o rdfxml-abbrev", "rdfxml", rapper("rdfxml-abbrev")),
        (RAPPER_PARSE, "parse", rapper_parse_only),
        ("rdflib serialize(xml)", "rdfxml", python_peer("rdflib", "rdf")),
        ("networkx write_graphml (lxml)", "graphml", python_peer("networkx", "graphml")),
        ("igraph write_graphml", "graphml", python_peer("igraph", "graphml")),
        ("dd bs=1M (floor, RDF/XML bytes)", "floor", floor(rdf_reference)),
    ]


def count_lines(path):
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def graphml_elements(path):
    """Nodes + edges of a GraphML file, read in blocks (the files reach gigabytes)."""
    count = 0
    tail = b""
    with open(path, "rb") as handle:
        while True:
            block = handle.read(1 << 24)
            if not block:
                break
            data = tail + block
            count += data.count(b"<node ") + data.count(b"<edge ")
            # Five bytes cannot hold a whole six-byte tag, so none is counted twice.
            tail = data[-5:]
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--kgexport", default=os.path.join(ROOT, ".build", "release", "kgexport"))
    parser.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    parser.add_argument("--skip", default="", help="comma-separated tool name prefixes to skip at the largest size")
    parser.add_argument("--once", default="", help="comma-separated tool name prefixes run only in the first round at the largest size")
    parser.add_argument("--keep", action="store_true", help="keep every tool's output in the work folder")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()

    sizes = [int(size) for size in args.sizes.split(",")]
    workdir = args.workdir or tempfile.mkdtemp(prefix="kgexport-bench-")
    os.makedirs(workdir, exist_ok=True)
    report = []
    failures = 0
    for size in sizes:
        source = os.path.join(workdir, f"synth-{size}.nt")
        subprocess.run([args.kgexport, "synth", "--nodes", str(size), "--seed", "1", source], check=True)
        triples = count_lines(source)
        table = tools(args.kgexport, workdir)
        skip = [prefix for prefix in args.skip.split(",") if prefix] if size == max(sizes) else []
        once = [prefix for prefix in args.once.split(",") if prefix] if size == max(sizes) else []
        results = {name: [] for name, _, _ in table}
        sizes_seen.clear()
        for round_index in range(args.repeat):
            # Rotate the starting tool every round so no tool always runs on a cold or warm cache.
            offset = round_index % len(table)
            for name, kind, function in table[offset:] + table[:offset]:
                if any(name.startswith(prefix) for prefix in skip):
                    continue
                if round_index > 0 and any(name.startswith(prefix) for prefix in once):
                    continue
                try:
                    measurement = function(source)
                except RuntimeError as error:
                    print(f"FAILED {name} at {size}: {error}", file=sys.stderr)
                    failures += 1
                    continue
                measurement["bytes"] = os.path.getsize(measurement["output"])
                sizes_seen[os.path.basename(measurement["output"])] = measurement["bytes"]
                if measurement["bytes"] == 0 and kind != "parse":
                    print(f"FAILED {name} at {size}: empty output", file=sys.stderr)
                    failures += 1
                    continue
                if kind == "graphml":
                    measurement["elements"] = graphml_elements(measurement["output"])
                if not args.keep and measurement["output"] != source:
                    os.unlink(measurement["output"])
                results[name].append(measurement)
                print(f"{size:>9} nodes  {name:<34} {measurement['wall']:8.2f}s  rss {measurement['rss'] / 1024:8.1f} MiB", flush=True)
        report.append((size, triples, table, results))
        if not args.keep:
            os.unlink(source)
    write_report(args, report, workdir, failures)
    if not args.workdir and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2):
    return "—" if value is None else f"{value:,.{digits}f}"


def versions():
    def first_line(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not found"
    import importlib.metadata as metadata
    def package(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"
    return [
        ("kgexport", first_line([args_kgexport[0], "--version"]) if args_kgexport else "unknown"),
        ("swift", first_line(["swift", "--version"])),
        ("libxml2", first_line(["xml2-config", "--version"])),
        ("rapper", first_line(["rapper", "--version"])),
        ("rdflib", package("rdflib")),
        ("networkx", package("networkx")),
        ("lxml", package("lxml")),
        ("python-igraph", package("igraph")),
        ("python", platform.python_version()),
    ]


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as handle:
            memory = f"{int(handle.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({model}), {memory} RAM"


args_kgexport = []


def write_report(args, report, workdir, failures=0):
    args_kgexport[:] = [args.kgexport]
    command = f"python3 Benchmarks/bench.py --sizes {args.sizes} --repeat {args.repeat}"
    if args.once:
        command += f" --once {args.once}"
    if args.skip:
        command += f" --skip {args.skip}"
    lines = ["# Benchmark results", "",
             f"Generated by `{command}` on {time.strftime('%Y-%m-%d')}"
             + (f" ({failures} tool runs failed; see the table)" if failures else "") + ".", "",
             f"Machine: {machine()}. Shared and noisy: compare ratios within one run, not seconds across runs.", "",
             "Versions: " + ", ".join(f"{name} {version}" for name, version in versions()) + ".", "",
             "Every tool reads the same N-Triples file made by `kgexport synth --nodes N --seed 1`. Wall time by the "
             "harness's clock around each run, peak RSS by GNU time; `write` is the write step alone as the tool reports it (kgexport `--timings`, "
             "the Python peers time `serialize`/`write_graphml` only). Medians of the repeats; tools alternate "
             "round by round. Rates: triples/s for RDF/XML writers (triples of the input ÷ seconds), "
             "elements/s for GraphML writers (nodes + edges ÷ seconds), MB/s = output bytes ÷ wall seconds. "
             "kgexport's `write` ends when every byte is handed to the operating system; its `sync` (fsync of the "
             "temporary file, then the rename that makes the output appear atomically) is reported apart, because "
             "no peer syncs: it is in kgexport's wall time but not in its write time. For GraphML, kgexport's "
             "`project` is the projection from the RDF graph to the property graph (names, keys, types, node "
             "order), timed apart from `write` (serializing it) as peers.py times igraph's and networkx's graph "
             "building apart from `write_graphml`; the ratios give write alone and project + write. "
             "rapper times no phase: its `write` is its wall time less the median wall time of `rapper -c` "
             "(the same parser, counting triples instead of serializing them) in the same run. "
             f"Tools listed in `--once` ({args.once or 'none'}) ran once at the largest size.", ""]
    for size, triples, table, results in report:
        lines += [f"## {size:,} nodes ({triples:,} triples)", "",
                  "| tool | runs | wall s | project s | write s | sync s | rate (wall) | rate (write) | MB/s | peak RSS MiB | output MB |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, kind, _ in table:
            runs = results.get(name) or []
            if not runs:
                lines.append(f"| {name} | 0 (not run or failed) | | | | | | | | | |")
                continue
            wall = median([run["wall"] for run in runs])
            write = write_time(name, results)
            sync = median([run.get("sync") for run in runs])
            project = median([run.get("project") for run in runs])
            rss = median([run["rss"] for run in runs])
            output = median([run["bytes"] for run in runs])
            units = median([run.get("elements") for run in runs]) if kind == "graphml" else triples
            unit = "el/s" if kind == "graphml" else "tr/s"
            if kind == "parse":
                write = None
            rate = units / wall if units and wall else None
            write_rate = units / write if units and write else None
            lines.append(f"| {name} | {len(runs)} | {fmt(wall)} | {fmt(project)} | {fmt(write)} | {fmt(sync)} | {fmt(rate, 0)} {unit if rate else ''} | "
                         f"{fmt(write_rate, 0)} {unit if write_rate else ''} | {fmt(output / wall / 1e6 if wall else None, 1)} | "
                         f"{fmt(rss / 1024, 1)} | {fmt(output / 1e6, 1)} |")
        lines.append("")
        lines += ratio_lines(table, results, triples)
    lines += target_lines(report)
    with open(args.out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


def write_time(name, results):
    """The write step's median seconds: as the tool reports it, or for rapper its wall time less
    the median wall time of `rapper -c` (parsing alone) in the same run."""
    runs = results.get(name) or []
    reported = median([run["write"] for run in runs])
    if reported is not None or not name.startswith("rapper -o"):
        return reported
    wall, parse = median([run["wall"] for run in runs]), median([run["wall"] for run in results.get(RAPPER_PARSE) or []])
    return wall - parse if wall is not None and parse is not None and wall > parse else None


def ratio(value):
    """A ratio with two significant digits below 1 (0.02×, not 0.0×), one decimal above."""
    return f"{value:.2g}×" if value < 1 else f"{value:.1f}×"


def target_lines(report):
    """The issue's targets, checked against the largest size's medians."""
    size, triples, table, results = report[-1]
    def value(name, key):
        return median([run.get(key) for run in results.get(name) or []])
    def elements(name):
        return value(name, "elements")
    lines = [f"## Targets at {size:,} nodes", ""]
    checks = []
    ours, rapper = write_time("kgexport → RDF/XML", results), write_time("rapper -o rdfxml", results)
    if ours and rapper:
        checks.append((f"RDF/XML write ≥ 5× rapper's triples/s: {triples / ours:,.0f} vs {triples / rapper:,.0f} tr/s",
                       rapper / ours, 5))
    ours, igraph = write_time("kgexport → GraphML", results), write_time("igraph write_graphml", results)
    project = value("kgexport → GraphML", "project")
    ours_elements, igraph_elements = elements("kgexport → GraphML"), elements("igraph write_graphml")
    if ours and igraph and ours_elements and igraph_elements:
        ours_rate, igraph_rate = ours_elements / ours, igraph_elements / igraph
        checks.append((f"GraphML write ≥ 3× igraph's elements/s: {ours_rate:,.0f} vs {igraph_rate:,.0f} el/s", ours_rate / igraph_rate, 3))
        if project:
            both = ours_elements / (ours + project)
            checks.append((f"stricter reading, kgexport's projection counted as writing (igraph's graph building is not): {both:,.0f} el/s", both / igraph_rate, 3))
    lines += [f"- {text}: {ratio(measured)} (target {target}×) — {'met' if measured >= target else 'NOT met'}"
              for text, measured, target in checks]
    for name, limit, label in [("kgexport → RDF/XML", 1536, "≤ 1.5 GiB"), ("kgexport → GraphML", 1536, "≤ 1.5 GiB"),
                               ("kgexport --streaming → RDF/XML", 64, "< 64 MiB"), ("kgexport --streaming → GraphML", 64, "< 64 MiB")]:
        rss = value(name, "rss")
        if rss is not None:
            met = rss / 1024 <= limit if label.startswith("≤") else rss / 1024 < limit
            lines.append(f"- {name}, peak RSS {label}: {rss / 1024:,.1f} MiB — {'met' if met else 'NOT met'}")
    lines.append("")
    return lines


def ratio_lines(table, results, triples):
    def best(name, key):
        if key == "write":
            return write_time(name, results)
        return median([run[key] for run in results.get(name) or []])
    lines = ["Ratios (kgexport over each peer, same run; >1 means kgexport is faster or leaner):", ""]
    pairs = [
        ("kgexport → RDF/XML", ["rapper -o rdfxml", "rapper -o rdfxml-abbrev", "rdflib serialize(xml)"]),
        ("kgexport → GraphML", ["networkx write_graphml (lxml)", "igraph write_graphml"]),
    ]
    for ours, peers in pairs:
        ours_wall, ours_write, ours_rss = best(ours, "wall"), best(ours, "write"), best(ours, "rss")
        ours_project = best(ours, "project")
        for peer in peers:
            peer_wall, peer_write, peer_rss = best(peer, "wall"), best(peer, "write"), best(peer, "rss")
            parts = []
            if ours_wall and peer_wall:
                parts.append(f"wall {ratio(peer_wall / ours_wall)}")
            if ours_write and (peer_write or peer_wall):
                parts.append(f"write {ratio((peer_write or peer_wall) / ours_write)}")
                if ours_project:
                    parts.append(f"project + write {ratio((peer_write or peer_wall) / (ours_write + ours_project))}")
            if ours_rss and peer_rss:
                parts.append(f"peak RSS {ratio(peer_rss / ours_rss)}")
            lines.append(f"- {ours} vs {peer}: " + (", ".join(parts) if parts else "not measured"))
    lines.append("")
    return lines


if __name__ == "__main__":
    sys.exit(main())
