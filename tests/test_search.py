"""Search as a desk volunteer types: Chinese, pinyin, initials, English, organisation, phone tail."""

import random

import pytest

from kiosk.demo import generate_roster
from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.model import Delegate
from kiosk.names import SEP, has_han, latin_name
from kiosk.search import SearchIndex
from kiosk.store import Store

PEOPLE = [
    Delegate("1", "C1", "张伟", organization="西安交通大学", phone="13800001234"),
    Delegate("2", "C2", "张伟明", organization="隆基绿能", phone="13900005678"),
    Delegate("3", "C3", "李娜", name_en="Li Na", organization="Xinhua", phone="13700009999"),
    Delegate("4", "C4", "Sophie Dubois", organization="Fraunhofer Institute", phone="+49 170 4321"),
    Delegate("5", "C5", "单雄信", organization="陕西省科技厅", phone=""),
    Delegate("6", "C6", "欧阳美玉", organization="", phone=""),
]


@pytest.fixture
def index(event_store: Store) -> SearchIndex:
    apply_delegates(event_store, list(enumerate(PEOPLE, 2)), ImportReport(), replace=False)
    return SearchIndex(event_store)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("张伟", "1"),  # exact name beats the longer 张伟明
        ("zhang wei", "1"),
        ("zhangwei", "1"),
        ("zw", "1"),
        ("zwm", "2"),
        ("weiming", "2"),
        ("li na", "3"),
        ("Li Na", "3"),
        ("dubois", "4"),
        ("sophie", "4"),
        ("fraunhofer", "4"),
        ("交通大学", "1"),
        ("5678", "2"),
        ("4321", "4"),
        ("shan", "5"),  # surname 单 reads Shan
        ("oymy", "6"),  # a two-character surname: initials per character …
        ("omy", "6"),  # … or per syllable
        ("ouyangmeiyu", "6"),
    ],
)
def test_query_finds_the_right_person_first(index: SearchIndex, query: str, first: str):
    assert index.ids(query)[0] == first


def test_prefix_matches_include_everyone_sharing_it(index: SearchIndex):
    assert set(index.ids("zhang")) == {"1", "2"}


def test_nothing_found_for_an_unrelated_query(index: SearchIndex):
    assert index.ids("qqqq") == [] and index.ids("   ") == []


def test_index_follows_roster_changes(index: SearchIndex, event_store: Store):
    assert index.ids("wangfang") == []
    apply_delegates(event_store, [(9, Delegate("9", "C9", "王芳"))], ImportReport(), replace=False)
    assert index.ids("wangfang") == ["9"]


def test_short_queries_find_characters_a_later_import_brings(index: SearchIndex, event_store: Store):
    assert index.ids("芳") == [] and index.ids("王芳") == []
    later = [(9, Delegate("9", "C9", "王芳", organization="交通银行")), (10, Delegate("10", "C10", "芳菲"))]
    apply_delegates(event_store, later, ImportReport(), replace=False)
    assert index.ids("芳") == ["10"]  # a field starts with it (王芳 has no field 芳: 2-char names)
    assert index.ids("银行") == ["9"] and index.ids("王芳") == ["9"]


def test_a_renamed_delegate_is_found_by_the_new_name_only(index: SearchIndex, event_store: Store):
    apply_delegates(event_store, [(2, Delegate("1", "C1", "王芳"))], ImportReport(), replace=False)
    assert index.ids("wangfang") == ["1"]
    assert "1" not in index.ids("zhangwei") and index.ids("张伟") == ["2"]


def test_one_character_finds_the_fields_it_starts(index: SearchIndex):
    assert set(index.ids("张")) == {"1", "2"}
    assert index.ids("欧")[0] == "6"


def test_two_characters_inside_a_field_are_found(index: SearchIndex):
    assert index.ids("交通") == ["1"]
    assert index.ids("ei")[:2] == ["1", "2"]  # zhangwei, zhangweiming


def test_query_syntax_in_what_is_typed_is_plain_text(index: SearchIndex):
    for typed in ['"', 'zh"ang', "zhang*", "zhang OR li", "NEAR(a b)", "(", "-", "^z"]:
        assert isinstance(index.ids(typed), list)
    assert index.ids("zhang OR li") == []


