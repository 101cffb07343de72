"""The ``vn-postal-nlp`` command line: thin typer commands over the library functions.

Exit codes: 0 success; 1 a fatal error (model not found, output not writable, invalid corpus,
…); 2 unusable arguments (unknown option, missing input path); 3 the run finished but some
documents gave error records.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from vn_postal_nlp.errors import InputError, VnPostalError

EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL = 1, 2, 3

app = typer.Typer(
    help="Vietnamese news → entities (PER ORG MONEY PERCENT LOC DATE), values and events.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
corpus_app = typer.Typer(help="Compile, validate and count the annotated corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


def _fail(exc: Exception, code: int = EXIT_FATAL) -> typer.Exit:
    typer.echo(f"vn-postal-nlp: error: {exc}", err=True)
    return typer.Exit(code)


def _progress_printer(total_bytes: int | None, force: bool):  # noqa: ANN202 - a callback
    if not (force or sys.stderr.isatty()):
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.fields[docs]} docs"), BarColumn(), TextColumn("{task.fields[rate]} chars/s"),
        TextColumn("{task.fields[errors]} errors"), TimeRemainingColumn(),
        console=Console(stderr=True, force_terminal=force or None), transient=False,
    )
    task = bar.add_task("extract", total=total_bytes, docs=0, rate=0, errors=0)

    def update(summary, size: int) -> None:  # noqa: ANN001
        rate = f"{summary.characters / summary.seconds:,.0f}" if summary.seconds else "0"
        bar.update(task, advance=size, docs=summary.documents, rate=rate, errors=summary.errors)

    return bar, update


def _input_bytes(paths: list[str]) -> int | None:
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            return None
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*.txt") if p.is_file())
        elif path.is_file():
            total += path.stat().st_size
    return total or None


@app.command("extract")
def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Inputs: .txt files (id = file name), folders (every .txt below; id = relative path), .jsonl files of {\"id\", \"text\"}, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (GUIDELINES §3 records), csv (one row per event), conll (token, BIO tag).")] = "jsonl",
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped model or $VN_POSTAL_NLP_MODEL).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes, each loading the model once (default: CPU cores).")] = 0,
    resume: Annotated[bool, typer.Option(help="Skip documents whose ids the --output file already holds; append the rest.")] = False,
    progress: Annotated[bool, typer.Option(help="Show the progress bar even when stderr is not a terminal.")] = False,
    encoding_errors: Annotated[str, typer.Option(help="strict: undecodable input gives an error record; replace: decode with U+FFFD.")] = "strict",
    engine: Annotated[str, typer.Option(help="local (process pool) or dask (needs the [dask] extra).")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="With --engine dask: the scheduler address (default: a local cluster).")] = None,
) -> None:
    """Extract entities, values and events: one output record per input document, in input order.

    Exit codes: 0 all documents succeeded; 1 fatal error (model not found, output not writable);
    2 unusable arguments (missing path, bad option); 3 finished, but some documents gave error
    records ({"id", "error": {"type", "message"}}).
    """
    from vn_postal_nlp.runner import extract_corpus

    if encoding_errors not in ("strict", "replace"):
        raise _fail(InputError("--encoding-errors must be strict or replace"), EXIT_USAGE)
    if resume and output is None:
        raise _fail(InputError("--resume needs --output FILE"), EXIT_USAGE)
    try:
        if engine == "dask":
            from vn_postal_nlp.distributed import extract_dask

            summary = extract_dask(paths, output=output, model=model, scheduler=scheduler, workers=workers or None)
        elif engine != "local":
            raise InputError(f"--engine must be local or dask, not {engine!r}")
        else:
            bar, update = _progress_printer(_input_bytes(paths), progress)
            if bar:
                bar.start()
            try:
                summary = extract_corpus(
                    paths, output=output, fmt=fmt, model=model, workers=workers or (os.cpu_count() or 1),
                    resume=resume, encoding_errors=encoding_errors, progress=update,
                )
            finally:
                if bar:
                    bar.stop()
    except InputError as exc:
        raise _fail(exc, EXIT_USAGE) from exc
    except VnPostalError as exc:
        raise _fail(exc) from exc
    typer.echo(f"vn-postal-nlp: {summary.line()}", err=True)
    if summary.errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("render")
def render_cli(
    paths: Annotated[list[str], typer.Argument(help="Inputs, as for extract.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML page to write.")] = Path("page.html"),
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped model).")] = None,
) -> None:
    """Write one self-contained HTML page: entities highlighted, events in a table per article.

    Exit codes: 0 written; 1 fatal error (model not found, page not writable); 2 missing input path.
    """
    from vn_postal_nlp.render import render_page

    try:
        n = render_page(paths, output=output, model=model)
    except InputError as exc:
        raise _fail(exc, EXIT_USAGE) from exc
    except (VnPostalError, OSError) as exc:
        raise _fail(exc) from exc
    typer.echo(f"{n} documents → {output}", err=True)


@app.command("train")
def train_cli(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder holding compiled/train.jsonl.")] = Path("corpus"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the trained pipeline.")] = Path("models/vi_postal"),
    seed: Annotated[int, typer.Option(help="Random seed (training is deterministic for a seed).")] = 0,
    with_dev: Annotated[bool, typer.Option(help="Train on train + dev (never test).")] = False,
) -> None:
    """Train the entity and event models on the corpus and save the pipeline (exit 1 on error)."""
    from vn_postal_nlp.train import train

    try:
        nlp = train(corpus, output=output, seed=seed, splits=("train", "dev") if with_dev else ("train",))
    except VnPostalError as exc:
        raise _fail(exc) from exc
    info = nlp.meta["vn_postal_nlp"]
    typer.echo(f"trained on {info['corpus_documents']} documents in {info['train_seconds']} s → {output}")


@app.command("evaluate")
def evaluate_cli(
    model: Annotated[Path | None, typer.Argument(help="Model directory (default: the shipped model).")] = None,
    data: Annotated[Path, typer.Argument(help="Gold JSON Lines (GUIDELINES §3 records with text).")] = Path("corpus/compiled/test.jsonl"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    baseline: Annotated[bool, typer.Option(help="Also score underthesea's ner() on the same documents.")] = True,
) -> None:
    """Score entities (P/R/F1 per label, core, all), values and events (trigger, argument F1)."""
    from vn_postal_nlp.evaluate import evaluate, format_table

    try:
        result = evaluate(model, data, baseline=baseline)
    except VnPostalError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_table(result))


@corpus_app.command("compile")
def corpus_compile_cli(corpus: Annotated[Path, typer.Argument(help="Corpus folder with src/*.txt.")] = Path("corpus")) -> None:
    """Compile src/*.txt into compiled/{train,dev,test}.jsonl (exit 1 on a format error)."""
    from vn_postal_nlp.corpus.compile import compile_corpus

    try:
        counts = compile_corpus(corpus)
    except VnPostalError as exc:
        raise _fail(exc) from exc
    typer.echo(" ".join(f"{k}={v}" for k, v in counts.items()))


@corpus_app.command("validate")
def corpus_validate_cli(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder.")] = Path("corpus"),
    notes: Annotated[bool, typer.Option(help="Also list notes (value disagreements, off-token spans).")] = False,
) -> None:
    """Check offsets, labels, roles, overlaps and GUIDELINES rules; exit 1 when any fails."""
    from vn_postal_nlp.corpus.validate import validate_corpus

    report = validate_corpus(corpus)
    for problem in report.problems:
        typer.echo(problem, err=True)
    if notes:
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
    typer.echo(f"{report.documents} documents, {len(report.problems)} problems, {len(report.notes)} notes")
    if not report.ok:
        raise typer.Exit(EXIT_FATAL)


@corpus_app.command("stats")
def corpus_stats_cli(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder.")] = Path("corpus"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Counts per label, event type, role and split; distinct names and provinces."""
    from vn_postal_nlp.corpus.stats import corpus_stats, format_stats

    try:
        stats = corpus_stats(corpus)
    except VnPostalError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps(stats, indent=2, ensure_ascii=False) if as_json else format_stats(stats))


def main() -> None:
    app()
