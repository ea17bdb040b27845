"""Russian constructions, in our own sentences: заявил, сообщил, по словам, по данным, со ссылкой на."""

from __future__ import annotations

from functools import partial

import pytest

import reportedly
from language_checks import analysed, only
from reportedly.model import ClaimKind, Stance

PUBLISHED = "2023-06-09"  # a Friday


analyse = partial(analysed, language="ru", published=PUBLISHED)


def test_source_verb_that_content_with_the_person_named_in_the_nominative() -> None:
    claim = only(analyse("Мэр города Сергей Иванов заявил, что мост будет восстановлен к осени."))
    assert claim.source is not None and claim.source.text == "Мэр города Сергей Иванов"
    assert claim.source.entity is not None and claim.source.entity.name == "Сергей Иванов"
    assert claim.content_text == "мост будет восстановлен к осени"
    assert claim.stance is Stance.ASSERTED  # a plain future: the mayor's statement, not a forecast


def test_quotation_then_dash_then_verb_then_source() -> None:
    ledger = analyse(
        "Мэр Сергей Иванов заявил, что работы идут.\n\n«Все жители эвакуированы», — сказал Иванов."
    )
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.DIRECT and claim.inverted
    assert claim.content_text == "Все жители эвакуированы"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Сергей Иванов"  # the surname alone: the person named before


def test_po_slovam_with_an_inflected_name() -> None:
    claim = only(analyse("По словам губернатора Петра Смирнова, в городе нет электричества."))
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Петр Смирнов"
    assert claim.content_text == "в городе нет электричества"


def test_po_dannym_figures_are_reported() -> None:
    claim = only(analyse("По данным МЧС, эвакуированы более 1,3 тыс. человек."))
    assert claim.stance is Stance.REPORTED
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Russian Emergencies Ministry"  # the alias table
    (q,) = claim.quantities
    assert (q.value, q.low, q.high) == (1300, 1300, None)


def test_so_ssylkoy_na_is_a_chain() -> None:
    claim = only(
        analyse("Агентство Интерфакс со ссылкой на источник в полиции сообщило, что задержаны двое.")
    )
    assert [link.entity.name for link in claim.chain] == ["Interfax", "источник в полиции"]
    assert claim.source is not None and claim.source.text == "источник в полиции"  # the origin
    assert claim.stance is Stance.REPORTED


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Министерство подтвердило, что двое военных погибли.", Stance.CONFIRMED),
        ("Пресс-служба опровергла сообщения о взрыве.", Stance.DENIED),
        ("Эксперт предположил, что уровень воды снизится.", Stance.ESTIMATED),
        ("Синоптики заявили, что дожди могут продлиться неделю.", Stance.EXPECTED),
        ("Губернатор заявил, что виновные будут наказаны.", Stance.ASSERTED),  # a plain future
        ("Синоптики заявили, что уровень воды будет расти до пятницы.", Stance.EXPECTED),  # a forecast
        ("Мэр сказал, что откачка воды продлится до утра.", Stance.EXPECTED),
        ("Губернатор заявил, что ситуация под контролем.", Stance.ASSERTED),
    ],
)
def test_stances(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("Власти сообщили, что эвакуировано около 900 человек.", (900, None, None, True)),
        ("Власти сообщили, что погибли свыше 20 человек.", (20, 20, None, False)),
        ("Власти сообщили, что пострадали до 15 человек.", (15, None, 15, False)),
        ("Власти сообщили, что погибли семь человек.", (7, 7, 7, False)),
        ("Власти сообщили, что ущерб составил 1,5 млрд рублей.", (1.5e9, 1.5e9, 1.5e9, False)),
    ],
)
def test_numbers(sentence: str, bounds: tuple) -> None:
    (q,) = only(analyse(sentence)).quantities
    assert (q.value, q.low, q.high, q.approximate) == bounds


def test_dates_and_clock_times() -> None:
    claim = only(analyse("Глава района сообщил в четверг, что 5 июня в 14:30 вода поднялась на 2 метра."))
    assert [(t.text, t.resolved) for t in claim.times] == [
        ("в четверг", "2023-06-08"),
        ("5 июня", "2023-06-05"),
    ]
    assert [q.value for q in claim.quantities] == [2]


def test_ob_etom_attributes_the_sentence_before_and_the_office_that_told_the_agency() -> None:
    ledger = reportedly.analyze(
        "Число пострадавших выросло до 12. Об этом Интерфаксу сообщили в пресс-службе МЧС.",
        published=PUBLISHED,
    )
    assert ledger.validate() == []
    (claim,) = ledger.claims  # the figure's outlet-voice reading gives way
    assert claim.content_text == "Число пострадавших выросло до 12"
    assert [q.value for q in claim.quantities] == [12]
    assert claim.chain[-1].entity.name == "Russian Emergencies Ministry"  # its press office


def test_nazval_keeps_its_own_clause_when_a_relay_follows() -> None:
    claim = only(analyse("Мэр Сергей Иванов назвал аварию диверсией, передает корреспондент агентства."))
    assert claim.content_text == "аварию диверсией"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Сергей Иванов"


def test_schel_is_an_estimate() -> None:
    claim = only(analyse("Войска не добиваются поставленных целей, счел Иванов."))
    assert claim.stance is Stance.ESTIMATED and claim.inverted


def test_the_headline_is_read_too() -> None:
    from reportedly.ingest.layout import parse_layout
    from reportedly.languages.common import paragraphs_of

    doc = parse_layout("Вода поднялась на два метра, заявил мэр\n\nМэр Сергей Иванов выступил в пятницу.")
    assert paragraphs_of(doc)[0][0] == 0


def src_name(claim) -> str | None:  # noqa: ANN001 - a claim
    return claim.source.entity.name if claim.source and claim.source.entity else None


def test_ranee_soobshchalos_is_nobodys_and_the_speaker_before_does_not_go_on() -> None:
    ledger = analyse(
        "Мэр Сергей Иванов сообщил, что в городе закрыты 4 школы.\n\n"
        "Ранее сообщалось, что из поселка вывезли 300 человек. В пунктах обогрева находятся 80 человек."
    )
    first, *rest = ledger.claims
    assert src_name(first) == "Сергей Иванов"
    assert [q.value for c in rest for q in c.quantities] == [300, 80]
    assert all(c.source is None and c.kind is ClaimKind.OUTLET for c in rest)


def test_a_channel_between_the_verb_and_the_source() -> None:
    claim = only(
        analyse("Дорогу перекрыли на сутки, сообщил в своем Telegram-канале глава района Олег Смирнов.")
    )
    assert src_name(claim) == "Олег Смирнов" and claim.inverted


