"""Across languages: one canonical entity for one agency, one measure series for one count."""

from __future__ import annotations

import reportedly


def sources(text: str, published: str = "2024-10-25") -> list[str]:
    ledger = reportedly.analyze(text, published=published)
    assert ledger.validate() == []
    return [c.source.entity.id for c in ledger.claims if c.source and c.source.entity]


def test_one_agency_is_one_entity_in_korean_russian_ukrainian() -> None:
    nis = sources("국정원은 북한군이 이동했다고 밝혔다.")
    assert nis == ["national-intelligence-service"]
    assert sources("Кремль заявил, что переговоры продолжаются.") == ["russia"]
    assert sources("ГУР повідомило, що удар було завдано вночі.") == [
        "main-directorate-of-intelligence-of-ukraine"
    ]
    assert sources("По данным ГУР, удар был нанесен ночью.") == [
        "main-directorate-of-intelligence-of-ukraine"
    ]


def test_the_english_alias_reaches_the_same_entity() -> None:
    ledger = reportedly.analyze("The NIS said on Tuesday that troops had moved.")
    ids = {link.entity.id for c in ledger.claims for link in c.chain}
    assert "national-intelligence-service" in ids


def test_death_tolls_in_three_languages_are_one_series() -> None:
    keys = set()
    for text, published in [
        ("소방청은 사망자가 12명이라고 밝혔다.", "2024-10-25"),
        ("Власти сообщили, что погибли 12 человек.", "2024-10-25"),
        ("Рятувальники повідомили, що загинули 12 осіб.", "2024-10-25"),
    ]:
        ledger = reportedly.analyze(text, published=published)
        (q,) = [q for c in ledger.claims for q in c.quantities]
        assert q.measure is not None and str(q.measure.as_of) == published
        keys.add(q.measure.key)
    assert keys == {"people killed"}


def test_a_number_that_counts_no_event_has_no_measure() -> None:
    ledger = reportedly.analyze("구청은 임시 대피소 3곳을 열었다고 밝혔다.", published="2024-10-25")
    (q,) = [q for c in ledger.claims for q in c.quantities]
    assert q.measure is None


def test_parts_and_changes_are_not_the_total_and_the_figures_day_is_its_own() -> None:
    ledger = reportedly.analyze(
        "중대본은 29일 밤 사고로 인한 사망자가 1명 늘어 총 40명이 됐고, 외국인은 5명이라고 밝혔다.",
        published="2024-10-31",
    )
    typed = {q.text: q.measure for c in ledger.claims for q in c.quantities}
    assert typed["1명"] is None  # a change
    five = typed["5명"]  # a part: not the total, the foreigners' own series (as English types it)
    assert five is not None and five.key == "foreigners killed"
    total = typed["40명"]
    assert total is not None and total.key == "people killed"
    assert str(total.as_of) == "2024-10-31"  # the 29th is the event's day, not the figure's
    ledger = reportedly.analyze(
        "По состоянию на 5 июня погибли 7 человек, сообщили власти.", published="2024-06-09"
    )
    (q,) = [q for c in ledger.claims for q in c.quantities]
    assert q.measure is not None and str(q.measure.as_of) == "2024-06-05"


def _stories_of(tmp_path, texts: list[tuple[str, str]]) -> list[set[str]]:  # noqa: ANN001 - a path
    from reportedly.link import link_store
    from reportedly.store import Store

    store = Store(str(tmp_path / "cross.db"))
    ids = []
    for text, published in texts:
        ledger = reportedly.analyze(text, published=published)
        store.save(ledger)
        ids.append(ledger.document.id)
    try:
        result = link_store(store)
    finally:
        store.close()
    return [set(s.documents) & set(ids) for s in result.stories]


def test_reports_in_two_languages_of_one_toll_are_one_story(tmp_path) -> None:  # noqa: ANN001
    korean = ("소방청은 화재로 사망자가 231명이라고 밝혔다. 부상자는 58명이다.", "2024-10-25")
    english = ("Officials said the fire killed 231 people and injured 58.", "2024-10-26")
    stories = _stories_of(tmp_path, [korean, english])
    assert any(len(s) == 2 for s in stories)


def test_reports_in_two_languages_with_other_figures_stay_apart(tmp_path) -> None:  # noqa: ANN001
    korean = ("소방청은 화재로 사망자가 231명이라고 밝혔다.", "2024-10-25")
    english = ("Officials said the flood killed 57 people.", "2024-10-26")
    stories = _stories_of(tmp_path, [korean, english])
    assert not any(len(s) == 2 for s in stories)


def _measure_keys(text: str, published: str = "2024-10-25") -> list[str]:
    ledger = reportedly.analyze(text, published=published)
    return [q.measure.key for c in ledger.claims for q in c.quantities if q.measure is not None]


def test_a_toll_in_a_named_city_is_one_series_in_four_languages() -> None:
    english = _measure_keys("Officials said 12 people were killed in Kherson.")
    assert english and english[0].startswith("people killed in ")
    for text in (
        "소방당국은 헤르손에서 12명이 숨졌다고 밝혔다.",  # a particle on the name ("헤르손에서")
        "Власти сообщили, что в Херсоне погибли 12 человек.",  # inflected ("Херсоне")
        "Рятувальники повідомили, що у Херсоні загинули 12 осіб.",
    ):
        assert _measure_keys(text) == english, text


