"""The search page in headless Debian chromium, driven by Playwright (no browser download).

`make test` installs Debian's chromium (as root); Playwright launches it through
``executable_path``. The page is served by uvicorn in a thread, over the real
embedded search engine and broker with the tagged demo indexed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / ".wirewatch"


@pytest.fixture(scope="session")
def page_settings(embedded_stack) -> Settings:
    from tests.support.search_data import index_demo
    from wirewatch.topic_setup import ensure_topics

    settings = Settings(kafka_bootstrap=embedded_stack[0], es_url=embedded_stack[1], index_prefix="browser-",
                        topic_prefix="browser.")
    index_demo(settings)
    ensure_topics(settings)
    return settings


@pytest.fixture(scope="session")
def page_url(page_settings: Settings) -> Iterator[str]:
    import uvicorn

    from wirewatch.embedded import free_port
    from wirewatch.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(page_settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, name="search-page", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the search page did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs it as root (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, page_url):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(page_url)
    page.wait_for_selector("#map path.country")
    page.wait_for_selector("article.article")  # the first search, of everything, has drawn
    yield page
    context.close()
    assert errors == [], f"the page logged errors: {errors}"
