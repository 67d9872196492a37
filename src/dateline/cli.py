"""The command line: parse arguments, call one library function, turn errors into one line."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click
import yaml

from dateline import __version__
from dateline.errors import FileLineError
from dateline.filters import MAX_OFFSET, FilterError, event_query
from dateline.ingest import IngestError, IngestNote, read_inputs
from dateline.ingest.readers import Item
from dateline.lexicon import Lexicon, lexicon_for
from dateline.library import Dateline, Stored
from dateline.nlp import ModelNotFoundError, load_pipeline, pipeline_name
from dateline.output import EventWriter, plural, write_stats
from dateline.pipeline import Coded, code_articles
from dateline.progress import Progress, count_inputs
from dateline.records import Article
from dateline.settings import Settings
from dateline.store import EventQuery, StoreError, open_store
from dateline.store.base import SORTS
from dateline.version import coder_version

FORMATS = click.Choice(["jsonl", "csv", "table"])


def _fail(message: str) -> None:
    click.echo(f"dateline: error: {message}", err=True)


class Problems:
    """Counts the inputs that could not be read or coded, for the exit status."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, message: str) -> None:
        self.count += 1
        _fail(message)


def _articles(inputs: tuple[str, ...], day: date | None, source: str | None,
              problems: Problems, lexicon: Lexicon | None = None) -> Iterator[Article]:
    for item in _items(inputs, day, source, lexicon):
        if isinstance(item, IngestError):
            problems.report(str(item))
        elif isinstance(item, IngestNote):
            _warn(str(item))
        else:
            if item.date is None:
                _warn_undated(item.origin or item.id)
            yield item


def _items(inputs: tuple[str, ...], day: date | None, source: str | None,
           lexicon: Lexicon | None = None) -> Iterator[Item]:
    return read_inputs(list(inputs), default_date=day, default_source=source, stdin=sys.stdin, lexicon=lexicon)


def _warn_undated(origin: str) -> None:
    _warn(f"{origin}: no publication date found; events without their own date are dated 'unknown' (give --date)")


def _warn(message: str) -> None:
    click.echo(f"dateline: warning: {message}", err=True)


def _coded(inputs: tuple[str, ...], settings: Settings, day: date | None, source: str | None,
           problems: Problems) -> Iterator[Coded]:
    articles = _articles(inputs, day, source, problems, lexicon_for(settings.lexicon_files))
    for coded in code_articles(articles, settings):
        if coded.error:
            problems.report(f"{coded.article.origin or coded.article.id}: {coded.error}")
        yield coded


def _settings(ctx: click.Context, **changes: object) -> Settings:
    base: Settings = ctx.obj
    return base.with_(**{k: v for k, v in changes.items() if v is not None})


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not raise on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


class _Main(click.Group):
    """The command group: a bad knowledge, trigger or ontology file is one line naming file and line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FileLineError as exc:
            _fail(str(exc))
            ctx.exit(2)
        except BrokenPipeError:  # the reader left ('dateline code ... | head'): stop quietly, as Unix tools do
            _quiet_stdout()
            ctx.exit(141)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug, not bad input: exit status 3 tells scripts apart
            logging.getLogger("dateline").debug("internal error", exc_info=True)
            _fail(f"internal error: {type(exc).__name__}: {str(exc)[:300]} (please report it)")
            ctx.exit(3)


@click.group(cls=_Main)
@click.version_option(__version__, prog_name="dateline")
@click.option("--model", default=None, help="spaCy pipeline (installed package name or path).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra actor knowledge file (YAML); may be repeated.")
@click.option("--triggers", "pattern_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra trigger pattern file (YAML, as events/data/triggers.yaml); its rules win ties.")
@click.option("--ontology", "ontology_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra CAMEO code table (TSV, as events/data/cameo.tsv) adding or redefining codes.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Lexicon file (YAML, as data/lexicon/*.yaml) adding, removing or replacing words; may be repeated.")
@click.option("--no-statements", "no_statements", is_flag=True,
              help="Leave out public statements (CAMEO 01: 'the ministry said'), which have no PLOVER type.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def main(ctx: click.Context, model: str | None, actor_files: tuple[Path, ...], pattern_files: tuple[Path, ...],
         ontology_files: tuple[Path, ...], lexicon_files: tuple[Path, ...], no_statements: bool,
         verbose: bool) -> None:
    """dateline: dated, sourced political events (CAMEO, PLOVER) from news text."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    settings = Settings()
    ctx.obj = settings.with_(model=model or settings.model, actor_files=actor_files,
                             pattern_files=pattern_files, ontology_files=ontology_files,
                             lexicon_files=lexicon_files, statements=not no_statements)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMATS, default="jsonl", show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Processes to use.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date for inputs that do not give one (YYYY-MM-DD).")
