"""Ukrainian constructions, in our own sentences: заявив, повідомили, за словами, з посиланням на."""

from __future__ import annotations

from functools import partial

import pytest

import reportedly
from language_checks import analysed, only
from reportedly.model import ClaimKind, Stance

PUBLISHED = "2023-01-16"  # a Monday


analyse = partial(analysed, language="uk", published=PUBLISHED)


def test_title_and_name_verb_that_content() -> None:
    claim = only(analyse("Міський голова Остап Коваленко заявив, що школи відкриються в понеділок."))
    assert claim.source is not None and claim.source.text == "Міський голова Остап Коваленко"
    assert claim.source.entity is not None and claim.source.entity.name == "Остап Коваленко"
    assert claim.content_text == "школи відкриються в понеділок"


def test_za_slovamy_with_an_inflected_name_in_the_nominative() -> None:
    claim = only(analyse("За словами мера Полтави Олени Мельник, світло повернули в усі будинки."))
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олена Мельник"


def test_quotation_dash_verb_source_and_the_surname_alone() -> None:
    ledger = analyse(
        "Остап Коваленко заявив, що роботи тривають.\n\n«Усіх мешканців евакуйовано», — сказав Коваленко."
    )
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.DIRECT and claim.inverted
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Остап Коваленко"


def test_z_posylanniam_na_is_a_chain_and_aliases_resolve() -> None:
    claim = only(analyse("Укрінформ з посиланням на ДСНС повідомив, що врятовано 39 людей."))
    assert [link.entity.name for link in claim.chain] == ["Ukrinform", "State Emergency Service of Ukraine"]
    assert claim.stance is Stance.REPORTED
    assert [q.value for q in claim.quantities] == [39]


def test_za_danymy_figures_are_reported() -> None:
    claim = only(analyse("За даними Нацполіції, постраждали понад 70 людей."))
    assert claim.stance is Stance.REPORTED
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "National Police of Ukraine"
    (q,) = claim.quantities
    assert (q.value, q.low, q.high) == (70, 70, None)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Міністерство підтвердило, що двоє військових загинули.", Stance.CONFIRMED),
        ("Повітряні сили спростували інформацію про збиття літака.", Stance.DENIED),
        ("Синоптики заявили, що морози можуть триматися тиждень.", Stance.EXPECTED),
        ("Голова громади заявив, що ситуація під контролем.", Stance.ASSERTED),
    ],
)
def test_stances(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("Рятувальники повідомили, що евакуйовано близько 1700 мешканців.", (1700, None, None, True)),
        ("Рятувальники повідомили, що кількість загиблих зросла до 36.", (36, 36, 36, False)),
        ("Рятувальники повідомили, що там могли бути до 200 осіб.", (200, None, 200, False)),
        ("Рятувальники повідомили, що під завалами залишаються трьох людей.", (3, 3, 3, False)),
    ],
)
def test_numbers(sentence: str, bounds: tuple) -> None:
    (q,) = only(analyse(sentence)).quantities
    assert (q.value, q.low, q.high, q.approximate) == bounds


def test_clock_times_and_ages_are_not_quantities_and_weekdays_resolve() -> None:
    claim = only(analyse("У суботу поліція повідомила, що о 16:20 врятовано 9-річну дівчинку і 15 людей."))
    assert [q.value for q in claim.quantities] == [15]
    assert [(t.text, t.resolved) for t in claim.times] == [("У суботу", "2023-01-14")]


def test_pro_tse_attributes_the_sentence_before() -> None:
    ledger = reportedly.analyze(
        "Під завалами залишаються 20 людей. Про це повідомив голова громади Остап Коваленко.",
        published=PUBLISHED,
    )
    (claim,) = ledger.claims
    assert claim.content_text == "Під завалами залишаються 20 людей"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Остап Коваленко"


def test_hours_are_counted_and_years_are_not() -> None:
    claim = only(analyse("Рятувальники повідомили, що у 2023 році пошукова операція тривала 69 годин."))
    assert [q.value for q in claim.quantities] == [69]


def src_name(claim) -> str | None:  # noqa: ANN001 - a claim
    return claim.source.entity.name if claim.source and claim.source.entity else None


def test_yak_peredaie_then_pro_tse_the_sentence_before_through_two_relays() -> None:
    ledger = analyse(
        "Кількість постраждалих зросла до 21.\n\n"
        "Як передає Укрінформ, про це повідомила обласна поліція з посиланням на начальника поліції "
        "Тараса Іванченка."
    )
    (claim,) = ledger.claims
    assert claim.content_text == "Кількість постраждалих зросла до 21"
    assert src_name(claim) == "Тарас Іванченко"
    assert claim.chain[0].entity.name == "Ukrinform"


def test_idetsia_u_povidomlenni_goes_on_with_the_source_named_before() -> None:
    ledger = analyse(
        "Голова громади Остап Коваленко заявив, що укриття відкриті.\n\n"
        "«Світло повернули у 30 будинків», – ідеться у повідомленні."
    )
    claim = ledger.claims[-1]
    assert claim.content_text == "Світло повернули у 30 будинків"
    assert src_name(claim) == "Остап Коваленко"


def test_posadovets_is_the_official_named_just_before() -> None:
    ledger = analyse(
        "Голова району Остап Коваленко заявив, що дороги розчищено.\n\n"
        "«Евакуйовано 40 людей», - розповів посадовець."
    )
    assert src_name(ledger.claims[-1]) == "Остап Коваленко"


def test_riatuvalnyky_are_the_emergency_service() -> None:
    claim = only(analyse("Рятувальники повідомили, що з-під завалів дістали 7 людей."))
    assert src_name(claim) == "State Emergency Service of Ukraine"


def test_ranishe_povidomlialosia_is_nobodys() -> None:
    ledger = analyse(
        "Мер Остап Коваленко заявив, що укриття працюють.\n\n"
        "Раніше повідомлялося, що в місті пошкоджено 12 будинків. Без світла залишаються 300 родин."
    )
    rest = ledger.claims[1:]
    assert [q.value for c in rest for q in c.quantities] == [12, 300]
    assert all(c.source is None for c in rest)


def test_yak_kazhut_inside_a_quotation_is_not_its_source() -> None:
    claim = only(analyse("«Ця ракета б'є, як кажуть, по площах», — пояснив Остап Коваленко."))
    assert src_name(claim) == "Остап Коваленко"


def test_the_outlets_own_relay_in_its_own_spelling_is_no_hop() -> None:
    ledger = reportedly.analyze(
        "Мер Остап Коваленко заявив, що мости відкриють у понеділок, передають Вісті Полтави.",
        published=PUBLISHED,
        outlet="Visti Poltavy (visti.pl.ua)",
    )
    (claim,) = ledger.claims
    assert [link.entity.name for link in claim.chain] == ["Остап Коваленко"]


