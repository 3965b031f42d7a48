"""What a pass says: names in both scripts, forums by time, the delegate's language; layouts as data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.demo.samples import sample_delegates, sample_event
from kiosk.printing.content import PassContent, build_content, latin_script
from kiosk.printing.layout import LayoutError, layout_names, load_layout
from kiosk.printing.places import desk_name, hall_name

ISSUED = datetime(2023, 12, 6, 0, 42, tzinfo=UTC)


def _content(delegate_id: str, language: str = "zh") -> PassContent:
    event, forums, categories = sample_event()
    delegate = next(d for d in sample_delegates() if d.id == delegate_id)
    return build_content(
        delegate, event, {f.id: f for f in forums}, {c.id: c for c in categories}, ISSUED, "desk-3", language
    )


def test_chinese_name_gets_pinyin_when_roster_has_no_english_name():
    content = _content("d-zh")
    assert content.name == "欧阳娜娜"
    assert content.latin_name == "Ouyang Nana"


def test_english_name_from_roster_wins_over_pinyin():
    assert _content("d-vip").latin_name == "Zhang Wei"


def test_foreign_name_stays_as_given_with_no_second_line():
    content = _content("d-en")
    assert content.name == "Maria-Josefina Fernández-Castellanos"
    assert content.latin_name == ""


def test_transliterated_name_with_middle_dots_becomes_one_word_per_part():
    assert latin_script("阿卜杜勒·克里木").count(" ") == 1
    assert latin_script("阿卜杜勒·克里木").split()[1] == "Kelimu"


def test_forums_are_sorted_by_time_with_local_date_and_hall():
    content = _content("d-12")
    assert len(content.forums) == 12
    _, forums, _ = sample_event()
    starts = {f.id: f.starts_at for f in forums}
    order = [starts[f.id] for f in content.forums]
    assert order == sorted(order) and content.forums[0].id == "main"
    assert content.forums[0].when == "12月6日 09:00–12:00"
    assert content.forums[0].hall == "A1厅"


def test_pass_is_in_the_delegates_language_when_known_else_the_kiosks():
    assert _content("d-en", "zh").language == "en"
    assert _content("d-en", "zh").forums[0].name.startswith("2023 Xi'an")
    assert _content("d-zh", "en").language == "zh"
    unknown = _content("d-12", "en")  # language not in the roster: the kiosk's
    assert unknown.language == "en" and unknown.forums[0].when == "6 Dec 09:00–12:00"


def test_vip_category_marks_the_pass_and_issue_time_is_local():
    content = _content("d-vip")
    assert content.vip and content.color == "#C62828"
    assert content.issued == "12月6日 08:42"  # 00:42 UTC is 08:42 in Xi'an
    assert _content("d-en").issued == "6 Dec 08:42"


def test_forum_lines_carry_the_chinese_name_always_the_delegates_language_first():
    english = _content("d-en")
    assert [(f.name, f.other_name) for f in english.forums] == [
        ("2023 Xi'an 'Dual Centers' Construction Theme Forum", "2023西安“双中心”建设主题论坛"),
        ("Foreign Experts Symposium", "外国专家座谈会"),
    ]
    chinese = _content("d-zh")
    assert chinese.forums[0].name == "2023西安“双中心”建设主题论坛"
    assert chinese.forums[0].other_name == "2023 Xi'an 'Dual Centers' Construction Theme Forum"


def test_halls_and_desks_by_display_name_never_hall_expo_or_desk_desk_1():
    assert [hall_name(h, "zh") for h in ("A1", "3", "B203", "Expo", "展览中心", "")] == [
        "A1厅", "3厅", "B203厅", "Expo", "展览中心", "",
    ]  # fmt: skip
    assert [hall_name(h, "en") for h in ("A1", "Expo", "Expo Centre")] == ["Hall A1", "Expo", "Expo Centre"]
    assert [desk_name(d, "zh") for d in ("desk-1", "Desk_12", "desk 3", "南门服务台")] == [
        "1号服务台", "12号服务台", "3号服务台", "南门服务台",
    ]  # fmt: skip
    assert [desk_name(d, "en") for d in ("desk-1", "DESK2", "North entrance")] == [
        "Desk 1",
        "Desk 2",
        "North entrance",
    ]
    english = _content("d-en")
    assert english.desk == "Desk 3" and english.forums[1].hall == "Hall B2"
    assert _content("d-zh").desk == "3号服务台"


def test_a_queued_pass_from_before_bilingual_forum_lines_still_reads():
    data = json.loads(_content("d-zh").to_json())
    for forum in data["forums"]:
        del forum["other_name"]
    old = PassContent.from_json(json.dumps(data))
    assert old.forums[0].other_name == "" and old.forums[0].name == "2023西安“双中心”建设主题论坛"


def test_content_round_trips_through_json_for_the_queue():
    content = _content("d-12")
    assert PassContent.from_json(content.to_json()) == content


def test_forum_unknown_to_the_event_is_left_out():
    event, forums, categories = sample_event()
    delegate = replace(sample_delegates()[0], forums=("main", "gone"))
    content = build_content(
        delegate,
        event,
        {f.id: f for f in forums},
        {c.id: c for c in categories},
        ISSUED + timedelta(hours=1),
        "d",
    )
    assert [f.id for f in content.forums] == ["main"]


def test_every_bundled_layout_loads():
    assert set(layout_names()) >= {"thermal-80", "label-62", "a6-card", "badge-4x3"}
    roll = load_layout("thermal-80")
    assert roll.grows and roll.printable_width_mm == 72 and roll.dpi == 203
    assert not load_layout("a6-card").grows


def test_unknown_layout_names_the_ones_there_are():
    with pytest.raises(LayoutError, match="thermal-80"):
        load_layout("nope")


def test_malformed_layout_is_one_readable_line(tmp_path):
    data = json.loads(load_layout.__globals__["LAYOUT_DIR"].joinpath("a6-card.json").read_text())
    data["fonts"].pop("name")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(LayoutError, match="fonts lacks name"):
        load_layout(bad)
    data["page"]["width_mm"] = "wide"
    bad.write_text(json.dumps(data))
    with pytest.raises(LayoutError, match="width_mm must be a number"):
        load_layout(bad)