@click.option("--source", default=None, help="Source name for inputs that do not give one.")
@click.pass_context
def code(ctx: click.Context, inputs: tuple[str, ...], fmt: str, workers: int | None,
         day: object, source: str | None) -> None:
    """Code articles (files, directories, - for stdin) and print their events."""
    settings = _settings(ctx, workers=workers)
    problems = Problems()
    writer = EventWriter(sys.stdout, fmt)
    writer.header()
    progress = Progress(count_inputs(inputs))
    try:
        for coded in _coded(inputs, settings, _day(day), source, problems):
            writer.write_all(e.to_dict() for e in coded.events)
            progress.tick(len(coded.events))
    except ModelNotFoundError as exc:
        _fail(str(exc))
        sys.exit(2)
    progress.close()
    if problems.count:
        click.echo(f"dateline: {problems.count} records rejected (the others were coded)", err=True)
    sys.exit(1 if problems.count else 0)


@main.command()
@click.option("--model", "show_model", is_flag=True, help="Print the spaCy pipeline in use.")
@click.pass_context
def info(ctx: click.Context, show_model: bool) -> None:
    """Versions and the spaCy pipeline in use."""
    settings: Settings = ctx.obj
    try:
        nlp = load_pipeline(settings.model)
    except ModelNotFoundError as exc:
        _fail(str(exc))
        sys.exit(2)
    if show_model:
        click.echo(f"{settings.model} ({pipeline_name(nlp)})")
        return
    click.echo(f"dateline {__version__} ({coder_version(settings)})")
    click.echo(f"model: {settings.model} ({pipeline_name(nlp)}: {', '.join(nlp.pipe_names)})")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@click.option("--workers", type=click.IntRange(1, 64), default=None)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--source", default=None)
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], db: str | None, workers: int | None,
           day: object, source: str | None) -> None:
    """Code articles and store them with their events (re-ingesting is idempotent).

    An INPUT that is a `dateline batch` output directory is loaded as coded there."""
    from dateline.shards import is_batch_output, store_run

    settings = _settings(ctx, workers=workers, db=db)
    runs = tuple(i for i in inputs if is_batch_output(i))  # `dateline batch` output: stored, not re-coded
    others = tuple(i for i in inputs if i not in runs)
    progress = Progress(None if runs else count_inputs(others))
    on_outcome = _with_progress(progress)
    try:
        items = _items(others, _day(day), source, lexicon_for(settings.lexicon_files))
        with open_store(settings.db) as store:
            report = Dateline(settings).code_and_store(items, store, on_outcome=on_outcome)
            for outcome in (o for run in runs for o in store_run(run, store)):
                on_outcome(report.add(outcome))
            held = store.counts()
    except (StoreError, ModelNotFoundError) as exc:
        _fail(str(exc))
        sys.exit(2)
    progress.close()
    tally = report.stored
    click.echo(f"{plural(report.articles, 'article')} ({tally['inserted']} new, {tally['replaced']} "
               f"replaced, {tally['unchanged']} unchanged), {plural(report.events, 'event mention')} coded -> "
               f"{settings.db}, which holds {plural(held['events'], 'event')} from "
               f"{plural(held['mentions'], 'mention')}; {plural(report.rejected, 'record')} rejected", err=True)
    sys.exit(report.status)


def _with_progress(progress: Progress) -> Callable[[Stored], None]:
    """`_report_outcome` that also ticks the progress line (wiped before any message)."""
    def on_outcome(outcome: Stored) -> None:
        if outcome.status in ("rejected", "note") or (outcome.undated and outcome.status != "recoded"):
            progress.clear()
        _report_outcome(outcome)
        if outcome.status != "note":
            progress.tick(outcome.events)
    return on_outcome


def _report_outcome(outcome: Stored) -> None:
    if outcome.status == "rejected":
        _fail(str(outcome))
    elif outcome.status == "note":
        _warn(str(outcome))
    elif outcome.undated and outcome.status != "recoded":
        _warn_undated(outcome.origin)


