"""Search as a desk volunteer types: Chinese, pinyin, initials, English, organisation, phone tail."""

import pytest

from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.model import Delegate
from kiosk.names import latin_name
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


@pytest.mark.parametrize(
    ("name", "name_en", "latin"),
    [("张伟", "", "Zhang Wei"), ("欧阳娜娜", "", "Ouyang Nana"), ("李娜", "Li Na", "Li Na"),
     ("Sophie Dubois", "", "Sophie Dubois")],
)  # fmt: skip
def test_latin_name_uses_english_name_or_pinyin(name: str, name_en: str, latin: str):
    assert latin_name(name, name_en) == latin