def test_za_slovamy_in_the_middle_keeps_both_sides_and_their_forecast() -> None:
    claim = only(analyse("Ремонт мосту, за словами мера Остапа Коваленка, триватиме до травня."))
    assert [span.text for span in claim.content] == ["Ремонт мосту", "триватиме до травня"]
    assert claim.stance is Stance.EXPECTED
    assert src_name(claim) == "Остап Коваленко"


def test_za_slovamy_tells_a_position_or_figures() -> None:
    position = only(analyse("За словами мера Остапа Коваленка, місто готове до повені."))
    figures = only(analyse("За словами мера Остапа Коваленка, у місті підтоплено 40 будинків."))
    assert position.stance is Stance.ASSERTED
    assert figures.stance is Stance.REPORTED


# ----------------------------------------------------------- development set 2 (issue 19)


@pytest.mark.parametrize(
    ("sentence", "values", "approximate"),
    [
        ("Рятувальники повідомили, що ракети влучили трьома хвилями.", [3], False),
        ("Рятувальники повідомили, що дев'ятеро людей у лікарні.", [9], False),
        ("Рятувальники повідомили, що п‘ятеро людей у лікарні.", [5], False),  # another apostrophe
        ("Рятувальники повідомили, що на місці працюють близько двох сотень людей.", [200], True),
        ("Рятувальники повідомили, що пошкоджено одинадцять будинків.", [11], False),
    ],
)
def test_number_words_in_every_case_and_hundreds(sentence: str, values: list, approximate: bool) -> None:
    qs = only(analyse(sentence)).quantities
    assert [q.value if q.value is not None else q.high for q in qs] == values
    assert [q.approximate for q in qs] == [approximate]


def test_za_poperednimy_danymy_names_nobody_and_the_outlet_keeps_it_in_a_new_paragraph() -> None:
    ledger = analyse(
        "Голова громади Остап Коваленко повідомив, що пожежу загасили.\n\n"
        "За попередніми даними, постраждали 8 людей."
    )
    claim = ledger.claims[-1]
    assert claim.source is None
    assert claim.content_text == "постраждали 8 людей"
    assert claim.stance is Stance.REPORTED


def test_past_modal_is_an_estimate() -> None:
    claim = only(analyse("Рятувальники повідомили, що в будинку могло перебувати 40 людей."))
    assert claim.stance is Stance.ESTIMATED