def query_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters `dateline events`, `dateline export` and the REST API share."""
    options = [
        click.option("--actor", default=None, help="Actor code or prefix on either side (RUS, RUSGOV)."),
        click.option("--source", "source_actor", default=None, help="Source actor code or prefix."),
        click.option("--target", default=None, help="Target actor code or prefix."),
        click.option("--dyad", default=None, help="SOURCE-TARGET code prefixes (RUS-UKR; RUS- = no target)."),
        click.option("--country", default=None, help="Actor country (ISO alpha-3) on either side."),
        click.option("--type", "event_type", default=None,
                     help="PLOVER event (CONSULT) or CAMEO code or root (04, 041)."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Events whose date span reaches this day or later."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None),
        click.option("--place", default=None, help="Place name (substring) or the place's ISO alpha-3 country."),
        click.option("--text", default=None, help="Words in any sentence reporting the event."),
        click.option("--article", default=None, help="Only events reported by this article id."),
        click.option("--asserted-only", is_flag=True, help="Leave out negated events."),
        click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True),
        click.option("--limit", type=click.IntRange(0, MAX_OFFSET), default=None),
        click.option("--offset", type=click.IntRange(0, MAX_OFFSET), default=0),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_query(opts: dict[str, Any]) -> EventQuery:
    """An EventQuery from the options of `query_options` (other keys are ignored); a bad value is one
    error line naming it and what is accepted, and exit status 2."""
    try:
        return _filters(opts)
    except FilterError as exc:
        _fail(str(exc))
        sys.exit(2)


def _filters(opts: dict[str, Any]) -> EventQuery:
    return event_query(
        actor=opts.get("actor"), source=opts.get("source_actor"), target=opts.get("target"),
        dyad=opts.get("dyad"), country=opts.get("country"), event_type=opts.get("event_type"),
        since=_day(opts.get("since")), until=_day(opts.get("until")), place=opts.get("place"),
        text=opts.get("text"), article=opts.get("article"), asserted_only=bool(opts.get("asserted_only")),
        sort=opts.get("sort") or "date", limit=opts.get("limit"), offset=opts.get("offset") or 0,
    )


@main.command()
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@query_options
@click.option("--mentions", is_flag=True, help="List every mention (one per sentence) instead of events.")
@click.option("--count", is_flag=True, help="Print only the number of matching events (mentions with --mentions).")
@click.option("--stats", is_flag=True, help="Print counts per day, type and dyad (in --format; jsonl is JSON).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, mentions: bool, count: bool, stats: bool, fmt: str,
           **filters: Any) -> None:
    """Query stored events (one per real-world event, with its number of mentions).

    Answers every query the REST API's /events, /stats and /events/{id} answer."""
    settings = _settings(ctx, db=db)
    _require_db(settings.db)
    query = _event_query(filters)
    try:
        with open_store(settings.db) as store:
            if stats:
                write_stats(store.stats(query), sys.stdout, fmt)
                return
            if count:
                click.echo(str(store.count_mentions(query) if mentions else store.count_events(query)))
                return
            found = store.query_mentions(query) if mentions else store.query_events(query)
    except StoreError as exc:
        _fail(str(exc))
        sys.exit(2)
    writer = EventWriter(sys.stdout, fmt)
    writer.header()
    writer.write_all(found)
    if fmt == "table":
        click.echo(plural(len(found), "mention" if mentions else "event"), err=True)


@main.command()
@click.argument("event_id")
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@click.pass_context
def show(ctx: click.Context, event_id: str, db: str | None) -> None:
    """One event (or the event of a mention id) with every mention and its evidence spans."""
    from dateline.explain import describe_event

    settings = _settings(ctx, db=db)
    _require_db(settings.db)
    with open_store(settings.db) as store:
        event = store.get_event(event_id)
    if event is None:
        _fail(f"no event with id {event_id!r} in {settings.db}")
        sys.exit(1)
    click.echo(f"event {event['id']}: {event['num_mentions']} mentions in {event['num_articles']} articles "
               f"from {event['num_sources']} sources, first seen {event['first_seen']}, "
               f"last seen {event['last_seen']}; date span {event['date']['lo']} .. {event['date']['hi']}")
    for mention in event["mentions"]:
        click.echo("")
        click.echo(describe_event(mention, mention["article"]))


