"""The bundle file format: the shipped timeline is complete and valid; bad files are refused whole."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from storage.bundle import BundleError, bundled_files, parse_bundle, read_bundle

ARTICLE = (Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_8b8dc0a3cef03e07.txt")


@pytest.fixture(scope="module")
def bundled_data() -> dict:
    (path,) = [p for p in bundled_files() if p.name == "idlib-ankara-2020.yaml"]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_bundled_timeline_loads() -> None:
    for path in bundled_files():
        bundle = read_bundle(path)
        assert bundle.events and bundle.points


def test_every_fact_of_the_article_is_there(bundled_data: dict) -> None:
    bundle = parse_bundle(bundled_data, "bundled")
    dated = {(e.date, e.key) for e in bundle.events}
    dates = {d for d, _ in dated}
    for expected in ["2011-03", "2020-02", "2020-03-05", "2020-03-06 00:01", "2020-03-10", "2020-03-11",
                     "2020-03-12", "2020-03-15"]:
        assert expected in dates, expected
    text = " ".join(f"{e.title} {e.details}" for e in bundle.events) + " ".join(
        f"{p.title} {p.details}" for p in bundle.points
    )
    for fact in ["6 km", "3.7 miles", "M4", "60", "million", "Akar", "Erdogan", "NATO", "Assad"]:
        assert fact in text, fact
    patrols = next(e for e in bundle.events if e.date == "2020-03-15")
    assert patrols.status.value == "scheduled" and patrols.key_date
    assert {p.key for p in bundle.points} >= {"ceasefire", "security-corridor", "joint-patrols"}


def test_every_entry_is_sourced_with_attribution_and_quote(bundled_data: dict) -> None:
    bundle = parse_bundle(bundled_data, "bundled")
    for entry in [*bundle.events, *bundle.points]:
        assert entry.sources, entry.key
        for citation in entry.sources:
            resolved = bundle.resolve(citation)
            assert resolved["publisher"] and resolved["attribution"] and resolved["quote"], entry.key


@pytest.mark.skipif(not ARTICLE.exists(), reason="the shared seed article is not beside the repository")
def test_article_quotes_are_verbatim(bundled_data: dict) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    bundle = parse_bundle(bundled_data, "bundled")
    for entry in [*bundle.events, *bundle.points]:
        for citation in entry.sources:
            if citation.ref == "aljazeera-2020-03-12":
                assert citation.quote in article, (entry.key, citation.quote)


def test_aliases_in_three_languages(bundled_data: dict) -> None:
    bundle = parse_bundle(bundled_data, "bundled")
    for entry in [*bundle.events, *bundle.points]:
        assert set(entry.aliases) == {"en", "tr", "ru"}, entry.key


def _broken(bundled_data: dict, path: list, value: object) -> dict:
    data = copy.deepcopy(bundled_data)
    node = data
    for step in path[:-1]:
        node = node[step]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        (["events", 0, "date"], "2030-13-45", "is not a real date"),
        (["events", 1, "date"], "next tuesday", "is not a date"),
        (["events", 2, "sources"], [], "at least 1"),
        (["events", 2, "sources"], KeyError, "Field required"),
        (["events", 3, "colour"], "red", "unknown field 'colour'"),
        (["events", 3, "status"], "maybe", "events[3]"),
        (["events", 4, "timezone"], "Mars/Olympus", "not an IANA time zone"),
        (["points", 0, "status_history", 0, "event"], "no-such-event", "unknown event"),
    ],
)
def test_invalid_entries_are_reported_with_file_and_entry(
    bundled_data: dict, path: list, value: object, says: str
) -> None:
    data = _broken(bundled_data, path, value)
    with pytest.raises(BundleError) as caught:
        parse_bundle(data, "timeline.yaml")
    message = str(caught.value)
    assert message.startswith("timeline.yaml: ")
    assert says in message
    index = path[1]
    assert f"{path[0]}[{index}] (key '{bundled_data[path[0]][index]['key']}')" in message


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="cannot be read"):
        read_bundle(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("negotiation: [unclosed")
    with pytest.raises(BundleError, match="is not valid YAML"):
        read_bundle(bad)
    bad.write_text("- just a list")
    with pytest.raises(BundleError, match="must hold a mapping"):
        read_bundle(bad)