def test_synthetic_future_is_expected() -> None:
    claim = only(analyse("Голова громади заявив, що рятувальники працюватимуть до ранку."))
    assert claim.stance is Stance.EXPECTED


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Голова громади заявив, що постраждалим надаватимуть допомогу.", Stance.ASSERTED),
        ("Міністр сказав, що винні будуть покарані.", Stance.ASSERTED),
        ("Синоптики заявили, що рівень води буде зростати.", Stance.EXPECTED),
        ("Мер сказав, що кількість евакуйованих зросте.", Stance.EXPECTED),
    ],
)
def test_a_plain_future_is_asserted_a_forecast_expected(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


def test_an_office_in_the_locative_before_a_plural_verb_is_the_source() -> None:
    claim = only(analyse("У Державній прикордонній службі зазначили, що пункт пропуску відкрито."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name.startswith("Державна прикордонна служба")


def test_the_ministry_alone_is_the_institution_that_spoke_last() -> None:
    ledger = analyse(
        "Про пожежу повідомили в Міністерстві охорони здоров'я.\n\n"
        "Як зазначили у міністерстві, лікарні працюють у звичному режимі."
    )
    first, second = ledger.claims[0], ledger.claims[-1]
    assert first.source is not None and second.source is not None
    assert second.source.entity is first.source.entity


def test_z_yoho_sliv_is_the_person_before() -> None:
    ledger = analyse("Мер Остап Коваленко повідомив про вибух.\n\nЗ його слів, світло вже є.")
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Остап Коваленко"
    assert claim.content_text == "світло вже є"


def test_commented_and_remarked_are_reporting_verbs() -> None:
    claim = only(analyse("«Це воєнний злочин», – прокоментував удар міністр Остап Коваленко."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Остап Коваленко"
    claim = only(analyse("Світло дадуть увечері, зауважив мер Остап Коваленко."))
    assert claim.source is not None


def test_pizniše_stalo_vidomo_and_nahadaiemo_are_the_outlets() -> None:
    ledger = analyse(
        "Мер Остап Коваленко повідомив, що загинули 5 людей.\n\n"
        "Пізніше стало відомо, що кількість жертв зросла до семи.\n\n"
        "Нагадаємо, вночі ворог випустив 20 ракет.\n\n"
        "Нагадаємо, голова ОВА Ігор Табурець повідомив , що рятувальники працюють на місці."
    )
    later, recap, named = ledger.claims[1:]
    assert later.source is None and later.content_text == "кількість жертв зросла до семи"
    assert recap.source is None
    assert named.source is not None and named.source.entity is not None
    assert named.source.entity.name == "Ігор Табурець"


def test_a_quotation_in_curly_marks_runs_over_its_sentences() -> None:
    claim = only(analyse("“На жаль, загиблих уже п'ятеро. Пошук триває”, – повідомив мер Остап Коваленко."))
    assert claim.content_text == "На жаль, загиблих уже п'ятеро. Пошук триває"
    assert [q.value for q in claim.quantities] == [5]


def test_the_head_of_state_is_the_president_named_before() -> None:
    ledger = analyse(
        "Доля родини невідома, заявив президент Володимир Зеленський.\n\n"
        "«Розбір завалів триває», - написав глава держави.\n\n"
        "Рятувальники працюватимуть до ранку, зауважив президент."
    )
    names = {c.source.entity.name for c in ledger.claims if c.source and c.source.entity}
    assert names == {"Володимир Зеленський"}  # a first name the dictionary lacks, with a surname


def test_an_object_after_the_verb_is_not_the_source_the_person_after_it_is() -> None:
    claim = only(analyse("«Це терор», – прокоментував удар по місту керівник Офісу президента Андрій Єрмак."))
    assert claim.source is not None and claim.source.text == "керівник Офісу президента Андрій Єрмак"


def test_rozpovily_v_dsns_after_a_quotation() -> None:
    claim = only(analyse("«Під завалами можуть бути люди», – розповіли в ДСНС."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "State Emergency Service of Ukraine"
    assert claim.stance is Stance.EXPECTED


def test_a_modal_in_a_relative_clause_is_not_the_statements() -> None:
    # round 14: a count keeps the verb of telling reported (see the Russian test)
    claim = only(analyse("У МВС повідомили, що розгорнуто 12 наметів, де люди можуть перечекати ніч."))
    assert claim.stance is Stance.REPORTED


def test_povidomliaietsia_goes_on_with_the_speaker_before() -> None:
    ledger = analyse(
        "Речниця поліції Зоя Вовк повідомила, що стався вибух. Повідомляється, що снаряд влучив у склад."
    )
    claim = ledger.claims[-1]
    assert claim.content_text == "снаряд влучив у склад"
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Зоя Вовк"


def test_a_count_being_established_is_unverified() -> None:
    ledger = analyse(
        "Речниця поліції Зоя Вовк повідомила, що стався вибух. Кількість постраждалих уточнюється."
    )
    assert ledger.claims[-1].stance is Stance.UNVERIFIED


def test_one_and_a_half_thousand_as_a_low_bound() -> None:
    (q,) = only(analyse("Евакуйовано понад півтори тисячі людей, повідомили в ДСНС.")).quantities
    assert (q.value, q.low, q.high) == (1500, 1500, None)


def test_an_impersonal_passive_is_no_cue_the_relay_after_it_is() -> None:
    claim = only(analyse("У місті оголошено жалобу, повідомляє Укрінформ з посиланням на міську раду."))
    assert claim.content_text == "У місті оголошено жалобу"
    assert [link.entity.name for link in claim.chain][0] == "Ukrinform"


def test_an_outlet_named_by_an_adjective_after_the_verb() -> None:
    claim = only(analyse("Загинули щонайменше сім людей, повідомляє Суспільне."))
    assert claim.source is not None and claim.source.text == "Суспільне"


def test_pro_tse_idetsia_u_povidomlenni_names_whose_statement() -> None:
    ledger = analyse("Ворог втратив 900 військових. Про це йдеться у повідомленні Генерального штабу.")
    claim = only(ledger)
    assert claim.content_text == "Ворог втратив 900 військових"
    assert claim.source is not None and claim.source.text == "Генерального штабу"
    assert [q.value for q in claim.quantities] == [900]


def test_vidmovyvsia_komentuvaty_is_no_comment() -> None:
    claim = only(analyse("Речник відомства Остап Коваленко відмовився коментувати цю інформацію."))
    assert claim.stance is Stance.NO_COMMENT
    assert claim.content_text == "цю інформацію"


def test_u_zaiavi_x_idetsia_shcho() -> None:
    claim = only(analyse("У заяві обласної прокуратури ідеться, що відкрито провадження."))
    assert claim.source is not None and claim.source.text == "обласної прокуратури"
    assert claim.content_text == "відкрито провадження"


def test_a_title_with_no_name_is_the_person_named_with_that_title_before() -> None:
    ledger = analyse(
        "Речник поліції Олег Бондар прибув на місце удару.\n\n"
        "«Під завалами нікого немає», – сказав речник відомства."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Бондар"


def test_a_title_named_only_later_in_a_live_blog_is_that_person() -> None:
    ledger = analyse(
        "За даними керівника ОВА, п'ятеро людей отримали поранення.\n"
        "Керівник Черкаської ОВА Олег Бондар заявив, що на місці працюють усі служби."
    )
    first = ledger.claims[0]
    assert first.source is not None and first.source.entity is not None
    assert first.source.entity.name == "Олег Бондар"


def test_a_name_in_the_genitive_is_put_in_the_nominative_and_a_nominative_kept() -> None:
    from reportedly.languages.cyrillic_lexicon import person_nominative

    assert person_nominative("uk", ["Павла", "Кириленка"]) == "Павло Кириленко"
    assert person_nominative("uk", ["Павло", "Кириленко"]) == "Павло Кириленко"  # no vocative of Павла


def test_a_title_and_a_surname_name_the_person_by_the_surname() -> None:
    claim = only(analyse("Керівник Донецької ОВА Кириленко підтвердив, що ракета влучила в кафе."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Кириленко"  # not the title


def test_a_title_and_a_surname_find_the_whole_name_given_before() -> None:
    ledger = analyse(
        "Павло Кириленко прибув на місце удару.\n\n"
        "Керівник Донецької ОВА Кириленко підтвердив, що ракета влучила в кафе."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Павло Кириленко"


def test_an_office_in_the_locative_with_an_adverb_before_the_verb() -> None:
    claim = only(analyse("У Краматорській міській раді також повідомили, що рятувальники працюють."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Краматорська міська рада"


def test_a_verb_inside_the_quotation_is_not_the_cue() -> None:
    ledger = analyse(
        "«Рятувальники працюють на місці. Про хід робіт будемо інформувати додатково», "
        "– зазначає міська рада."
    )
    claim = ledger.claims[-1]
    assert claim.cue.text == "зазначає"
    assert claim.source is not None and claim.source.text == "міська рада"


def test_whose_statement_ends_with_its_sentence() -> None:
    ledger = analyse(
        "«Дякуємо рятувальникам», - йдеться у повідомленні міської ради. - Пам'ятаймо про повітряну тривогу."
    )
    claim = ledger.claims[0]
    assert claim.source is not None and claim.source.text == "міської ради"


def test_zaznachymo_is_the_outlet_reminding() -> None:
    ledger = analyse(
        "Мер Олег Бондар заявив, що загинули троє людей.\n\n"
        "Зазначимо, що о 18:00 у місті була оголошена тривога, постраждали 5 людей."
    )
    last = ledger.claims[-1]
    assert last.source is None


def test_the_national_police_with_its_country_is_one_entity() -> None:
    claim = only(analyse("Нацполіція України повідомляє, що на місці працюють слідчі."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "National Police of Ukraine"


def test_a_credit_line_names_whose_post_the_quotation_is() -> None:
    ledger = analyse(
        "Джерело: керівник Офісу президента Андрій Єрмак\n\n"
        "“Росіяни завдали двох ударів по місту. Перше влучання було у кафе”, – йдеться у дописі."
    )
    claim = ledger.claims[0]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Андрій Єрмак"


def test_a_dash_before_the_verb_gives_the_whole_paragraph_to_the_speaker() -> None:
    ledger = analyse(
        "У місті відомо про 3 загиблих. Також 25 людей отримали поранення, - повідомляє у Телеграм "
        "речник поліції Олег Бондар."
    )
    claim = only(ledger)
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Бондар"
    assert claim.content_text.startswith("У місті відомо про 3 загиблих")
    assert sorted(q.value for q in claim.quantities) == [3, 25]


def test_a_comma_before_the_verb_keeps_the_sentence_before_the_outlets() -> None:
    ledger = analyse(
        "У місті відомо про 3 загиблих. Також 25 людей отримали поранення, повідомив мер Олег Бондар."
    )
    assert [c.source is None for c in ledger.claims] == [True, False]


def test_a_quotation_opening_the_next_paragraph_is_the_speakers_with_what_it_tells() -> None:
    ledger = analyse(
        "Міністр Ігор Бондар повідомив, що загинули двоє людей.\n\n"
        '"Пошкоджено будівлі. За наявною інформацією, там можуть бути люди.'
    )
    last = ledger.claims[-1]
    assert last.source is not None and last.source.entity is not None
    assert last.source.entity.name == "Ігор Бондар"


def test_povidomlyalosya_inside_a_sentence_is_the_outlets_recap() -> None:
    ledger = analyse(
        "ДСНС повідомила, що рятувальники дістали 7 тіл.\n\n"
        "Станом на ранок повідомлялося про 8 загиблих, серед них троє дітей."
    )
    assert ledger.claims[-1].source is None


def test_yak_zaznachyly_with_figures_is_reported() -> None:
    claim = only(analyse("Як зазначили у міністерстві, з-під завалів дістали тіла ще двох осіб."))
    assert claim.stance is Stance.REPORTED


def test_yak_stverdzhuie_is_asserted() -> None:
    claim = only(analyse("Як стверджує генпрокурор України, війська обстріляли місто."))
    assert claim.stance is Stance.ASSERTED


def test_u_t_ch_is_no_label() -> None:
    ledger = analyse("ДСНС повідомила, що загинули 8 осіб (у т.ч. 3 дитини).")
    counts = [q.value for c in ledger.claims for q in c.quantities if not q.attribute]
    assert sorted(counts) == [3, 8]  # "т.ч." is no "ч." (part) of a law


def test_a_womans_name_unknown_surname_stays_a_womans() -> None:
    from reportedly.languages.cyrillic_lexicon import person_nominative

    assert person_nominative("uk", ["Юлія", "Норовкова"]) == "Юлія Норовкова"
    assert person_nominative("uk", ["Юлії", "Норовкової"]) == "Юлія Норовкова"


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("ДСНС повідомила, що постраждали 56 осіб, у тому числі одна дитина.", [1, 56]),
        ("ДСНС повідомила, що одна з ракет влучила в кафе.", []),  # one of: no count
        ("ДСНС повідомила, що не загинула жодна людина.", []),
    ],
)
def test_odna_before_a_noun_counts(sentence: str, counts: list[int]) -> None:
    claim = only(analyse(sentence))
    assert sorted(q.value for q in claim.quantities if not q.attribute) == counts


def name_of(claim) -> str | None:  # noqa: ANN001 - a claim
    return claim.source.entity.name if claim.source and claim.source.entity else None


def test_a_credit_line_owns_the_figures_nobody_is_named_for_until_a_reminder() -> None:
    ledger = analyse(
        "Джерело: голова обласної ради Петро Гайдай у Telegram\n\n"
        "Відомо про трьох загиблих у селищі.\n\n"
        "Ще 12 людей шпиталізували, інших відпустили додому.\n\n"
        "Нагадаємо, минулого тижня ворог випустив по області 20 дронів.\n\n"
        "На околиці пошкоджено 5 складів."
    )
    by = {c.content_text[:12]: name_of(c) for c in ledger.claims}
    assert by["Відомо про т"] == "Петро Гайдай"
    assert by["Ще 12 людей "] == "Петро Гайдай"
    # the outlet's reminder is its own, and so is what it tells after it
    assert by["Нагадаємо, м"] is None
    assert by["На околиці п"] is None


def test_without_a_credit_line_figures_nobody_is_named_for_are_the_outlets() -> None:
    ledger = analyse("Відомо про трьох загиблих у селищі.")
    assert name_of(only(ledger)) is None


def test_a_verb_with_no_subject_under_a_credit_line_is_the_credited_sources() -> None:
    ledger = analyse(
        "Джерело: Петро Гайдай/Telegram\n\nУвечері повідомляють про зростання кількості поранених до 9."
    )
    assert name_of(only(ledger)) == "Петро Гайдай"


def test_a_background_note_is_the_outlets_not_the_credit_lines() -> None:
    ledger = analyse("Джерело: Петро Гайдай\n\nДОВІДКА: вранці ворог випустив по місту 4 ракети.")
    assert name_of(only(ledger)) is None


def test_where_and_when_between_the_verb_and_the_speaker() -> None:
    claim = only(
        analyse(
            "Про обстріл школи заявив на брифінгу 14 січня міністр освіти Петро Гайдай, повідомляє агенція."
        )
    )
    assert name_of(claim) == "Петро Гайдай"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # a probability word: a judgement of what happened, a forecast of what will
        ("Експертка Ганна Коваль заявила, що літак, схоже, був збитий ракетою.", Stance.ESTIMATED),
        ("Експертка Ганна Коваль заявила, що літак, ймовірно, збили ракетою.", Stance.ESTIMATED),
        ("Експертка Ганна Коваль заявила, що літак, імовірно, збили ракетою.", Stance.ESTIMATED),
        ("Експертка Ганна Коваль заявила, що ремонт, ймовірно, триватиме місяць.", Stance.EXPECTED),
        # cannot say yet
        (
            "Голова громади Петро Гайдай заявив, що точна кількість поранених поки невідома.",
            Stance.UNVERIFIED,
        ),
        ("Петро Гайдай сказав, що оцінити збитки можна буде пізніше.", Stance.UNVERIFIED),
        ("Комісія заявила, що не змогла остаточно зробити висновок про причину.", Stance.UNVERIFIED),
        # rejects it, whatever the verb
        ("Пресслужба відомства заявила, що ці звинувачення не відповідають дійсності.", Stance.DENIED),
    ],
)
def test_stances_from_the_content(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


def test_unknown_people_are_no_unverified_statement() -> None:
    claim = only(analyse("Голова громади Петро Гайдай повідомив, що невідомі підпалили склад."))
    assert claim.stance is not Stance.UNVERIFIED


def test_but_he_did_not_name_is_a_claim_of_its_own() -> None:
    ledger = analyse(
        "Голова громади Петро Гайдай повідомив, що є загиблі, але кількості він не назвав, бо вона "
        "змінюється."
    )
    told, withheld = ledger.claims
    assert told.content_text == "є загиблі"
    assert withheld.stance is Stance.NO_COMMENT
    assert withheld.content_text.startswith("кількості він не назвав")
    assert name_of(withheld) == name_of(told) == "Петро Гайдай"


def test_citing_its_own_analysis_is_no_relay() -> None:
    claim = only(
        analyse(
            "Комісія, ймовірно, помилилася, заявила експертка Ганна Коваль, посилаючись на власний аналіз."
        )
    )
    assert name_of(claim) == "Ганна Коваль"
    assert [link.entity.name for link in claim.chain] == ["Ганна Коваль"]


def test_za_danymy_without_a_comma_ends_where_the_statement_starts() -> None:
    claim = only(analyse("За даними МВС загинули 5 людей."))
    assert claim.source is not None and claim.source.text == "МВС"
    assert claim.content_text == "загинули 5 людей"


def test_about_this_in_a_paragraph_of_its_own_tells_the_paragraphs_before() -> None:
    ledger = analyse(
        "Внаслідок удару пошкоджено 3 школи.\n\n"
        "Триває евакуація мешканців.\n\n"
        "Про це в ефірі телемарафону повідомив міністр освіти Петро Гайдай."
    )
    claim = only(ledger)
    assert name_of(claim) == "Петро Гайдай"
    assert claim.content_text.startswith("Внаслідок удару пошкоджено 3 школи")
    assert [q.value for q in claim.quantities] == [3]


def test_he_before_any_source_is_the_person_named_last() -> None:
    ledger = analyse(
        "Міністр освіти Петро Гайдай на своїй сторінці показав зруйновану школу.\n\n"
        "“Школа зруйнована вщент”, – написав він."
    )
    claim = next(c for c in ledger.claims if c.cue.text == "написав")
    assert name_of(claim) == "Петро Гайдай"


def test_a_portal_and_its_name_in_quotation_marks() -> None:
    claim = only(analyse("Міст закрили на ремонт, повідомляє портал “Новини Поділля”."))
    assert claim.source is not None and claim.source.text == "Новини Поділля"


def test_an_abbreviation_ends_no_sentence() -> None:
    """ "в т.ч." (including) is no sentence end: the figures before and after it are one claim of
    the speaker named at its end."""
    text = "Внаслідок обстрілу загинули 9 людей, в т.ч. двоє дітей, повідомив голова громади Петро Мельник."
    ledger = reportedly.analyze(text, published="2031-03-03")
    (claim,) = ledger.claims
    assert claim.source is not None and "Мельник" in claim.source.text
    assert [q.text for q in claim.quantities] == ["9", "двоє"]


def test_a_title_alone_after_the_verbs_object_is_the_person_named_before() -> None:
    ledger = analyse(
        "Голова громади Петро Ткачук приїхав на місце удару.\n\n"
        "«Треба відбудувати школу», — прокоментував наслідки нічної атаки голова."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.text == "голова"
    assert claim.source.entity is not None and claim.source.entity.name == "Петро Ткачук"


def test_za_danymy_with_no_comma_ends_at_a_noun_that_cannot_be_genitive() -> None:
    claim = only(analyse("За даними ОВА обстріл стався близько 10:00, у будинку були люди."))
    assert claim.source is not None and claim.source.text == "ОВА"
    assert claim.content_text.startswith("обстріл стався")


def test_when_between_the_verb_and_the_speaker_an_adverb_too() -> None:
    ledger = analyse(
        "Рятувальники завершили роботи на місці удару. Про це повідомив увечері голова громади Петро Ткачук."
    )
    claim = ledger.claims[0]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Петро Ткачук"
    assert claim.content_text == "Рятувальники завершили роботи на місці удару"


def test_one_more_person_in_the_nominative_counts() -> None:
    claim = only(analyse("За даними поліції, загинула 31 людина, ще одна людина померла у лікарні."))
    assert [q.value for q in claim.quantities] == [31, 1]
    none = only(analyse("За даними поліції, жодна людина не постраждала."))
    assert none.quantities == []


def test_the_president_alone_is_the_person_who_spoke_last_when_none_was_named_president() -> None:
    ledger = analyse(
        "Про це повідомив Петро Ткачук.\n\n«Терор треба зупинити», — прокоментував дії окупантів президент."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Петро Ткачук"


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_lexicon_file_is_read_into_the_field_types(code: str) -> None:
    from reportedly.languages import cyrillic_lexicon

    lex = cyrillic_lexicon.load_lexicon(code)
    assert lex.code == code
    assert lex.verbs and all(isinstance(s, Stance) for s in lex.verbs.values())
    assert lex.according and all(isinstance(s, Stance) for s in lex.according.values())
    assert isinstance(lex.person_titles, frozenset) and len(lex.person_titles) > 10
    assert all(isinstance(words, tuple) for words in lex.citing) and isinstance(lex.citing, tuple)
    assert isinstance(lex.more, tuple) and lex.number_words and lex.says_in
    said = {"ru": "сказать", "uk": "сказати"}[code]
    assert lex.verbs[said] is Stance.ASSERTED


def test_lexicon_file_with_a_misspelt_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportedly.languages import cyrillic_lexicon

    monkeypatch.setattr(cyrillic_lexicon.tomllib, "loads", lambda text: {"code": "uk", "verb": {}})
    with pytest.raises(ValueError, match="verb"):
        cyrillic_lexicon.load_lexicon("uk")


# ------------------------------------------------------------------ round 8 (issue 19)


def test_an_event_the_outlet_tells_with_no_cue_is_its_own_claim() -> None:
    claim = only(analyse("Нагадаємо, 25 травня російські війська завдали удару по Полтаві."))
    assert claim.kind is ClaimKind.OUTLET and claim.source is None
    assert claim.cue.text == "завдали" and claim.stance is Stance.ASSERTED
    mourning = only(analyse("Сьогодні у Полтаві оголошено День жалоби за загиблими."))
    assert mourning.kind is ClaimKind.OUTLET and mourning.cue.text == "оголошено"
    # the present is read since round 12 (cyrillic_present.py): a situation update, reported
    (present,) = analyse("Тривають аварійно-рятувальні та пошукові роботи на місці.").claims
    assert present.kind is ClaimKind.OUTLET and present.stance is Stance.REPORTED


def test_a_clock_time_and_a_name_written_together_keep_the_speaker() -> None:
    """ "Міський голова ПетроІваненко о 16:01 повідомив": the colon of the time opens no clause, and
    a name a page lost the space in is a name, not a bare title (the president named before)."""
    ledger = analyse(
        "Президент України Володимир Зеленський повідомив, що служби працюють.\n\n"
        "Міський голова ПетроІваненко о 16:01 повідомив про приліт у спальному районі міста. "
        "Внаслідок атаки спалахнула пожежа на площі 5 000 квадратних метрів."
    )
    _president, mayor, fire = ledger.claims
    assert name_of(mayor) == "Петро Іваненко" and name_of(fire) == "Петро Іваненко"


def test_a_relative_clause_closed_by_a_comma_leaves_the_main_clauses_modal() -> None:
    claim = only(
        analyse(
            "Голова ОВА Петро Іваненко повідомив, що в магазині у Полтаві, який нещодавно атакували "
            "росіяни, могли перебувати понад 100 людей."
        )
    )
    assert claim.stance is Stance.ESTIMATED
    tents = only(analyse("Мер Іван Петренко сказав, що відкрито намети, де люди можуть спати, та склади."))
    assert tents.stance is Stance.ASSERTED  # the modal is the relative clause's


def test_judging_by_everything_and_not_final_information() -> None:
    ledger = analyse(
        "«Судячи зі всього, удар наносився саме по ринку», – написав мер Іван Петренко. "
        "Проте він уточнив, що це ще не остаточна інформація."
    )
    judged, caveat = ledger.claims
    assert judged.stance is Stance.ESTIMATED
    assert caveat.stance is Stance.UNVERIFIED


def test_expressing_condolences_is_the_speakers_statement() -> None:
    claim = only(analyse("Президент Володимир Зеленський висловив співчуття родинам загиблих."))
    assert name_of(claim) == "Володимир Зеленський"


def test_a_tally_told_without_a_figure_is_reported() -> None:
    claim = only(
        analyse("«Маємо велику кількість людей, зниклих безвісти. Багато поранених», – написав мер Шевчук.")
    )
    assert claim.stance is Stance.REPORTED
    position = only(analyse("«Це тероризм», – написав мер Іван Петренко."))
    assert position.stance is Stance.ASSERTED


def test_the_writers_words_inside_a_quotation_name_its_speaker() -> None:
    """ "«…, – написав X у Facebook. – …»": a dash, a verb and the speaker inside the quotation
    marks are the writer's; the quotation goes on after them. "Проінформував" is a reporting verb,
    and "голови … ОВА" is the head of the administration named before ("голови" reads first as
    a plural-only noun)."""
    ledger = analyse(
        "Кількість загиблих у Полтаві зросла до 12. Про це в Telegram проінформував голова ОВА Петро "
        "Шевчук, передають Новини Полтави.\n\n"
        '"Рятувальники, поліція, медики. Усі служби шукають тіла загиблих, – написав Шевчук у '
        'Facebook. – Ідентифікували вже 10 осіб, вісім із яких – за допомогою ДНК-тестів".\n\n'
        "За словами голови Полтавської ОВА, ще вісьмох людей вважають зниклими безвісти."
    )
    toll, quoted, missing = ledger.claims
    assert name_of(toll) == name_of(quoted) == name_of(missing) == "Петро Шевчук"
    assert quoted.cue.text == "написав" and [q.value for q in quoted.quantities] == [10, 8]


def test_a_case_ending_after_the_digits_before_people_is_a_count_and_a_decade_is_not() -> None:
    claim = only(analyse("Станом на зараз відомо про поранення 44-х людей та загибель 14."))
    assert [q.value for q in claim.quantities] == [44, 14]
    decade = only(analyse("У 90-х роках тут був ринок, заявив мер Іван Петренко."))
    assert decade.quantities == []


# round 9: Ukrainian sources from the `uk` dev set and the round-8 held-out sets (now development text)


def test_a_noun_of_speech_and_the_speaker_in_the_genitive_before_a_colon() -> None:
    """ "Пряма мова Петренка: «…»": the quotation is Petrenko's, as after "Петренко заявив:"."""
    ledger = analyse(
        "Голова ОВА Іван Петренко виступив на брифінгу.\n\nПряма мова Петренка: «Вночі врятовано 12 людей. "
        "Пошуки тривають»."
    )
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.DIRECT
    assert name_of(claim) == "Іван Петренко"
    assert claim.content_text.startswith("Вночі врятовано 12 людей")
    assert claim.stance is Stance.REPORTED and [q.value for q in claim.quantities] == [12]


def test_a_speech_noun_without_a_colon_and_quotation_is_no_attribution() -> None:
    ledger = analyse("Мова Петренка була короткою, і всі її слухали: «тихо» стало в залі.")
    assert all(c.kind is not ClaimKind.DIRECT for c in ledger.claims)


def test_zgidno_z_is_read_as_za_before_the_noun_of_according() -> None:
    """ "Згідно з новою інформацією X, …" names X as "За інформацією X, …" does."""
    claim = only(
        analyse("Згідно з новою інформацією голови міської ради Остапа Коваленка, загинули 5 людей.")
    )
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert name_of(claim) == "Остап Коваленко"
    assert claim.content_text == "загинули 5 людей"


def test_an_according_phrase_inside_a_quotation_is_the_quoted_speakers_hedge() -> None:
    """ "«… За інформацією з реєстру, це 150 людей»" after the speaker's own words: the speaker
    named before, not "the register"."""
    ledger = analyse(
        "За словами заступника мера Петра Іванченка, ракета влучила в будинок, у якому жили 300 людей.\n"
        "«У будинку 60 квартир. За інформацією з реєстру, це 150 людей. Пошуки тривають"
    )
    first, quoted = ledger.claims
    assert name_of(first) == name_of(quoted) == "Петро Іванченко"
    assert [q.value for q in quoted.quantities] == [60, 150]


def test_a_body_named_with_its_remit_keeps_it_and_resolves() -> None:
    """ "Державна служба України з надзвичайних ситуацій": the remit after "з" is the body's name."""
    ledger = analyse(
        "Ввечері у місті загинули 5 людей. Про це повідомила Державна служба з надзвичайних ситуацій.\n\n"
        "«Врятовано 12 людей», – повідомляє Державна служба України з надзвичайних ситуацій."
    )
    assert [name_of(c) for c in ledger.claims] == ["State Emergency Service of Ukraine"] * 2


def test_a_thousand_after_about_tens_by_a_number_word_and_thousands_with_a_remainder() -> None:
    """ "близько тисячі людей" is about 1,000 (the genitive singular after "about"; "тисячі людей"
    alone stays a vague many); "шести десятків" is 60; "10 тис. 300" is 10,300, the full stop
    after "тис." ending no sentence."""
    about = only(analyse("За словами мера Івана Петренка, у будівлі було близько тисячі людей."))
    assert [(q.value, q.approximate) for q in about.quantities] == [(1000, True)]
    tens = only(analyse("За даними лікарні, близько шести десятків людей звернулися по допомогу."))
    assert [q.value for q in tens.quantities] == [60]
    area = only(analyse("За даними ДСНС, пожежу площею 10 тис. 300 кв. м локалізували вночі."))
    assert [q.value for q in area.quantities] == [10300]


def test_a_full_stop_after_a_short_abbreviation_before_digits_ends_no_sentence() -> None:
    claim = only(
        analyse("За даними ДСНС, до робіт залучено 440 осіб (в т.ч. 14 психологів) та 70 од. техніки.")
    )
    assert [q.value for q in claim.quantities] == [440, 14, 70]


def test_most_likely_is_an_estimate_and_a_condition_assessment_is_reported() -> None:
    likely = only(analyse("«Швидше за все, це був вибух газу», – сказав мер Іван Петренко."))
    assert likely.stance is Stance.ESTIMATED
    condition = only(analyse("Лікарі оцінюють стан постраждалих як важкий, повідомив мер Іван Петренко."))
    assert condition.stance is Stance.REPORTED and name_of(condition) == "Іван Петренко"


def test_thus_opens_the_writers_sum_and_a_source_phrase_takes_the_nominative_whole() -> None:
    """ "Таким чином, …" after a sentence nobody is quoted in is the outlet's sum, not the speaker
    before's; right after the speaker's own sentence it is still the speaker's. "За даними
    офіційного сайту мережі" is named "офіційний сайт мережі" (adjectives and their noun)."""
    ledger = analyse(
        "Мер Іван Петренко написав, що знайдено ще двох загиблих.\n\n"
        "Ще одна людина померла в лікарні. Таким чином, кількість загиблих зросла до 20.\n\n"
        "За даними офіційного сайту мережі «Колос», щодня туди приходять 5 000 людей."
    )
    said, total, site = (c for c in ledger.claims if "лікарні" not in c.content_text)
    assert name_of(said) == "Іван Петренко"
    assert total.content_text.startswith("Таким чином") or "20" in total.content_text
    assert total.source is None or total.kind is ClaimKind.OUTLET
    ours = analyse(
        "Як зазначили у міністерстві, з-під завалів дістали тіла ще двох осіб.\n"
        "Таким чином, загальна кількість загиблих зросла до 14."
    )
    assert [c.source is not None for c in ours.claims] == [True, True]
    assert site.source is not None and site.source.entity is not None
    assert site.source.entity.name == "офіційний сайт мережі «Колос»"


# round 10: Ukrainian sources from uk-heldout6 (development text from this round), in our own sentences


def test_za_yoho_slovamy_without_a_comma_is_the_person_named_last() -> None:
    ledger = analyse(
        "Мер міста Олег Коваль приїхав на місце пожежі.\n\n"
        "За його словами мати хлопчика жива, її прооперували."
    )
    claim = ledger.claims[-1]
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.content_text.startswith("мати хлопчика жива")
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Коваль"


def test_za_danymy_without_a_comma_stops_at_a_preposition_of_cause() -> None:
    claim = only(analyse("За даними департаменту охорони здоров'я ОВА внаслідок пожежі загинуло 5 людей."))
    assert claim.source is not None and claim.source.text == "департаменту охорони здоров'я ОВА"
    assert claim.content_text.startswith("внаслідок пожежі загинуло 5 людей")


def test_telegram_channel_of_a_council_is_who_writes() -> None:
    claim = only(
        analyse("Крім того, у Telegram-каналі Київської обласної ради пишуть, що вибух пошкодив школу.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Київська обласна рада"
    assert claim.content_text == "вибух пошкодив школу"


def test_these_figures_are_given_by_the_emergency_service() -> None:
    ledger = analyse(
        "Внаслідок удару по місту загинули 23 людини.\nТакі дані станом на 19:40 наводить пресслужба ДСНС."
    )
    claim = only(ledger)
    assert claim.content_text.startswith("Внаслідок удару по місту загинули 23 людини")
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "State Emergency Service of Ukraine"


def test_a_singular_noun_after_a_plural_verb_is_its_object_and_the_mayor_tells_it() -> None:
    ledger = analyse(
        "У місті після вибуху на околиці оголосили день жалоби. Вибух убив 5 людей.\n"
        "Про це повідомив мер міста Олег Коваль."
    )
    claim = only(ledger)
    assert "оголосили день жалоби" in claim.content_text and "убив 5 людей" in claim.content_text
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Коваль"


def test_a_gerund_clause_between_the_speaker_and_the_verb() -> None:
    claim = only(
        analyse("Президент Володимир Коваль, коментуючи вибух у місті, назвав Росію країною-терористом.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Володимир Коваль"


# round 10, wave 2: Ukrainian numbers from uk-heldout6, in our own sentences


def test_a_numeral_read_second_after_an_ordinal_is_a_count() -> None:
    """ "дев'яноста" reads first as the ordinal "дев'яностий"; after "близько" before people it is 90."""
    claim = only(analyse("За даними лікарні, близько дев'яноста осіб звернулися по допомогу."))
    assert [(q.value, q.approximate) for q in claim.quantities] == [(90, True)]


def test_a_count_after_in_that_number_is_no_part_of_a_law() -> None:
    """ "в т. ч. 9 рятувальників": "ч." after "т." is "числі", no "частина" of an article."""
    claim = only(analyse("За даними ДСНС, залучено 120 осіб (в т. ч. 9 кінологів) та 15 одиниць техніки."))
    assert [q.value for q in claim.quantities] == [120, 9, 15]


def test_a_case_ending_on_a_number_no_decade_is_a_count() -> None:
    """ "зросла до 37-х": a number that is no multiple of ten with "-х" is a count; "90-х" stays a decade."""
    claim = only(analyse("За словами мера Івана Петренка, жертв стало вже 37-х, 12 людей у лікарні."))
    assert [q.value for q in claim.quantities] == [37, 12]
    decade = only(analyse("У 80-х роках тут був ринок, заявив мер Іван Петренко."))
    assert decade.quantities == []


def test_such_a_decision_was_made_by_names_who_did_the_act_before() -> None:
    """ "Таке рішення ухвалив X": the sentence before is X's act."""
    ledger = analyse("У місті оголосили жалобу. Таке рішення ухвалив мер Іван Петренко.")
    (claim,) = [c for c in ledger.claims if c.source is not None and "Петренко" in c.source.text]
    assert claim.content[0].text == "У місті оголосили жалобу"


def test_an_instruction_is_the_speakers_act() -> None:
    """ "X доручив …" tells what X ordered, as "закликав" does."""
    claim = only(analyse("Прем'єр-міністр Іван Петренко доручив перевірити всі укриття у місті."))
    assert claim.source is not None and "Петренко" in claim.source.text


# round 11: Ukrainian sources, outlet events and stances from uk-heldout7, in our own sentences


def test_a_description_points_back_to_the_person_named_last() -> None:
    """ "Молодий чоловік заявив" after the person is named: the description is that person."""
    ledger = analyse("До школи прийшов 19-річний Іван Сидоренко. Молодий чоловік заявив, що ненавидить всіх.")
    (claim,) = [c for c in ledger.claims if c.source is not None]
    assert claim.source.entity is not None and claim.source.entity.name == "Іван Сидоренко"


def test_as_said_keeps_the_noun_after_its_adjective_in_the_source() -> None:
    """ "Як повідомив перший заступник міністра Іван Петренко, …": the name in the phrase."""
    claim = only(analyse("Як повідомив перший заступник міністра Іван Петренко, під завалами немає людей."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Іван Петренко"


def test_a_body_of_people_doing_something_is_an_outlet_event() -> None:
    """ "Рятувальники ліквідували пожежу, …": rescuers act, the outlet tells it."""
    claim = only(analyse("Рятувальники ліквідували пожежу, яка виникла внаслідок обстрілу."))
    assert claim.kind is ClaimKind.OUTLET


def test_deaths_told_by_a_verb_are_reported_without_a_figure() -> None:
    """ "уточнив, що загинули фельдшер та рятувальник": a tally with no number, reported."""
    claim = only(analyse("Пізніше мер Петро Іваненко уточнив, що загинули фельдшер та рятувальник."))
    assert claim.stance is Stance.REPORTED


def test_not_yet_determined_is_unverified() -> None:
    """ "поки не визначено": still being found, as "поки не встановлено"."""
    ledger = analyse("Чи були у нападника спільники, поки не визначено слідством у Києві.")
    assert [c.stance for c in ledger.claims] == [Stance.UNVERIFIED]


def test_casualties_after_an_attack_or_negated_tell_no_tally() -> None:
    """ "вдарили по місту, постраждали цивільні": the attack is what is said (a later verb);
    "щоб люди не постраждали": negated. Neither makes the statement a tally."""
    claim = only(analyse("Мер Петро Іваненко заявив: «Терористи вдарили по місту, постраждали цивільні»."))
    assert claim.stance is Stance.ASSERTED


# round 11 (lang14): Ukrainian sources, in our own sentences


def test_the_agency_told_before_the_verb_relays_the_person_after_it() -> None:
    """ "Про це Укрінформу повідомив голова ОВА Іван Петренко": he told the agency; he is the
    source, the agency the relay."""
    claim = only(
        analyse("Росія знову атакувала місто. Про це Укрінформу повідомив голова ОВА Іван Петренко.")
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Іван Петренко"
    assert [link.entity.name for link in claim.chain] == ["Ukrinform", "Іван Петренко"]


def test_characterising_an_act_is_a_statement() -> None:
    """ "охарактеризував обстріл як воєнний злочин": what the minister calls it, as "назвав"."""
    claim = only(analyse("Міністр Іван Петренко охарактеризував обстріл як воєнний злочин."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Іван Петренко"


def test_a_department_after_u_is_the_source_in_the_singular() -> None:
    """ "Про це «Новинам» повідомили у відділі комунікації …": the department, in the nominative
    singular (the dictionary tags no singular, so "відділі" must not become "відділи")."""
    claim = only(
        analyse(
            "Протягом дня рідним віддали тіла трьох загиблих. "
            "Про це «Новинам» повідомили у відділі комунікації обласного управління поліції."
        )
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "відділ комунікації обласного управління поліції"


def test_an_office_named_with_a_capital_after_u_is_the_source() -> None:
    """ "В Офісі генпрокурора повідомили": the office; "У Харкові повідомили": a town, no source."""
    claim = only(analyse("В Офісі генпрокурора повідомили, що загинули двоє."))
    assert claim.source is not None and claim.source.text == "Офісі генпрокурора"
    assert only(analyse("У Харкові повідомили, що загинули двоє.")).source is None


def test_acting_abbreviated_opens_a_title_and_the_name_after_it_is_found() -> None:
    """ "повідомив в.о. міського голови Іван Петренко": "в.о." is a word of his title."""
    claim = only(analyse("Рятувальник живий, повідомив в.о. міського голови Іван Петренко."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Іван Петренко"


def test_a_summary_is_a_statement_and_an_agency_after_it_relays_it() -> None:
    """ "…, йдеться у зведенні поліції": the police's summary says it; ", передає X" after it:
    X relays the summary, whose maker stays the source."""
    claim = only(analyse("Загинули двоє, йдеться у зведенні поліції."))
    assert claim.source is not None and claim.source.text == "поліції"
    relayed = only(analyse("Удар був у районі заводу, йдеться у зведенні російських сил, передає BBC News."))
    assert relayed.source is not None and relayed.source.text == "російських сил"
    assert [link.entity.name for link in relayed.chain][0] == "BBC News"


def test_a_named_outlets_correspondent_speaks_for_the_outlet() -> None:
    """ "Як розповів кореспондент Укрінформу": the agency, in the nominative, is the source."""
    claim = only(analyse("Як розповів кореспондент Укрінформу, вибухи пролунали близько полудня."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Ukrinform"


def test_as_said_in_an_address_the_speaker_comes_after_where() -> None:
    """ "Як зазначив у своєму вечірньому відеозверненні президент Іван Петренко, …": the address
    is where he said it, he is who; "Як повідомили у МВС України" keeps the office."""
    claim = only(
        analyse(
            "Як зазначив у своєму вечірньому відеозверненні президент України Іван Петренко, "
            "на місці триває рятувальна операція."
        )
    )
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Іван Петренко"
    office = only(analyse("Як повідомили у МВС України, загинули двоє."))
    assert office.source is not None and "МВС" in office.source.text


# round 12 (lang15): Ukrainian sources read in uk-heldout8, in our own sentences


def test_a_quoted_outlet_after_the_closing_verb_is_who_says_it() -> None:
    """ "…, пише «Міські вісті».": the name in quotation marks right after the verb, ending the
    sentence, is the source (before, the clause stopped at the opening mark and named nobody)."""
    claim = only(analyse("У місті пошкоджено три житлові будинки, пише «Міські вісті»."))
    assert claim.source is not None and claim.source.text == "Міські вісті"
    assert claim.content_text == "У місті пошкоджено три житлові будинки"


def test_a_name_alone_as_the_first_line_credits_the_figures_under_it() -> None:
    """A page reposting an address opens with the speaker's name alone, a crosshead ("Іван
    Петренко" ¶ …): the figures nobody is named for are his, as under "Джерело: Іван Петренко";
    the same name opening a paragraph is no credit line."""
    body = (
        "Іван Петренко\n"
        "Сьогодні в нашому місті сталася жахлива трагедія, про яку ми всі будемо пам'ятати ще дуже "
        "довго. На місці падіння виникла велика пожежа.\n"
        "Станом на цю хвилину 15 людей загинули. Точне число жертв трагедії наразі встановлюють "
        "слідчі та рятувальники.\n"
        "Травмовано 25 людей, серед них 10 дітей, усі вони перебувають у лікарнях міста під "
        "наглядом лікарів.\n"
    )
    ledger = reportedly.analyze(body, title="Трагедія в місті", published=PUBLISHED)
    assert ledger.document.meta["crossheads"] == [[0, len("Іван Петренко")]]
    counted = [c for c in ledger.claims if c.quantities]
    assert len(counted) == 2
    for claim in counted:
        assert claim.source is not None and claim.source.entity is not None
        assert claim.source.entity.name == "Іван Петренко"
    inline = analyse("Іван Петренко\nСтаном на цю хвилину 15 людей загинули.")
    assert all(c.source is None for c in inline.claims)


def test_an_impersonal_of_confirming_is_confirmed() -> None:
    """ "Підтверджено загибель 12 людей": the impersonal in -но of a verb of confirming is a
    confirmed tally; a plain tally stays reported."""
    claim = only(analyse("Підтверджено загибель 12 людей, серед них двоє дітей."))
    assert claim.stance is Stance.CONFIRMED
    plain = only(analyse("Загинули 12 людей, серед них двоє дітей."))
    assert plain.stance is Stance.REPORTED