@main.command()
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@click.option("--all", "every", is_flag=True, help="Re-code every article, not only those coded by another version.")
@click.pass_context
def recode(ctx: click.Context, db: str | None, every: bool) -> None:
    """Re-code stored articles with the current coder (articles of older coder versions by default)."""
    settings = _settings(ctx, db=db)
    _require_db(settings.db)
    version = coder_version(settings)
    try:
        with open_store(settings.db) as store:
            todo = list(store.iter_articles(outdated_for=None if every else version))
            progress = Progress(len(todo))
            report = Dateline(settings).code_and_store(todo, store, recode=True,
                                                       on_outcome=_with_progress(progress))
    except (StoreError, ModelNotFoundError) as exc:
        _fail(str(exc))
        sys.exit(2)
    progress.close()
    click.echo(f"{plural(report.articles, 'article')} re-coded with {version}, "
               f"{plural(report.events, 'event mention')}; {plural(report.rejected, 'error')}", err=True)
    sys.exit(report.status)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by-code", is_flag=True, help="Add a per-code confusion listing.")
@click.option("--case-map", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Subtype map of a CASE 2021 file (id, EventSnippet, SubType). "
                   "[default: plover_map.tsv beside the file]")
@click.pass_context
def evaluate(ctx: click.Context, gold: Path, by_code: bool, case_map: Path | None) -> None:
    """Score the coder against a gold file (dateline JSONL, PLOVER JSON, PETRARCH XML or CASE TSV)."""
    from dateline.evaluate import GoldFormatError, evaluate_file, format_report
    from dateline.evaluate_case import evaluate_case, format_case_report, is_case_file

    progress = Progress()
    try:
        if case_map is not None or is_case_file(gold):
            case_report = evaluate_case(gold, ctx.obj, case_map, progress)
            progress.close()
            click.echo(format_case_report(case_report))
            return
        report = evaluate_file(gold, ctx.obj, progress)
    except GoldFormatError as exc:
        progress.clear()
        _fail(str(exc))
        sys.exit(2)
    progress.close()
    click.echo(format_report(report, by_code=by_code))


@main.command()
@click.argument("name")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Resolve as of this date (default: today).")
@click.pass_context
def actor(ctx: click.Context, name: str, day: object) -> None:
    """Explain how NAME resolves: the code, the rule, the entry and the role held on the date."""
    from dateline.actors.explain import explain_actor
    from dateline.actors.kb import KnowledgeBase, KnowledgeError

    settings: Settings = ctx.obj
    try:
        kb = KnowledgeBase.load(settings.actor_files)
    except KnowledgeError as exc:
        _fail(str(exc))
        sys.exit(2)
    for line in explain_actor(name, _day(day) or date.today(), kb, load_pipeline(settings.model)):
        click.echo(line)


@main.command()
@click.argument("text_or_file")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date of the text (YYYY-MM-DD), for files that do not give one.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per candidate trigger instead of text.")
@click.pass_context
def explain(ctx: click.Context, text_or_file: str, day: object, as_json: bool) -> None:
    """Why an event is coded or missing: every candidate trigger of a text (or of each article of a
    file) and what became of it, with the rule, the argument candidates and the events."""
    from dateline.explain import describe_explanation, explain_article, reading_dict
    from dateline.library import InvalidArticle

    settings: Settings = ctx.obj
    when = _day(day)
    try:
        if Path(text_or_file).is_file():
            items = list(read_inputs([text_or_file], default_date=when))
        else:
            items = [Dateline(settings).article(text_or_file, date=when)]
    except InvalidArticle as exc:
        _fail(str(exc))
        sys.exit(1)
    status = 0
    for item in items:
        if not isinstance(item, Article):
            _fail(item.message)
            status = 1
            continue
        explanation = explain_article(item, settings)
        if as_json:
            for reading in explanation.readings:
                click.echo(json.dumps({"article_id": item.id, **reading_dict(reading)}, ensure_ascii=False))
        else:
            click.echo(describe_explanation(explanation) + "\n")
    sys.exit(status)