def test_an_inflected_region_and_the_nearest_place_are_the_figures() -> None:
    (region,) = _measure_keys("Губернатор сообщил, что в Херсонской области погибли 5 человек.")
    english = _measure_keys("The governor said 5 people were killed in the Kherson region.")
    assert [region] == english
    # two clauses, two places: each figure takes the one in its own clause
    keys = _measure_keys("Мэр сообщил, что в Киеве погибли 3 человека, а в Одессе погибли 2 человека.")
    assert len(keys) == 2 and keys[0] != keys[1]
    assert keys[0] == _measure_keys("The mayor said 3 people were killed in Kyiv.")[0]


def test_a_surname_or_a_common_word_is_no_place() -> None:
    from reportedly.languages.places import mentions

    # "Кличко" is read only as a surname, "Мир" as the common word; "Сеуле" is Seoul
    assert mentions("uk", "Кличко повідомив про загиблих.") == []
    found = mentions("ru", "Мир узнал о погибших в Сеуле.")
    assert [(p.name, "Мир узнал о погибших в Сеуле."[a:b]) for a, b, p in found] == [("Seoul", "Сеуле")]
    # a particle is not part of the name; the country and the city are both found
    assert [p.id for _, _, p in mentions("ko", "우크라이나 헤르손에서 3명이 숨졌다.")] == ["UA", "geo:706448"]


def test_a_country_by_its_own_name_not_only_its_official_one() -> None:
    from reportedly.languages.places import mentions

    # gettext has "Российская Федерация"; the country's own name comes from countryinfo
    text = "В России и Украине погибли 5 человек."
    assert [(p.id, text[a:b]) for a, b, p in mentions("ru", text)] == [("RU", "России"), ("UA", "Украине")]


def test_a_country_by_its_everyday_name_in_each_language() -> None:
    """Catalogues of official names have "Російська Федерація" and "러시아 연방"; reports write
    "Росії" and "러시아", the names CLDR (Babel) gives each language."""
    from reportedly.languages.places import mentions

    text = "Удар по Росії та Сполучених Штатах."
    assert [(p.id, text[a:b]) for a, b, p in mentions("uk", text)] == [
        ("RU", "Росії"),
        ("US", "Сполучених Штатах"),
    ]
    assert [p.id for _, _, p in mentions("ko", "러시아와 미국에서 회담이 열렸다.")] == ["RU", "US"]


def _items(texts: list[tuple[str, str]]) -> list:  # noqa: ANN201 - ClaimItems
    from reportedly.link.corpus import ClaimItem, DocItem

    out = []
    for text, published in texts:
        ledger = reportedly.analyze(text, published=published)
        doc = DocItem(document=ledger.document, outlet=ledger.document.id)
        out += [ClaimItem(claim=c, doc=doc, origin=None, source=None, negative=False) for c in ledger.claims]
    return out


def test_one_count_in_two_languages_is_one_figure_where_the_series_differ() -> None:
    """ "경상자는 33명" (the slightly injured, a part the Korean reader does not type) and "33
    people were slightly injured" are one figure: the same count of people, in two languages, on
    the same day; the 231 dead are one series already, left to the figure clusters."""
    from reportedly.link.across import figures_across_languages

    korean = ("소방청은 사망자는 231명, 부상자 가운데 경상자는 33명이라고 밝혔다.", "2024-10-25")
    english = ("Officials said 231 people were killed and 33 people were slightly injured.", "2024-10-25")
    found = figures_across_languages(_items([korean, english]))
    groups = [{it.doc.document.meta["language"] for it in items} for items, _key in found]
    assert groups == [{"ko", "en"}]
    members, key = found[0]
    assert all(any(q.value == 33 for q in it.claim.quantities) for it in members)
    assert key == "people injured"  # the one typed point's series names the figure


def test_no_figure_across_languages_for_small_counts_other_days_or_one_language() -> None:
    from reportedly.link.across import figures_across_languages

    small = [
        ("소방청은 외국인은 5명이라고 밝혔다.", "2024-10-25"),
        ("Officials said 5 foreigners died.", "2024-10-25"),
    ]
    assert figures_across_languages(_items(small)) == []
    later = [
        ("소방청은 외국인은 26명이라고 밝혔다.", "2024-10-25"),
        ("Officials said 26 foreigners died.", "2024-11-03"),
    ]
    assert figures_across_languages(_items(later)) == []
    english = [
        ("Officials said 26 foreigners died.", "2024-10-25"),
        ("The ministry said 26 foreign nationals were among the dead.", "2024-10-25"),
    ]
    assert figures_across_languages(_items(english)) == []
    things = [
        ("소방청은 외국인은 26명이라고 밝혔다.", "2024-10-25"),
        ("Officials said 26 homes burned.", "2024-10-25"),
    ]
    assert figures_across_languages(_items(things)) == []


def test_foreigners_among_the_dead_are_one_series_in_korean_and_english() -> None:
    english = _measure_keys("Officials said 231 people were killed, including 26 foreigners.")
    assert english == ["people killed", "foreigners killed"]
    for text in ("소방청은 희생자 중 외국인은 26명으로 파악됐다고 밝혔다.", "외국인 사망자는 26명이다."):
        assert _measure_keys(text) == ["foreigners killed"], text
    assert _measure_keys("소방청은 사망자는 154명(외국인 26명)이라고 밝혔다.") == [
        "people killed",
        "foreigners killed",
    ]
    assert _measure_keys("외국인은 26명이다.") == []  # foreigners, but no event: no series
    assert _measure_keys("사망자 가운데 20대가 103명이다.") == []  # another part stays untyped
