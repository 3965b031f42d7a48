"""A guest types pinyin and picks the characters of their name; then the search finds them."""

from __future__ import annotations

from pathlib import Path

from kiosk.app.han_picker import SHOWN, HanCandidates, pending_syllable, pick
from kiosk.demo.roster import setup_demo
from kiosk.names import _char_pinyin, syllables
from kiosk.search import SearchIndex, public_search
from kiosk.store import Store


def test_candidates_are_the_rosters_characters_for_the_syllable_commonest_first() -> None:
    picker = HanCandidates(["张伟", "张敏", "章丽", "王伟", "欧阳娜娜", "Smith John"])
    assert picker.candidates("zhang") == ["张", "章"]  # 张 in two names, 章 in one
    assert picker.candidates("wei") == ["伟"] and picker.candidates("ouyang") == ["欧阳"]
    assert picker.candidates("smith") == [] and picker.candidates("xyz") == [] and picker.pages("xyz") == 0


def test_a_syllable_with_more_characters_than_fit_turns_the_page() -> None:
    wei = [c for c in map(chr, range(0x4E00, 0x9FA5)) if _char_pinyin(c) == "wei"][:13]
    picker = HanCandidates(f"王{c}" for c in wei)
    assert picker.pages("wei") == 2
    first, second = picker.candidates("wei"), picker.candidates("wei", 1)
    assert len(first) == SHOWN and len(second) == 3 and set(first) | set(second) == set(wei)
    assert picker.candidates("wei", 2) == first  # round again


def test_picking_replaces_the_pending_syllable_and_keeps_what_was_picked() -> None:
    assert pending_syllable("zhang") == "zhang" and pending_syllable("张wei") == "wei"
    assert pending_syllable("张伟") == ""
    assert pick("zhang", "张") == "张" and pick("张wei", "伟") == "张伟"


def test_a_name_picked_character_by_character_is_found_by_the_public_search(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = setup_demo(store, 200)
    guest = next(d for d in delegates if d.active and len(d.name) == 3)
    picker = HanCandidates(d.name for d in delegates)
    text = ""
    for char, reading in zip(guest.name, syllables(guest.name), strict=True):
        text += reading
        offered = [c for page in range(picker.pages(reading)) for c in picker.candidates(reading, page)]
        assert char in offered and len(offered) == len(set(offered))
        text = pick(text, char)
    assert text == guest.name
    found = public_search(SearchIndex(store), text)
    assert guest.id in [m.delegate.id for m in found.shown]
    store.close()