@main.command("import-petrarch")
@click.argument("actors", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--agents", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A PETRARCH/TABARI agents dictionary to import as roles.")
@click.option("--verbs", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A PETRARCH2 verb dictionary to convert into a trigger file (for --triggers).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write (YAML): a knowledge file (actors) or a trigger file (--verbs).")
@click.pass_context
def import_petrarch(ctx: click.Context, actors: Path | None, agents: Path | None, verbs: Path | None,
                    output: Path) -> None:
    """Convert PETRARCH/TABARI actor (and agent) dictionaries into a dateline knowledge file, or a
    PETRARCH2 verb dictionary (--verbs) into a trigger file."""
    if verbs is not None:
        if actors is not None or agents is not None:
            raise click.UsageError("--verbs writes a trigger file: convert actors and agents in another run")
        sys.exit(_import_verbs(ctx.obj, verbs, output))
    if actors is None:
        raise click.UsageError("give an actors dictionary, or --verbs FILE")
    from dateline.actors.kb import validate_file
    from dateline.actors.petrarch import import_actors, import_agents

    found = import_actors(actors.read_text(encoding="utf-8", errors="replace"), str(actors))
    if agents is not None:
        extra = import_agents(agents.read_text(encoding="utf-8", errors="replace"), str(agents))
        found.roles, found.skipped = extra.roles, found.skipped + extra.skipped
    header = f"# Imported from {actors.name}{' and ' + agents.name if agents else ''} by dateline; " \
             "as of the dictionaries' own dates.\n"
    output.write_text(header + yaml.safe_dump(found.as_yaml_data(), sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    for line in found.skipped:
        click.echo(f"dateline: skipped {line}", err=True)
    problems = validate_file(output)
    for problem in problems:
        _fail(str(problem))
    click.echo(f"{output}: {len(found.groups)} groups, {len(found.people)} people, {len(found.roles)} roles; "
               f"{len(found.skipped)} entries skipped", err=True)
    sys.exit(1 if problems else 0)


def _import_verbs(settings: Settings, verbs: Path, output: Path) -> int:
    """Convert, write (whole or not at all), load the result back as --triggers does, print counts."""
    from dateline.events.ontology import Ontology
    from dateline.events.patterns import PatternError, load_patterns
    from dateline.events.petrarch_verbs import import_verbs, spacy_lemmatizer, trigger_file_text
    from dateline.nlp import load_pipeline

    codes = set(Ontology.load(settings.ontology_files).codes())
    found = import_verbs(verbs.read_text(encoding="utf-8", errors="replace"), str(verbs), codes,
                         lexicon_for(settings.lexicon_files), spacy_lemmatizer(load_pipeline(settings.model)))
    partial = output.with_name(output.name + ".partial")
    partial.write_text(trigger_file_text(found, verbs.name), encoding="utf-8")
    try:
        load_patterns([partial], codes=codes)
    except PatternError as exc:
        partial.unlink()
        _fail(f"the converted file does not load ({exc}); nothing written")
        return 1
    partial.replace(output)
    for line in found.report():
        click.echo(f"dateline: {line}", err=True)
    return 0


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Directory for Parquet shards, partition markers and report.json.")
@click.option("--engine", type=click.Choice(["local", "dask", "spark"]), default="local", show_default=True)
@click.option("--scheduler", default=None,
              help="Address of an existing Dask scheduler (tcp://host:8786) or Spark master.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes for the local engine or a local Dask cluster.")
@click.option("--partition-mb", type=click.FloatRange(0.001), default=64.0, show_default=True,
              help="Size of a JSONL partition.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--source", default=None)
@click.pass_context
def batch(ctx: click.Context, inputs: tuple[str, ...], output: str, engine: str, scheduler: str | None,
          workers: int | None, partition_mb: float, day: object, source: str | None) -> None:
    """Code large inputs in partitions into Parquet shards; a re-run skips finished partitions."""
    from dateline.batch import BatchError, check_engine, run_batch
    from dateline.ingest.readers import Defaults

    settings = _settings(ctx, workers=workers)
    try:
        check_engine(engine, scheduler)
    except BatchError as exc:
        _fail(str(exc))
        sys.exit(2)

    bar = Progress()  # on a terminal a progress line replaces the line per partition

    def progress(report: dict) -> None:
        state = "skipped" if report["skipped"] else f"{report['articles']} articles, {report['events']} events"
        if bar.active:
            bar.tick(report.get("events") or 0, report.get("articles") or 0)
        else:
            click.echo(f"{report['partition']}: {state}", err=True)

    try:
        summary = run_batch(list(inputs), output, settings, engine, scheduler, partition_mb,
                            Defaults(_day(day), source), progress)
    except BatchError as exc:
        _fail(str(exc))
        sys.exit(2)
    bar.close()
    for failure in summary["failures"]:
        _fail(failure)
    click.echo(f"{summary['articles']} articles, {summary['events']} events, {summary['partitions']} partitions "
               f"({summary['skipped']} already done), {len(summary['failures'])} failures; "
               f"report: {Path(output) / 'report.json'}", err=True)
    sys.exit(1 if summary["failures"] else 0)


def _require_db(path: str) -> None:
    if "://" not in path and not Path(path).exists():
        _fail(f"no database at {path}; create one with `dateline ingest INPUT --db {path}`")
        sys.exit(2)


def _day(value: object) -> date | None:
    return value.date() if value is not None else None  # type: ignore[attr-defined]


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["gdelt", "gdelt-mentions", "plover", "polecat", "csv", "jsonl",
                                                   "parquet"]), required=True,
              help="gdelt: GDELT 2.0 event table; gdelt-mentions: its Mentions table; plover: PLOVER JSON lines; "
              "polecat: POLECAT TSV; csv; jsonl; parquet.")
@click.option("--output", "-o", default=None, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (default: standard output; parquet needs a file).")
@click.option("--header/--no-header", default=None,
              help="Header line (gdelt and gdelt-mentions: none by default, as GDELT's files; csv, polecat: one).")
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@query_options
@click.pass_context
def export_events(ctx: click.Context, fmt: str, output: str | None, header: bool | None, db: str | None,
                  **filters: Any) -> None:
    """Export stored events, one row per event (per mention for gdelt-mentions), for other tools (docs/exports.md)."""
    from dateline.export import ExportError, export_report

    to_stdout = output in (None, "-")
    if fmt == "parquet" and to_stdout:
        _fail("--format parquet writes a binary file: give --output FILE")
        sys.exit(2)
    settings = _settings(ctx, db=db)
    _require_db(settings.db)
    query = _event_query(filters)
    try:
        with open_store(settings.db) as store:
            done = export_report(store, query, fmt, sys.stdout if to_stdout else str(output), header=header)
    except (StoreError, ExportError, ValueError, OSError) as exc:
        _fail(str(exc))
        sys.exit(2)
    written = f"{plural(done.written, 'mention')} of {plural(done.events or 0, 'event')}" if done.events is not None \
        else plural(done.written, "event")
    left_out = (f"; {plural(done.left_out, 'event')} left out: no PLOVER type (statements, CAMEO 01)"
                if done.left_out else "")
    click.echo(f"{written} -> {'stdout' if to_stdout else output}{left_out}", err=True)


@main.command()
@click.option("--db", default=None, help="Database path or postgresql:// URL.  [default: ./dateline.db]")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="DATELINE_API_TOKEN", default=None,
              help="Bearer token POST /articles requires (better: DATELINE_API_TOKEN or --token-file, which `ps` "
              "does not show); without one the API is read-only.")
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              envvar="DATELINE_API_TOKEN_FILE", help="File whose first line is the token (or DATELINE_API_TOKEN_FILE).")
@click.option("--max-body-bytes", type=click.IntRange(1), default=1_000_000, show_default=True,
              help="Largest POST body accepted.")