def test_an_existing_roster_gets_its_index_when_the_store_is_upgraded(index: SearchIndex, event_store: Store):
    with event_store.transaction() as conn:  # the store as it was before the search index
        conn.execute("DROP TRIGGER delegates_search_delete")
        conn.execute("DROP TABLE search_index")
        conn.execute("DROP TABLE search_pairs")
        conn.execute("DELETE FROM migrations WHERE name LIKE 'core-0004-%' OR name LIKE 'core-0005-%'")
    path = event_store.path
    event_store.close()
    upgraded = Store(path)
    assert SearchIndex(upgraded).ids("zw")[0] == "1"
    assert SearchIndex(upgraded).ids("交通") == ["1"]


@pytest.mark.parametrize(
    ("name", "name_en", "latin"),
    [("张伟", "", "Zhang Wei"), ("欧阳娜娜", "", "Ouyang Nana"), ("李娜", "Li Na", "Li Na"),
     ("Sophie Dubois", "", "Sophie Dubois")],
)  # fmt: skip
def test_latin_name_uses_english_name_or_pinyin(name: str, name_en: str, latin: str):
    assert latin_name(name, name_en) == latin


@pytest.mark.slow
def test_a_million_delegates_are_searched_as_six_are(event_store: Store):
    roster = generate_roster(1_000_000, event_store.roster.forums(), event_store.roster.categories(), seed=5)
    apply_delegates(event_store, list(enumerate([*roster, *PEOPLE], 2)), ImportReport(), replace=False)
    index = SearchIndex(event_store)
    for query, first in [("欧阳美玉", "6"), ("ouyangmeiyu", "6"), ("oymy", "6"), ("单雄信", "5"),
                         ("xiongxinshan", "5"), ("张伟明", None), ("5678", None)]:  # fmt: skip
        found = index.ids(query)
        assert (first is None or found[0] == first) and 0 < len(found) <= 20
    texts = dict(event_store.query("SELECT id, search FROM delegates"))
    namesakes: dict[str, int] = {}
    for d in roster:
        namesakes[d.name] = namesakes.get(d.name, 0) + 1
    for d in random.Random(8).sample([d for d in roster if has_han(d.name)], 100):
        for query in (d.name, d.phone[-4:], d.name[:1]):
            found = index.ids(query)
            assert found and all(query in texts[i] for i in found)
        by_name = index.ids(d.name)
        assert d.id in by_name or namesakes[d.name] > 20
        assert all(SEP + d.name + SEP in texts[i] for i in by_name[: min(20, namesakes[d.name])])


@pytest.mark.parametrize(
    ("query", "order"),
    [
        ("zw", ["1", "7", "2"]),  # whole fields (张伟, 曾伟 in roster order), then a field start (zwm)
        ("zhangwei", ["1", "2"]),  # the whole pinyin, then the longer zhangweiming
        ("wei", ["1", "2", "7"]),  # given name first (weizhang, weimingzhang, weizeng): starts, roster order
        ("ngwei", ["1", "2", "7"]),  # inside zhangwei, zhangweiming, zengwei: anywhere, roster order
        ("交通", ["1"]),
        ("张伟", ["1", "2"]),
        ("zeng", ["7"]),  # 曾 as a surname reads Zeng, not ceng
    ],
)
def test_results_come_whole_fields_first_then_field_starts_then_anywhere(
    event_store: Store, query: str, order: list[str]
):
    people = [*PEOPLE, Delegate("7", "C7", "曾伟", organization="西北工业大学")]
    apply_delegates(event_store, list(enumerate(people, 2)), ImportReport(), replace=False)
    assert SearchIndex(event_store).ids(query) == order


def test_twenty_namesakes_fill_the_top_twenty_before_a_longer_name(event_store: Store):
    people = [Delegate("long", "CL", "张伟明"), *(Delegate(f"n{i:02d}", f"C{i}", "张伟") for i in range(25))]
    apply_delegates(event_store, list(enumerate(people, 2)), ImportReport(), replace=False)
    index = SearchIndex(event_store)
    for query in ("zw", "张伟", "zhangwei"):
        assert index.ids(query) == [f"n{i:02d}" for i in range(20)]
    assert index.ids("zw", limit=30)[25] == "long"
