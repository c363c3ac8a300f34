"""Language-server latency: time from didChange to the publishDiagnostics of that version.

Starts `soat server` over stdio with pygls's client, opens FILE (the seed by default), then
makes N edits one at a time (typing a character, deleting it again, at varying places) and
measures each until the diagnostics for the new version arrive. Run once with the server's
default debounce and once with none, which leaves lint plus transport time.

    python bench/lsp_latency.py [--runs 40] [FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"


async def measure(path: Path, runs: int, debounce_ms: float | None) -> list[float]:
    client = LanguageClient("soat-bench", "1")
    arrived: dict[int, float] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams) -> None:
        arrived.setdefault(params.version, time.perf_counter())

    await client.start_io(sys.executable, "-m", "soat", "server")
    options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(str(path.parent)),
            initialization_options=options,
        )
    )
    client.initialized(types.InitializedParams())
    text = path.read_text(encoding="utf-8")
    uri = from_fs_path(str(path))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )

    async def until(version: int) -> float:
        while version not in arrived:
            await asyncio.sleep(0.0005)
        return arrived[version]

    await until(1)
    lines = text.split("\n")
    samples = []
    for i in range(runs):
        version = i + 2
        line = (i * 7) % len(lines)
        column = len(lines[line]) // 2
        if i % 2 == 0:  # type "x" ...
            rng = types.Range(types.Position(line, column), types.Position(line, column))
            new = "x"
        else:  # ... and delete it again
            line = ((i - 1) * 7) % len(lines)
            column = len(lines[line]) // 2
            rng = types.Range(types.Position(line, column), types.Position(line, column + 1))
            new = ""
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangePartial(range=rng, text=new)],
            )
        )
        samples.append(await until(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return samples


def report(label: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    print(
        f"{label:<28} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   "
        f"min {ms[0]:7.1f} ms   max {ms[-1]:7.1f} ms   (n={len(ms)})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument(
        "file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "bai-mau.txt")
    )
    args = ap.parse_args()
    path = Path(args.file).resolve()
    from soat.lint.lsp.scheduling import DEFAULT_DEBOUNCE_SECONDS

    print(f"{path.name}: {len(path.read_text(encoding='utf-8'))} characters")
    report(
        f"default debounce ({DEFAULT_DEBOUNCE_SECONDS * 1000:.0f} ms)",
        asyncio.run(measure(path, args.runs, None)),
    )
    report("no debounce", asyncio.run(measure(path, args.runs, 0)))


if __name__ == "__main__":
    main()