@click.option("--max-articles", type=click.IntRange(1), default=100, show_default=True,
              help="Most articles accepted in one POST.")
@click.option("--code-timeout", type=click.FloatRange(0.1), default=300.0, show_default=True,
              help="Seconds a POST waits for coding before answering 503 (the articles are still stored).")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token: str | None, token_file: Path | None,
          max_body_bytes: int, max_articles: int, code_timeout: float) -> None:
    """Serve the REST API over the database (endpoints and examples: docs/api.md; live docs at /docs)."""
    if token_file is not None:
        lines = token_file.read_text(encoding="utf-8", errors="replace").splitlines()
        token = lines[0].strip() if lines else ""
        if not token:
            _fail(f"--token-file {token_file}: the file's first line is empty; write the token there")
            sys.exit(2)
    try:
        import uvicorn

        from dateline.api import create_app
    except ImportError as exc:
        _fail(f"`dateline serve` needs the API extra ({exc.name or exc} is not installed): "
              "pip install 'dateline[api]'")
        sys.exit(2)
    settings = _settings(ctx, db=db)
    try:
        app = create_app(settings.db, token=token, max_body_bytes=max_body_bytes, max_articles=max_articles,
                         settings=settings, code_timeout=code_timeout)
    except StoreError as exc:
        _fail(str(exc))
        sys.exit(2)
    if not token:
        click.echo("dateline: serving read-only: POST /articles is refused until a token is given "
                   "(--token-file, DATELINE_API_TOKEN or --token)", err=True)
    click.echo(f"dateline: serving {settings.db} on http://{host}:{port} (API docs: /docs)", err=True)
    uvicorn.run(app, host=host, port=port)