def test_the_agency_told_on_a_weekday_by_a_service_and_its_informant_after() -> None:
    ledger = analyse(
        "Число раненых достигло 15, сообщили ТАСС в среду в оперативных службах.\n"
        '"Еще трое находятся в тяжелом состоянии", - сказал собеседник агентства.'
    )
    first, second = ledger.claims
    assert first.source is not None and "служб" in first.source.text
    assert second.source is not None and second.source.text == "собеседник агентства"
    assert second.source.entity is first.source.entity  # the informant is the service named before


def test_govoritsya_v_soobshchenii_goes_on_with_the_source_named_before() -> None:
    ledger = analyse(
        "Губернатор Анна Орлова заявила, что аварийные бригады работают всю ночь.\n\n"
        '"Подача воды восстановлена в 12 домах", - говорится в сообщении.'
    )
    claim = ledger.claims[-1]
    assert claim.content_text == "Подача воды восстановлена в 12 домах"
    assert claim.kind is ClaimKind.DIRECT
    assert src_name(claim) == "Анна Орлова"


def test_kak_govoryat_inside_a_quotation_is_not_its_source() -> None:
    claim = only(analyse("«Эта ракета бьет, как говорят, по площадям», — пояснил Сергей Иванов."))
    assert src_name(claim) == "Сергей Иванов"
    assert claim.content_text.startswith("Эта ракета бьет")


def test_sobesedniki_of_a_named_outlet_are_not_the_source_before() -> None:
    ledger = analyse(
        "Глава района Олег Смирнов заявил, что эвакуация идет.\n\n"
        "При этом, по словам собеседников «Новой газеты», автобусы не пришли."
    )
    claim = ledger.claims[-1]
    assert src_name(claim) != "Олег Смирнов"
    assert claim.source is not None and "собеседник" in claim.source.text


def test_po_slovam_in_the_middle_keeps_the_words_on_both_sides() -> None:
    claim = only(analyse("Работы, по словам мэра Сергея Иванова, продлятся до утра."))
    assert [span.text for span in claim.content] == ["Работы", "продлятся до утра"]
    assert src_name(claim) == "Сергей Иванов"


def test_a_model_name_is_not_a_count() -> None:
    claim = only(analyse("Мэр Сергей Иванов сообщил, что ракета Х-22 разрушила 3 дома."))
    assert [q.value for q in claim.quantities] == [3]


def test_po_slovam_tells_a_position_or_figures() -> None:
    position = only(analyse("По словам мэра Сергея Иванова, город готов к паводку."))
    figures = only(analyse("По словам мэра Сергея Иванова, в городе затоплены 40 домов."))
    assert position.stance is Stance.ASSERTED
    assert figures.stance is Stance.REPORTED


# ----------------------------------------------------------- development set 2 (issue 19)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Власти сообщили, что ракеты выпустили тремя залпами.", [3]),  # a numeral in any case
        ("Власти сообщили, что девятеро рабочих госпитализированы.", [9]),
        ("Власти сообщили, что четырнадцать домов разрушены.", [14]),
        ("Власти сообщили, что семьям выплатят по миллиону рублей.", [1_000_000]),
        ("Власти сообщили, что к работам привлекли около двух тысяч спасателей.", [2000]),
        ("Власти сообщили, что тысячи людей остались без света.", []),  # a vague many
        ("Власти сообщили, что одна из ракет упала в поле.", []),  # "одна из": no count
    ],
)
def test_number_words_in_every_case_and_scale_nouns(sentence: str, values: list) -> None:
    assert [q.value for q in only(analyse(sentence)).quantities] == values


def test_po_predvaritelnym_dannym_names_nobody_and_keeps_the_whole_statement() -> None:
    claim = only(analyse("По предварительным данным, ранены 12 человек, из них двое в тяжелом состоянии."))
    assert claim.kind is ClaimKind.ACCORDING_TO and claim.source is None
    assert claim.content_text == "ранены 12 человек, из них двое в тяжелом состоянии"
    assert [q.value for q in claim.quantities] == [12, 2]
    assert claim.stance is Stance.REPORTED  # preliminary figures are still figures told


