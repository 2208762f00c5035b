"""The search page: queries, event detail, the map, the timeline, live mode."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.support.search_data import COPIES, tagged_demo

pytestmark = pytest.mark.integration


def search(page, text: str = "", **fields: str) -> None:
    page.fill("#q", text)
    for name, value in fields.items():
        page.fill(f"input[name={name}]", value)
    page.click("button[type=submit]")
    page.wait_for_function("!document.querySelector('#status').textContent.startsWith('searching')")


def titles(page) -> list[str]:
    return page.locator("article.article h2").all_inner_texts()


def test_a_query_shows_the_expected_demo_articles(page):
    search(page, "drone strike")
    expected = {a.title for a in tagged_demo() if "drone" in (a.title + a.body).lower()
                and "strike" in (a.title + a.body).lower()}
    assert {t.split(" copies")[0].rstrip("0123456789 ") for t in titles(page)} == expected
    assert page.locator("article.article mark").count() > 0  # highlighted

    search(page, "drone strike Odesa")
    assert titles(page) == []
    assert "nothing matches “Odesa”" in page.inner_text("#status")

    search(page, "", place="UA")
    expected_ua = {a.title for a in tagged_demo() if any(p.country_code == "UA" for p in a.places)}
    assert {t.split(f"{COPIES + 1} copies")[0] for t in titles(page)} == expected_ua
    assert page.locator(".copies", has_text=f"{COPIES + 1} copies").count() == 1
    assert page.locator("#facets ul[data-facet=places] li").count() > 0


def test_clicking_an_event_opens_its_detail(page):
    search(page, "earthquake")
    article = next(a for a in tagged_demo() if "earthquake" in a.title.lower())
    first = page.locator("article.article", has_text=article.title).locator("li.event").first
    event_id = first.get_attribute("data-event-id")
    first.click()
    detail = page.locator("#detail")
    detail.wait_for(state="visible")
    event = next(e for e in article.events if e.id == event_id)
    assert event.sentence.text[:40] in detail.inner_text()
    assert article.id in detail.inner_text() and article.title in detail.inner_text()
    assert event_id in detail.inner_text()
    page.keyboard.press("Escape")
    detail.wait_for(state="hidden")


def test_the_map_draws_points_for_located_events(page, page_url):
    search(page, "")
    with urllib.request.urlopen(f"{page_url}api/events?size=500") as response:
        events = json.loads(response.read())["hits"]
    located = [e for e in events if e["lat"] is not None]
    assert located
    counts = [int(c) for c in page.locator("#map circle.point").evaluate_all(
        "cs => cs.map(c => c.dataset.count)")]
    assert sum(counts) == len(located) and len(counts) > 5
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#timeline rect").count() > 5
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-page.png"))

    # a point near Kharkiv (50.0 N, 36.2 E) opens what happened there
    page.locator("#map circle.point").evaluate_all("""cs => {
        const near = cs.find(c => Math.abs(c.cx.baseVal.value - (36.2 + 180) * 960 / 360) < 6
                                && Math.abs(c.cy.baseVal.value - (90 - 50.0) * 480 / 180) < 6);
        near.dispatchEvent(new MouseEvent('click'));
    }""")
    page.locator("#detail").wait_for(state="visible")
    assert "Kharkiv" in page.inner_text("#detail")


def test_live_mode_shows_events_as_they_arrive(page, page_settings):
    from kafka import KafkaProducer

    from core.kafka_options import client_options
    from streams.indexing.documents import event_messages

    page.check("#live")
    article = next(a for a in tagged_demo() if a.events)
    message = event_messages(article)[0]
    producer = KafkaProducer(**client_options(page_settings))
    deadline = time.monotonic() + 30
    try:
        # the stream starts at the end of the topic once connected: send until one arrives
        while page.locator("#live-events li").count() == 0:
            assert time.monotonic() < deadline, "no live event reached the page"
            producer.send(f"{page_settings.topic_prefix}events", value=message.model_dump_json().encode())
            producer.flush()
            page.wait_for_timeout(1000)
    finally:
        producer.close()
    assert page.locator("#live-events li").first.get_attribute("data-event-id") == message.id
    page.uncheck("#live")