def test_po_predvaritelnym_dannym_with_a_name_after_it_names_it() -> None:
    claim = only(analyse("По предварительным данным МЧС, ранены 12 человек."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Russian Emergencies Ministry"


def test_preliminary_data_in_a_new_paragraph_is_not_the_speaker_before() -> None:
    ledger = analyse(
        "Губернатор Иван Петров сообщил, что пожар потушен.\n\n"
        "По предварительным данным, пострадали 8 человек.\n\n"
        "По его словам, причины выясняются."
    )
    figures, his = ledger.claims[1], ledger.claims[2]
    assert figures.source is None  # nobody named, a paragraph of its own
    assert his.source is not None and his.source.entity is not None
    assert his.source.entity.name == "Иван Петров"  # "по его словам": the person before goes on


def test_an_office_in_the_locative_before_a_plural_verb_is_the_source() -> None:
    claim = only(analyse("В пресс-службе городской администрации уточнили, что школы закрыты."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "пресс-служба городской администрации"
    assert claim.content_text == "школы закрыты"


def test_an_office_told_an_agency_is_the_origin_and_the_agency_a_relay() -> None:
    claim = only(analyse("В экстренных службах корреспонденту ТАСС сообщили, что движение перекрыто."))
    assert [link.entity.name for link in claim.chain] == ["TASS", "экстренные службы"]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "экстренные службы"


def test_a_place_in_the_locative_is_no_office() -> None:
    claim = only(analyse("В городе заявили, что мост откроют к осени."))
    assert claim.source is None or claim.source.entity is None or claim.source.entity.name != "город"


def test_the_office_with_a_subject_wins_over_preliminary_information() -> None:
    claim = only(analyse("В областном МЧС уточнили, что, по предварительной информации, горит склад."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Russian Emergencies Ministry"


def test_skazano_v_soobshchenii_names_whose_statement_it_is() -> None:
    claim = only(analyse("«Открыты пять пунктов размещения», — сказано в сообщении областной администрации."))
    assert claim.kind is ClaimKind.DIRECT
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "областная администрация"
    assert claim.content_text == "Открыты пять пунктов размещения"


def test_the_channel_a_statement_was_posted_in_is_where_not_who() -> None:
    claim = only(
        analyse("«Все дороги открыты», — говорится в сообщении в Telegram-канале администрации района.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "администрация района"


def test_kak_so_ssylkoy_na_origin_soobshchaet_relay() -> None:
    claim = only(analyse("Как со ссылкой на спасателей сообщает «Фонтанка», вода начала уходить."))
    assert [link.entity.name for link in claim.chain] == ["Фонтанка", "спасатели"]
    assert claim.content_text == "вода начала уходить"


def test_a_quoted_name_after_po_dannym_is_read_in_the_nominative() -> None:
    claim = only(analyse("По данным «Газеты», в очереди стоят около 300 машин."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Газета"
    assert [q.value for q in claim.quantities] == [300]


def test_po_versii_is_an_account_estimated() -> None:
    claim = only(analyse("По версии следователей, причиной аварии стала неисправная проводка."))
    assert claim.stance is Stance.ESTIMATED and claim.source is not None


def test_may_is_a_month_and_cars_are_not() -> None:
    claim = only(analyse("Глава района сообщил, что 5 мая у моста стояли 300 машин."))
    assert [(t.text, t.resolved) for t in claim.times] == [("5 мая", "2023-05-05")]
    assert [q.value for q in claim.quantities] == [300]


def test_ranee_stalo_izvestno_without_figures_is_still_the_outlets_claim() -> None:
    ledger = analyse(
        "Глава района Иван Петров сообщил, что дорога закрыта.\n\n"
        "Позже стало известно, что водитель грузовика задержан."
    )
    claim = ledger.claims[-1]
    assert claim.source is None and claim.kind is ClaimKind.OUTLET
    assert claim.content_text == "водитель грузовика задержан"


def test_napomnim_keeps_a_named_source_and_stops_the_speaker_before() -> None:
    ledger = analyse(
        "Глава района Иван Петров сообщил, что 4 дома сгорели.\n\n"
        "Напомним, на прошлой неделе в районе сгорели 7 домов.\n\n"
        "Напомним, губернатор Олег Смирнов заявил, что семьи получат жилье."
    )
    recap, named = ledger.claims[1], ledger.claims[2]
    assert recap.source is None  # the outlet reminds: not Петров's
    assert named.source is not None and named.source.entity is not None
    assert named.source.entity.name == "Олег Смирнов"


def test_the_object_of_a_preposition_is_not_the_subject() -> None:
    claim = only(analyse("После полуночи по местному времени Минздрав региона сообщил, что погибших 12."))
    assert claim.source is not None and claim.source.text == "Минздрав региона"


def test_an_office_after_an_adverb_and_its_short_mention_later() -> None:
    ledger = analyse(
        "Пожар потушен. Об этом ТАСС сообщили в пресс-службе правительства области.\n\n"
        "Позже в пресс-службе рассказали, что мост закрыт."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "пресс-служба правительства области"


def test_a_surname_the_dictionary_misreads_stays_as_written() -> None:
    claim = only(analyse("Глава республики Сергей Меликов сообщил, что пожар потушен."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Сергей Меликов"


def test_a_modal_in_a_relative_clause_is_not_the_statements() -> None:
    # round 14: a count keeps the verb of telling reported (a named speaker's plain statement is
    # asserted), so the modal of the relative clause is all that could change it
    claim = only(analyse("Власти сообщили, что открыты три пункта, где жители могут получить воду."))
    assert claim.stance is Stance.REPORTED


def test_soobshchaetsya_goes_on_with_the_speaker_before() -> None:
    ledger = analyse(
        "Глава района Иван Петров рассказал, что мост поврежден. Сообщается, что движение по мосту перекрыто."
    )
    claim = ledger.claims[-1]
    assert claim.content_text == "движение по мосту перекрыто"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"


def test_chto_privelo_is_no_reporting_verb() -> None:
    claim = only(analyse("В городе прорвало трубу, что привело к отключению воды в 300 домах."))
    assert claim.kind is ClaimKind.OUTLET  # the outlet's figure, not something "привело" said
    assert [q.value for q in claim.quantities] == [300]


def test_a_figure_being_established_is_unverified() -> None:
    ledger = analyse("Глава района Иван Петров сообщил о пожаре. Число пострадавших уточняется.")
    assert ledger.claims[-1].stance is Stance.UNVERIFIED
    claim = only(analyse("Губернатор сообщил, что пожар потушен, число пострадавших уточняется."))
    assert claim.stance is Stance.REPORTED  # inside a statement of what happened: no stance of its own


def test_ob_etom_v_svoem_telegram_kanale_napisal_x() -> None:
    ledger = analyse("Мост закрыт. Об этом в своем Telegram-канале написал губернатор Иван Петров.")
    claim = only(ledger)
    assert claim.content_text == "Мост закрыт"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"  # the channel is where, not who


def test_an_office_in_the_locative_is_named_in_the_nominative() -> None:
    claim = only(analyse("Число погибших выросло до 12, сообщили в региональном Минздраве."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "региональный Минздрав"
    assert [q.value for q in claim.quantities] == [12]


def test_one_and_a_half_thousand() -> None:
    (q,) = only(analyse("Эвакуировано около полутора тысяч человек, сообщил глава района.")).quantities
    assert (q.value, q.approximate) == (1500, True)


def test_ob_etom_govoritsya_v_soobshchenii_names_whose_statement() -> None:
    claim = only(analyse("Пожар потушен. Об этом говорится в сообщении пресс-службы губернатора."))
    assert claim.content_text == "Пожар потушен"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "пресс-служба губернатора"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Пресс-секретарь Иван Петров отказался комментировать эти сообщения.", "отказался комментировать"),
        ("В министерстве не стали комментировать эти данные.", "не стали комментировать"),
    ],
)
def test_refusing_to_comment_is_no_comment(sentence: str, cue: str) -> None:
    claim = only(analyse(sentence))
    assert claim.stance is Stance.NO_COMMENT and claim.cue.text == cue
    assert claim.content_text in ("эти сообщения", "эти данные")


def test_ne_podtverdili_is_unverified() -> None:
    assert only(analyse("Министерство не подтвердило гибель военных.")).stance is Stance.UNVERIFIED


def test_v_zayavlenii_x_govoritsya_chto() -> None:
    claim = only(analyse("В заявлении областной прокуратуры говорится, что возбуждено дело."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "областная прокуратура"
    assert claim.content_text == "возбуждено дело"


def test_an_informant_keeps_where_he_sits() -> None:
    claim = only(analyse("Источник в силовых структурах сообщил, что задержаны двое."))
    assert claim.source is not None and claim.source.text == "Источник в силовых структурах"


def test_a_quotation_standing_alone_goes_on_with_the_speaker_named_before() -> None:
    ledger = analyse("Губернатор Иван Петров заявил, что власти следят за ситуацией. «Помощь уже идет».")
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.DIRECT and claim.content_text == "Помощь уже идет"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"
    assert claim.stance is Stance.ASSERTED  # as he asserted the rest


def test_a_quotation_far_from_any_speaker_is_nobodys() -> None:
    ledger = analyse(
        "Губернатор Иван Петров заявил, что власти следят за ситуацией.\n\n"
        "Вода начала уходить.\n\nДороги расчищают.\n\n«Помощь уже идет»."
    )
    assert all("Помощь" not in c.content_text for c in ledger.claims)


def test_a_title_with_no_name_is_the_person_named_with_that_title_before() -> None:
    ledger = analyse(
        "Пресс-секретарь министерства Ольга Смирнова провела брифинг в пятницу.\n\n"
        "«Работы идут по графику», — сказала пресс-секретарь ведомства."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.text == "пресс-секретарь ведомства"
    assert claim.source.entity is not None and claim.source.entity.name == "Ольга Смирнова"


def test_a_title_nobody_was_named_with_is_the_person_who_spoke_last() -> None:
    ledger = analyse(
        "Анна Котова заявила, что мост закрыт.\n\n«Объезд открыт», — добавил официальный представитель мэрии."
    )
    assert [c.source.entity.name for c in ledger.claims if c.source and c.source.entity] == [
        "Анна Котова",
        "Анна Котова",
    ]


def test_a_relative_pronoun_is_not_part_of_the_subject() -> None:
    ledger = analyse("Пресс-служба опубликовала видео, в котором Иван Сидоров заявил, что склад сгорел.")
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.text == "Иван Сидоров"


def test_govoritsya_v_audiosoobshchenii_is_the_statement_of_the_speaker_before() -> None:
    ledger = analyse(
        "Иван Сидоров заявил о завершении операции.\n\n«Мы уходим в лагеря», — говорится в аудиосообщении."
    )
    claim = ledger.claims[-1]
    assert claim.cue.text == "говорится"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Сидоров"


def test_an_article_of_a_law_is_no_count() -> None:
    claim = only(analyse("Прокурор заявил, что дело по ст. 279 УК будет закрыто."))
    assert claim.quantities == [] or all(q.attribute for q in claim.quantities)
    assert claim.stance is Stance.ASSERTED  # no figures told


def test_an_if_clause_is_conditional() -> None:
    claim = only(analyse("«Если нам кто-то помешает, мы пойдем дальше», — сказал Иван Сидоров."))
    assert claim.stance is Stance.CONDITIONAL


def test_ne_utochnil_is_no_comment() -> None:
    claim = only(analyse("Иван Сидоров не уточнил, чем будет заниматься компания."))
    assert claim.stance is Stance.NO_COMMENT


def test_kak_with_a_verb_of_position_takes_its_stance() -> None:
    claim = only(analyse("Как подчеркнули в министерстве, решение окончательное."))
    assert claim.stance is Stance.ASSERTED
    claim = only(analyse("Как сообщает ТАСС, мост закрыт."))
    assert claim.stance is Stance.REPORTED


def test_a_modal_in_one_sentence_of_a_long_quotation_does_not_mark_the_others() -> None:
    claim = only(
        analyse(
            "«Мы вышли на марш. Мы прошли весь путь. Сейчас кровь может пролиться. Мы уходим», "
            "— заявил Иван Сидоров."
        )
    )
    assert claim.stance is Stance.ASSERTED
    marked = only(analyse("«Дожди могут продлиться. Вода может подняться», — заявил Иван Сидоров."))
    assert marked.stance is Stance.EXPECTED


def test_uveryaet_after_the_words_is_a_cue() -> None:
    claim = only(analyse("Бойцы шли не для того, чтобы свергать власть, уверяет Иван Сидоров."))
    assert claim.cue.text == "уверяет"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Сидоров"


def test_ob_etom_after_a_paragraph_of_sentences_with_no_cue_takes_them_all() -> None:
    ledger = analyse(
        "Дело будет закрыто. Власти не будут преследовать бойцов. "
        "Об этом заявил пресс-секретарь Иван Сидоров."
    )
    claim = only(ledger)
    assert claim.content_text.startswith("Дело будет закрыто")
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Сидоров"


def test_a_verb_and_its_speaker_alone_tell_the_sentence_before() -> None:
    ledger = analyse("Вы спросите меня, что будет дальше. Дело будет прекращено.\n\nСообщил Иван Сидоров.")
    claim = only(ledger)
    assert claim.content_text == "Дело будет прекращено"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Сидоров"


def test_a_parenthetical_verb_keeps_the_words_on_both_sides() -> None:
    ledger = analyse(
        "Иван Сидоров заявил, что колонны уходят. За это время, отметил он, не было пролито ни капли."
    )
    claim = ledger.claims[-1]
    assert [span.text for span in claim.content] == ["За это время", "не было пролито ни капли"]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Сидоров"


def test_otmechalos_goes_on_with_the_speaker_before() -> None:
    ledger = analyse("Пресс-служба правительства заявила о переговорах. Отмечалось, что они шли весь день.")
    last = ledger.claims[-1]
    assert last.cue.text == "Отмечалось"
    assert last.source is not None and last.source.text == "Пресс-служба правительства"


def test_a_quotation_left_open_with_a_name_quoted_inside_is_the_speakers() -> None:
    ledger = analyse(
        "Иван Сидоров подтвердил, что переговоры прошли.\n\n"
        "«Мы признательны за эти усилия. Была достигнута договоренность, что «Север» вернется в лагеря. Часть"
    )
    last = ledger.claims[-1]
    assert last.source is not None and last.source.entity is not None
    assert last.source.entity.name == "Иван Сидоров"
    assert last.stance is Stance.ASSERTED  # the speaker's words, with no figures


def test_ni_odnoy_is_no_count() -> None:
    claim = only(
        analyse("Иван Сидоров заявил, что не было пролито ни одной капли крови, пострадал один человек.")
    )
    assert [q.value for q in claim.quantities if not q.attribute] == [1]


def name_of(claim) -> str | None:  # noqa: ANN001 - a claim
    return claim.source.entity.name if claim.source and claim.source.entity else None


def test_to_whom_and_where_between_the_verb_and_the_speaker() -> None:
    claim = only(
        analyse(
            "Пока «ничего нельзя сказать» о сроках ремонта моста, заявил журналистам на брифинге "
            "представитель мэрии Олег Смирнов."
        )
    )
    assert name_of(claim) == "Олег Смирнов"
    assert claim.stance is Stance.UNVERIFIED


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Эксперт Анна Козлова заявила, что самолет, вероятно, был сбит ракетой.", Stance.ESTIMATED),
        ("Эксперт Анна Козлова заявила, что ремонт, вероятно, продлится месяц.", Stance.EXPECTED),
        ("Следователи заявили, что есть основания полагать, что склад подожгли.", Stance.ESTIMATED),
        ("Олег Смирнов сказал, что причину пожара пока никто не знает.", Stance.UNVERIFIED),
        ("В министерстве подчеркнули, что достоверной информации о погибших нет.", Stance.UNVERIFIED),
        ("Олег Смирнов сказал, что комиссия все еще собирает и анализирует данные.", Stance.UNVERIFIED),
        ("В ведомстве заявили, что эти сообщения не соответствуют действительности.", Stance.DENIED),
    ],
)
def test_stances_from_the_content(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


def test_but_he_did_not_specify_is_a_claim_of_its_own() -> None:
    ledger = analyse(
        "Мэр Олег Смирнов отметил, что намерен выехать на место, однако он не уточнил, когда именно."
    )
    told, withheld = ledger.claims
    assert told.content_text == "намерен выехать на место"
    assert withheld.stance is Stance.NO_COMMENT
    assert name_of(withheld) == name_of(told) == "Олег Смирнов"


def test_a_background_note_names_nobody() -> None:
    ledger = analyse("Источник: МЧС России\n\nСправка: в прошлом году в регионе сгорели 12 складов.")
    assert name_of(only(ledger)) is None


def test_citing_its_own_sources_is_still_a_relay_but_its_own_data_is_not() -> None:
    relayed = only(
        analyse("Завод закрыт. Об этом, ссылаясь на собственные источники, сообщила газета «Вести».")
    )
    assert [link.entity.name for link in relayed.chain][0] == "Вести"
    assert name_of(relayed) != "Вести"
    own = only(analyse("Завод закрыт, сообщил Олег Смирнов, ссылаясь на собственные данные."))
    assert [link.entity.name for link in own.chain] == ["Олег Смирнов"]


def test_a_title_and_whose_in_quotation_marks_is_no_name() -> None:
    ledger = analyse(
        "Глава компании «Север» Олег Смирнов выступил с обращением.\n\n"
        "«Мы идем до конца», — говорит глава «Севера»."
    )
    assert name_of(ledger.claims[-1]) == "Олег Смирнов"


def test_told_about_a_tally_keeps_its_parts_after_a_comma() -> None:
    """ "сообщило о семи погибших, включая одного ребенка, и 25 раненых": no other reporting verb
    follows the comma, so the content runs to the sentence's end, and "one" naming a part of the
    tally in any case counts."""
    claim = only(analyse("Ранее МЧС сообщало о семи погибших, включая одного ребенка, и 25 раненых."))
    assert [q.value for q in claim.quantities] == [7, 1, 25]
    assert claim.content_text.endswith("и 25 раненых")


def test_the_verbs_own_clause_when_another_reporting_verb_follows() -> None:
    claim = only(analyse("Министр назвал пожар поджогом, передает РБК."))
    assert claim.content_text == "пожар поджогом"


def test_one_of_or_not_one_is_no_count() -> None:
    claim = only(analyse("По данным МЧС, пострадала одна из жительниц, ни одного жителя не эвакуировали."))
    assert [q.value for q in claim.quantities] == []


# ------------------------------------------------------------------ round 8 (issue 19)


def test_an_event_the_outlet_tells_with_no_cue_is_its_own_claim() -> None:
    """ "СКР возбудил уголовное дело …": a past verb, a name, nobody quoted and no figure: the
    outlet's statement (as the English pipeline's outlet claims), asserted as any plain statement
    without figures is."""
    claim = only(analyse("СКР возбудил уголовное дело по факту пожара на складе в Подольске."))
    assert claim.kind is ClaimKind.OUTLET and claim.source is None
    assert claim.cue.text == "возбудил"
    assert claim.stance is Stance.ASSERTED
    passive = only(analyse("Уголовное дело возбуждено по статье 219 УК РФ после пожара."))
    assert passive.kind is ClaimKind.OUTLET and passive.cue.text == "возбуждено"
    recap = only(analyse("Напомним, утром на складе компании «Ромашка» в Подольске случился пожар."))
    assert recap.kind is ClaimKind.OUTLET and recap.cue.text == "случился"


def test_no_outlet_event_without_a_name_a_past_verb_or_with_a_pronoun_subject() -> None:
    # the present is read since round 12 (cyrillic_present.py): a situation update, reported
    (present,) = analyse("На месте пожара идет разбор завалов в Подольске.").claims
    assert present.kind is ClaimKind.OUTLET and present.stance is Stance.REPORTED
    assert analyse("Пострадали и жилые дома, и школы, и больницы.").claims == []  # nobody named
    assert analyse("Он возбудил дело против компании «Ромашка» вчера утром.").claims == []


def test_an_event_after_a_speaker_is_not_the_speakers() -> None:
    """The speaker before goes on into a sentence of figures, not into an event naming its own
    actor."""
    ledger = analyse("По данным МЧС, пострадали пять человек. СКР возбудил уголовное дело в Подольске.")
    first, second = ledger.claims
    assert name_of(first) == "Russian Emergencies Ministry"
    assert second.kind is ClaimKind.OUTLET and second.source is None


def test_a_name_in_quotation_marks_or_in_latin_letters_before_the_verb_is_the_source() -> None:
    claim = only(analyse("РИА «Новости» сообщает, что объявлена эвакуация жителей."))
    assert claim.source is not None and claim.source.text == "РИА «Новости»"
    assert claim.content_text == "объявлена эвакуация жителей"
    latin = only(analyse("Baza пишет о восьми пострадавших."))
    assert latin.source is not None and latin.source.text == "Baza"
    channel = only(analyse("Близкий к силовикам Telegram-канал «Спутник» сообщает, что в дом попал снаряд."))
    assert channel.source is not None and channel.source.text == "Telegram-канал «Спутник»"


def test_this_denied_in_an_office_is_a_claim_of_the_office() -> None:
    """ "В экстренных службах это отрицают": the verb's object points back; the sentence is the
    denial, and "Там заявили" after it is the same office going on."""
    ledger = analyse(
        "Телеграм-канал «Спутник» сообщает, что в здание попал снаряд. В оперативных службах это "
        "отрицают. Там заявили, что загорелся склад с краской."
    )
    denial, there = ledger.claims[1:]
    assert denial.stance is Stance.DENIED and name_of(denial) == "оперативные службы"
    assert name_of(there) == "оперативные службы"


def test_told_an_agency_named_in_quotation_marks_by_an_office() -> None:
    claim = only(analyse("Пожар начался из-за замыкания, заявили РИА «Новости» в экстренных службах."))
    assert name_of(claim) == "экстренные службы"
    assert [link.entity.name for link in claim.chain][0] == "РИА «Новости»"


def test_a_death_of_one_of_the_injured_is_one_death() -> None:
    claim = only(analyse("По данным МЧС, в больнице скончалась одна из пострадавших."))
    assert [q.value for q in claim.quantities] == [1]
    rescuer = only(analyse("По данным МЧС, одна из спасательниц получила ожог руки."))
    assert [q.value for q in rescuer.quantities] == []


def test_not_final_information_is_unverified() -> None:
    claim = only(analyse("Мэр Иван Петров уточнил, что это еще не окончательная информация."))
    assert claim.stance is Stance.UNVERIFIED


def test_the_agency_alone_is_the_one_that_spoke_last() -> None:
    ledger = analyse("Пожар охватил склад, пишет ТАСС. Агентство сообщает, что пострадали 16 человек.")
    assert name_of(ledger.claims[-1]) == name_of(ledger.claims[0]) == "TASS"


def test_words_still_being_established_are_unverified() -> None:
    claim = only(analyse("«Причины пожара и число пострадавших устанавливаются», – уточнили в СК."))
    assert claim.stance is Stance.UNVERIFIED


def test_a_surname_the_dictionary_reads_as_a_short_adjective_stays_with_the_first_name() -> None:
    claim = only(analyse("Позже глава района Дмитрий Акулов уточнил, что известно о 35 пострадавших."))
    assert name_of(claim) == "Дмитрий Акулов"


def test_one_more_is_a_count_in_any_case() -> None:
    claim = only(analyse("По данным МЧС, ещё одной погибшей стала жительница Подольска."))
    assert [q.value for q in claim.quantities] == [1]


def test_soglasno_is_read_as_po_and_a_speech_noun_names_a_quotation() -> None:
    """ "Согласно данным X, …" names X as "По данным X" does; "Заявление Петрова: «…»" is
    Petrov's quotation."""
    claim = only(analyse("Согласно данным МЧС, погибли 7 человек."))
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert name_of(claim) is not None and claim.content_text == "погибли 7 человек"
    ledger = analyse(
        "Губернатор Иван Петров приехал на место.\n\nЗаявление Петрова: «Эвакуированы 40 человек»"
    )
    quoted = ledger.claims[-1]
    assert quoted.kind is ClaimKind.DIRECT and name_of(quoted) == "Иван Петров"


def test_an_object_put_first_before_a_plural_verb_and_its_subject_after() -> None:
    """ "Гибель двух рабочих … подтвердили власти области": "гибель" has no plural, so it cannot be
    the subject of "подтвердили"; the subject follows the verb and the object is what is
    confirmed. "Иванов и Петров заявили" keeps its subject."""
    claim = only(
        analyse("Гибель двух рабочих и троих пожарных подтвердили власти области еще днем в четверг.")
    )
    assert claim.source is not None and claim.source.text == "власти области"
    assert claim.stance is Stance.CONFIRMED
    assert claim.content_text == "Гибель двух рабочих и троих пожарных"
    pair = only(analyse("Губернатор Игорь Руденко и мэр Петр Смирнов заявили, что пожар потушен."))
    assert name_of(pair) == "Игорь Руденко"


def test_about_this_in_a_telegram_channel_of_a_person_and_known_that() -> None:
    """ "Об этом сообщается в телеграм-канале главы региона X": X told the sentence before;
    "Известно, что …" names nobody: the outlet's own."""
    ledger = analyse(
        "Семь человек пострадали при пожаре на складе. Об этом сообщается в телеграм-канале главы "
        "региона Игоря Руденко.\n\nИзвестно, что в больницы доставили 5 человек."
    )
    told, known = ledger.claims
    assert name_of(told) == "Игорь Руденко" and [q.value for q in told.quantities] == [7]
    assert known.source is None or known.kind is ClaimKind.OUTLET


def test_a_closing_verb_with_a_titled_speaker_tells_the_whole_sentence() -> None:
    """ "Медики оценивают его состояние как тяжелое, сообщил губернатор X": the governor's words
    (a condition report: reported, not estimated); "…, передает РБК" stays a relay of the first
    verb's speaker."""
    claim = only(analyse("Медики оценивают его состояние как тяжелое, сообщил губернатор Игорь Руденко."))
    assert name_of(claim) == "Игорь Руденко" and claim.stance is Stance.REPORTED
    assert claim.content_text.startswith("Медики оценивают")
    relay = only(analyse("Песков назвал пожар трагедией, передает РБК."))
    assert relay.source is not None and relay.source.text == "Песков"


def test_i_think_and_most_likely_are_estimates() -> None:
    think = only(analyse("«Думаю, что больше мы никого не найдем», — сказал губернатор Игорь Руденко."))
    assert think.stance is Stance.ESTIMATED
    likely = only(analyse("«Скорее всего, это был взрыв газа», — сказал губернатор Игорь Руденко."))
    assert likely.stance is Stance.ESTIMATED


def test_according_to_a_site_names_its_owner() -> None:
    """ "Согласно информации с сайта завода, …": the plant is the source (the site is where it
    says so), and with no figures its self-description is a statement (asserted); a channel
    named by its own name ("по данным Telegram-канала Baza") stays the source."""
    site = only(analyse("Согласно информации с сайта завода, предприятие выпускает оптику с 1935 года."))
    assert site.source is not None and site.source.text == "завода"
    assert site.stance is Stance.ASSERTED
    channel = only(analyse("По данным Telegram-канала Baza, погибли 5 человек."))
    assert channel.source is not None and "Baza" in channel.source.text
    assert channel.stance is Stance.REPORTED


# round 10: Russian sources from ru-heldout6 (development text from this round), in our own sentences


def test_po_ee_slovam_is_the_person_named_last_when_an_outlet_relayed_her() -> None:
    ledger = analyse(
        "Как ранее писала «Газета», директор школы Анна Смирнова, в которой учился подозреваемый, "
        "рассказала о своём бывшем ученике. По её словам, он был вежлив и спокоен."
    )
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.content_text == "он был вежлив и спокоен"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Анна Смирнова"


def test_a_day_and_month_before_the_verb_is_no_source() -> None:
    ledger = analyse(
        "Восемь из 20 пострадавших жителей получили ожоги. Об этом 11 мая сообщил глава Минздрава "
        "Иван Петров."
    )
    claim = only(ledger)
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"


def test_adjectives_of_a_body_take_its_gender_in_the_nominative() -> None:
    claim = only(analyse("Согласно данным Национального транспортного комитета, погибли семь человек."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Национальный транспортный комитет"


def test_po_soobshcheniyam_media_is_according_to() -> None:
    claim = only(analyse("По сообщениям местных СМИ, пожар устроил 30-летний мужчина."))
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.source is not None and claim.source.text == "местных СМИ"
    assert claim.content_text == "пожар устроил 30-летний мужчина"


def test_telegram_channel_owner_is_who_wrote() -> None:
    claim = only(analyse("В Telegram-канале городской администрации сообщили, что пострадавших нет."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "городская администрация"


def test_these_figures_are_given_by_the_ministry() -> None:
    ledger = analyse(
        "В результате пожара в городе погибли 5 человек. Такие данные приводит пресс-служба МЧС."
    )
    claim = only(ledger)
    assert claim.content_text.startswith("В результате пожара в городе погибли 5 человек")
    assert claim.source is not None and claim.source.text == "пресс-служба МЧС"
    assert claim.stance is Stance.REPORTED


def test_v_sluchae_with_a_subjunctive_is_conditional() -> None:
    claim = only(
        analyse("Министерство заявило, что в случае прямого попадания ракеты последствия были бы тяжелее.")
    )
    assert claim.stance is Stance.CONDITIONAL


# round 10, wave 2: Russian sources from ru-heldout6, in our own sentences


def test_such_a_decision_was_taken_by_names_who_did_the_act_before() -> None:
    """ "Такое решение принял X": the sentence before is X's act, asserted."""
    ledger = analyse(
        "В пятницу в области объявили день траура. Такое решение принял губернатор области Иван Петров."
    )
    (claim,) = [c for c in ledger.claims if c.source is not None and "Петров" in c.source.text]
    assert claim.stance == Stance.ASSERTED
    assert claim.content[0].text == "В пятницу в области объявили день траура"


def test_by_decision_of_opens_a_sentence_the_decider_tells() -> None:
    """ "Решением X 5 июня объявлено …": X ends where the act begins (a date, a verb)."""
    claim = only(analyse("Решением губернатора области Ивана Петрова 5 июня объявлено днём траура."))
    assert claim.source is not None and "Петрова" in claim.source.text
    assert claim.content[0].text.startswith("5 июня объявлено")


def test_an_instruction_is_the_speakers_act() -> None:
    """ "X поручил …" tells what X ordered, as "призвал" does."""
    claim = only(analyse("Президент Иван Петров поручил срочно проверить все школы региона."))
    assert claim.source is not None and "Петров" in claim.source.text
    assert claim.stance == Stance.ASSERTED


# round 11: Russian sources, outlet events and stances from ru-heldout6 / ru-heldout7, in our own sentences


def test_a_description_points_back_to_the_person_named_last() -> None:
    """ "Задержанный стрелок заявил" after the person is named: the description is that person."""
    ledger = analyse(
        "Стрелков было двое, одного задержали, это 19-летний Иван Сидоров.\n"
        "Задержанный стрелок также заявил, что заложил бомбу у себя дома."
    )
    (claim,) = [c for c in ledger.claims if c.source is not None]
    assert claim.source.text == "Задержанный стрелок"
    assert claim.source.entity is not None and claim.source.entity.name == "Иван Сидоров"


def test_a_description_with_nobody_named_before_stays_itself() -> None:
    """ "Местный житель заявил" with no person named before: a speaker of its own."""
    claim = only(analyse("Местный житель заявил, что слышал два взрыва."))
    assert claim.source is not None and claim.source.entity is not None
    assert "Сидоров" not in claim.source.entity.name and "житель" in claim.source.entity.name


def test_as_said_keeps_the_noun_after_its_adjective_in_the_source() -> None:
    """ "Как сообщила местная жительница, …": the source is the whole phrase, not its adjective;
    a name in it is the source's name."""
    claim = only(analyse("Как сообщила местная жительница, люди сначала не поняли, что произошло."))
    assert claim.source is not None and claim.source.text == "местная жительница"
    named = only(analyse("Как заявил первый заместитель министра Иван Петров, под завалами нет людей."))
    assert named.source is not None and named.source.entity is not None
    assert named.source.entity.name == "Иван Петров"


def test_a_body_of_people_doing_something_is_an_outlet_event() -> None:
    """ "Спасатели услышали плач и нашли младенца": no name, but rescuers, police, troops act in
    it: the outlet's claim, asserted. Nobody acting ("Пострадали и жилые дома") stays none."""
    claim = only(analyse("Спасатели услышали плач и нашли младенца под завалами."))
    assert claim.kind is ClaimKind.OUTLET and claim.stance is Stance.ASSERTED
    assert analyse("Пострадали и жилые дома в соседнем квартале.").claims == []


def test_a_body_of_people_after_a_speaker_in_its_paragraph_is_left_unread() -> None:
    """After "В управлении МЧС сообщили, что …" in one paragraph, "Однако спасатели нашли
    ребёнка" may be the speaker's going on: no outlet claim is made of it."""
    ledger = analyse(
        "В управлении МЧС сообщили, что была организована масштабная операция. "
        "Однако спасатели углубились в завал и нашли ребенка."
    )
    assert not any(c.kind is ClaimKind.OUTLET for c in ledger.claims)


def test_deaths_told_by_a_verb_are_reported_without_a_figure() -> None:
    """ "заявил, что погибли сотрудники МЧС": a tally with no number, reported as figures are;
    the dead named by a noun alone ("соболезнования семьям погибших") stay a statement."""
    told = only(analyse("Мэр Иван Петров заявил, что погибли сотрудники МЧС."))
    assert told.stance is Stance.REPORTED
    said = only(analyse("Мэр Иван Петров выразил соболезнования семьям погибших."))
    assert said.stance is Stance.ASSERTED


def test_not_yet_determined_is_unverified() -> None:
    """ "пока не определено": still being found, as "пока не установлено"."""
    ledger = analyse("Были ли у стрелка сообщники, пока не определено полицией Казани.")
    assert [c.stance for c in ledger.claims] == [Stance.UNVERIFIED]


# round 11 (lang14): Russian sources from ru-heldout3 / ru-heldout5, in our own sentences


def test_the_agency_told_before_the_verb_relays_the_person_after_it() -> None:
    """ "Об этом ТАСС сообщила … Анна Петрова": the agency before the verb is whom she told, so
    she is the source and the agency the relay; a common noun told ("журналистам") is no hop."""
    ledger = analyse("Пожар потушен. Об этом ТАСС сообщила официальный представитель МИД Анна Петрова.")
    claim = only(ledger)
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Анна Петрова"
    assert [link.entity.name for link in claim.chain] == ["TASS", "Анна Петрова"]
    told = only(analyse("Пожар потушен. Об этом журналистам сообщил губернатор Иван Петров."))
    assert told.source is not None and told.source.entity is not None
    assert [link.entity.name for link in told.chain] == ["Иван Петров"]


def test_the_person_before_the_verb_still_speaks_to_the_agency_after_it() -> None:
    """ "Об этом Иван Петров сообщил РИА Новости": the person is before the verb, the agency after
    it is whom he told; nothing changes."""
    claim = only(analyse("Пожар потушен. Об этом Иван Петров сообщил РИА Новости."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"


def test_characterising_an_act_is_a_statement() -> None:
    """ "охарактеризовал атаку как преступление", even after a participle's clause: what the
    speaker calls it, as "назвал"."""
    claim = only(
        analyse(
            "Постоянный представитель России при ООН Иван Петров, выступив на заседании Совета, "
            "охарактеризовал атаку как преступление."
        )
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"
    assert claim.stance is Stance.ASSERTED


def test_an_office_named_with_a_capital_after_v_is_the_source() -> None:
    """ "В Минобороны РФ сообщили", "В Офисе генпрокурора сообщили": the office said it; a town
    in the same place ("В Москве заявили") names no source."""
    claim = only(analyse("В Офисе генпрокурора сообщили, что погибли двое."))
    assert claim.source is not None and claim.source.text == "Офисе генпрокурора"
    defence = only(analyse("В Минобороны РФ сообщили, что погибли двое."))
    assert defence.source is not None and defence.source.text == "Минобороны РФ"
    town = only(analyse("В Москве заявили, что погибли двое."))
    assert town.source is None


def test_an_agency_told_by_a_department_is_the_departments_relay() -> None:
    """ "Об этом «Новостям» сообщили в отделе коммуникации …": the department is the source."""
    claim = only(
        analyse(
            "Родственникам выдали тела трех погибших. "
            "Об этом «Новостям» сообщили в отделе коммуникации областного управления полиции."
        )
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "отдел коммуникации областного управления полиции"


def test_acting_abbreviated_opens_a_title_and_the_name_after_it_is_found() -> None:
    """ "сообщил и.о. главы МЧС Иван Петров": the dots of "и.о." end no phrase; he is the source."""
    claim = only(
        analyse("Пропавший рабочий оказался спасателем. Об этом сообщил и.о. главы МЧС Иван Петров.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"


def test_a_summary_is_a_statement() -> None:
    """ "…, говорится в сводке полиции" / "В сводке МЧС говорится, что …": the summary's maker."""
    claim = only(analyse("Погибли двое, говорится в сводке полиции."))
    assert claim.source is not None and claim.source.text == "полиции"
    opened = only(analyse("В сводке полиции говорится, что погибли двое."))
    assert opened.source is not None and opened.source.text == "полиции"


def test_a_named_outlets_correspondent_speaks_for_the_outlet() -> None:
    """ "Как рассказал корреспондент РИА Новости", "передает корреспондент Интерфакса": the
    agency is the source; a correspondent of no named outlet stays themselves."""
    claim = only(analyse("Как рассказал корреспондент РИА Новости, взрывы раздались около полудня."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "RIA Novosti"
    told = only(analyse("Под завалами найден живой ребенок, передает корреспондент Интерфакса."))
    assert told.source is not None and told.source.entity is not None
    assert told.source.entity.name == "Interfax"
    bare = only(analyse("Как рассказал корреспондент, взрывы раздались около полудня."))
    assert bare.source is not None and bare.source.text == "корреспондент"


def test_as_said_in_an_address_the_speaker_comes_after_where() -> None:
    """ "Как отметил в своем вечернем обращении президент Иван Петров, …": he is the source."""
    claim = only(
        analyse("Как отметил в своем вечернем обращении президент Иван Петров, операция продолжается.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Иван Петров"


# round 12 (lang15): Russian sources read in ru-heldout8, in our own sentences


def test_a_quoted_agency_after_the_closing_verb_is_who_says_it() -> None:
    """ "…, передает «Интерфакс».": the name in quotation marks right after the verb, ending the
    sentence, is the source; a quotation that goes on is no name."""
    claim = only(
        analyse("Из здания эвакуированы посетители, на месте работают спасатели, передает «Интерфакс».")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Interfax"
    assert claim.content_text == "Из здания эвакуированы посетители, на месте работают спасатели"


def test_a_name_alone_as_the_first_line_credits_the_figures_under_it() -> None:
    """A reposted address under its speaker's name alone (a crosshead, "Сергей Петров" ¶ …): the
    figures nobody is named for are his, as under "Источник: Сергей Петров"."""
    body = (
        "Сергей Петров\n"
        "Сегодня в нашем городе произошла страшная трагедия, которую мы все будем помнить еще очень "
        "долго. На месте падения возник большой пожар.\n"
        "На этот час погибли 15 человек. Точное число жертв трагедии сейчас устанавливают "
        "следователи и спасатели.\n"
        "Пострадали 25 человек, среди них 10 детей, все они находятся в больницах города под "
        "наблюдением врачей.\n"
    )
    ledger = reportedly.analyze(body, title="Трагедия в городе", published=PUBLISHED)
    counted = [c for c in ledger.claims if c.quantities]
    assert len(counted) == 2
    for claim in counted:
        assert claim.source is not None and claim.source.entity is not None
        assert claim.source.entity.name == "Сергей Петров"


def test_a_passive_of_confirming_with_nobody_named_is_confirmed() -> None:
    """ "Подтверждена гибель 12 человек": a short passive participle of a verb of confirming, no
    one named, is a confirmed tally (before: reported, as any figure); "не подтверждена" stays
    unverified."""
    claim = only(analyse("Подтверждена гибель 12 человек, в том числе двоих детей."))
    assert claim.stance is Stance.CONFIRMED
    claim = only(analyse("Гибель 12 человек пока не подтверждена."))
    assert claim.stance is Stance.UNVERIFIED
