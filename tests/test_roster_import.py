"""Roster files as registration systems export them: encodings, headers, bad rows, re-import."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from kiosk.importers.apply import import_roster
from kiosk.importers.event import EventFileError, import_event
from kiosk.store import Store
from tests.conftest import DEMO_EVENT, ROOT

HEADER_ZH = "编号,签到码,姓名,英文名,单位,职务,手机号,参会身份,参会论坛,状态,序号,备注\n"
ROWS_ZH = (
    "A1,CODE0001,张伟,,西安交通大学,教授,13800001234,科学家,main;p1,正常,1,轮椅\n"
    'A2,CODE0002,李娜,Li Na,新华社,记者,13900005678,press,"p1，外国专家座谈会",,2,\n'
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def names(store: Store) -> dict[str, str]:
    return {d.id: d.name for d in store.roster.iter_delegates()}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_each_encoding_imports_chinese_names(event_store: Store, tmp_path: Path, encoding: str):
    path = write(tmp_path / "r.csv", HEADER_ZH + ROWS_ZH, encoding)
    report = import_roster(event_store, path)
    assert report.to_json() == {"imported": 2, "updated": 0, "unchanged": 0, "rejected": []}
    assert names(event_store) == {"A1": "张伟", "A2": "李娜"}


def test_chinese_headers_map_forums_categories_status_and_notes(event_store: Store, tmp_path: Path):
    import_roster(event_store, write(tmp_path / "r.csv", HEADER_ZH + ROWS_ZH))
    zhang = event_store.roster.delegate("A1")
    li = event_store.roster.delegate("A2")
    assert zhang is not None and li is not None
    assert zhang.forums == ("main", "p1") and zhang.category == "scientist" and zhang.status == "active"
    assert zhang.notes == {"序号": "1", "备注": "轮椅"}
    assert li.forums == ("p1", "p2") and li.name_en == "Li Na"


def test_english_headers_are_case_and_space_insensitive(event_store: Store, tmp_path: Path):
    text = "Badge , NAME,English Name,Organisation,Mobile,Category,Forums,Status,E-mail\n" \
           "C1,王芳,Wang Fang,UNIDO,13700000001,Foreign expert,Main | p2,cancelled,w@x.org\n"  # fmt: skip
    import_roster(event_store, write(tmp_path / "r.csv", text))
    wang = event_store.roster.delegate("C1")  # no id column: the code is the identity
    assert wang is not None and wang.status == "cancelled" and wang.email == "w@x.org"
    assert wang.forums == ("main", "p2") and wang.category == "foreign_expert"


def test_bad_rows_are_rejected_with_physical_line_numbers_and_the_rest_applies(
    event_store: Store, tmp_path: Path
):
    text = (
        "code,name,forums,category\n"
        'K1,"Ann\nMulti-line",main,\n'  # lines 2-3
        "K2,,main,\n"  # line 4: no name
        ",Bob,main,\n"  # line 5: no code
        "K1,Carl,main,\n"  # line 6: code used on line 2
        "K4,Dora,nowhere,\n"  # line 7: unknown forum
        "K5,Emil,main,alien\n"  # line 8: unknown category: kept, with a warning
        "K6,Fay,main,press\n"  # line 9: fine
    )
    report = import_roster(event_store, write(tmp_path / "r.csv", text))
    assert [(r.line, r.reason) for r in report.rejected] == [
        (4, "missing_name"), (5, "missing_code"), (6, "duplicate_code"), (7, "unknown_forum"),
    ]  # fmt: skip
    assert [(w.line, w.reason, w.data["value"]) for w in report.warnings] == [
        (8, "category_defaulted", "alien")
    ]
    assert report.imported == 3 and report.exit_code == 1
    assert sorted(names(event_store)) == ["K1", "K5", "K6"]
    assert getattr(event_store.roster.delegate("K5"), "category", None) == ""  # the demo event has no default


def test_code_of_another_delegate_in_the_store_is_rejected(event_store: Store, tmp_path: Path):
    import_roster(event_store, write(tmp_path / "a.csv", "id,code,name\nX1,SAME,Ann\n"))
    report = import_roster(event_store, write(tmp_path / "b.csv", "id,code,name\nX2,SAME,Bob\n"))
    assert [(r.line, r.reason) for r in report.rejected] == [(2, "code_taken")]
    assert report.exit_code == 2


def test_reimport_of_the_same_file_changes_nothing(event_store: Store, tmp_path: Path):
    path = write(tmp_path / "r.csv", HEADER_ZH + ROWS_ZH)
    import_roster(event_store, path)
    again = import_roster(event_store, path)
    assert again.to_json() == {"imported": 0, "updated": 0, "unchanged": 2, "rejected": []}


def test_same_rows_as_xlsx_are_unchanged_after_csv_import(event_store: Store, tmp_path: Path):
    import_roster(event_store, write(tmp_path / "r.csv", HEADER_ZH + ROWS_ZH))
    workbook = Workbook()
    sheet = workbook.active
    for line in (HEADER_ZH + ROWS_ZH).splitlines():
        cells = next(iter(__import__("csv").reader([line])))
        # Excel keeps phone numbers and serials as numbers and empty cells as None.
        sheet.append([int(c) if c.isdigit() else (c or None) for c in cells])
    workbook.save(tmp_path / "r.xlsx")
    report = import_roster(event_store, tmp_path / "r.xlsx")
    assert report.to_json() == {"imported": 0, "updated": 0, "unchanged": 2, "rejected": []}


def test_xlsx_reports_sheet_row_numbers(event_store: Store, tmp_path: Path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "票码"])
    sheet.append(["张三", "T1"])
    sheet.append([None, "T2"])
    workbook.save(tmp_path / "r.xlsx")
    report = import_roster(event_store, tmp_path / "r.xlsx")
    assert [(r.line, r.reason) for r in report.rejected] == [(3, "missing_name")]


def test_changed_row_counts_as_updated_and_new_code_supersedes_old(event_store: Store, tmp_path: Path):
    import_roster(event_store, write(tmp_path / "a.csv", "id,code,name\nX1,OLD1,Ann\n"))
    report = import_roster(event_store, write(tmp_path / "b.csv", "id,code,name\nX1,NEW1,Ann\n"))
    assert report.updated == 1
    old = event_store.roster.badge("OLD1")
    assert old is not None and old.superseded


def test_replace_revokes_delegates_missing_from_the_file(event_store: Store, tmp_path: Path):
    import_roster(event_store, write(tmp_path / "a.csv", "id,code,name\nX1,C1,Ann\nX2,C2,Bob\n"))
    report = import_roster(event_store, write(tmp_path / "b.csv", "id,code,name\nX1,C1,Ann\n"), replace=True)
    assert report.revoked == 1
    bob = event_store.roster.delegate("X2")
    assert bob is not None and bob.status == "cancelled"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02\xff\xfe\xfd" * 50, "neither UTF-8 nor GBK"),
        (b"", "empty"),
        (b"foo,bar\n1,2\n", "no column for name and code"),
        (b"PK\x03\x04garbage", "not a readable XLSX"),
    ],
)
def test_unreadable_file_applies_nothing_and_says_why(
    event_store: Store, tmp_path: Path, content: bytes, message: str
):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    report = import_roster(event_store, path)
    assert report.error is not None and message in report.error
    assert report.exit_code == 2 and event_store.roster.count() == 0


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.slow
def test_cli_import_prints_json_report_and_exit_codes(tmp_path: Path):
    db = tmp_path / "k.sqlite"
    assert run_cli("event", "import", str(DEMO_EVENT), db=db).returncode == 0
    good = write(tmp_path / "good.csv", HEADER_ZH + ROWS_ZH)
    mixed = write(tmp_path / "mixed.csv", "code,name\nM1,Ann\nM2,\n")
    result = run_cli("roster", "import", str(good), "--json", db=db)
    assert result.returncode == 0 and json.loads(result.stdout)["imported"] == 2
    result = run_cli("roster", "import", str(mixed), "--json", db=db)
    assert result.returncode == 1
    assert json.loads(result.stdout)["rejected"] == [
        {"line": 3, "reason": "missing_name", "message": "no name: fill in the name column"}
    ]
    result = run_cli("roster", "import", str(tmp_path / "missing.csv"), db=db)
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_event_file_with_a_bad_public_key_installs_nothing(tmp_path: Path):
    from kiosk.errors import KioskError
    from kiosk.importers.event import import_event

    data = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    data["public_keys"] = ["-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n"]
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    store = Store(tmp_path / "k.sqlite")
    with pytest.raises(KioskError):
        import_event(store, path)
    assert store.roster.event() is None


def test_event_file_public_keys_are_trusted(tmp_path: Path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from kiosk import keys
    from kiosk.importers.event import import_event

    public = Ed25519PrivateKey.generate().public_key()
    data = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    data["public_keys"] = [keys.public_pem(public).decode()]
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    store = Store(tmp_path / "k.sqlite")
    import_event(store, path)
    assert [event_id for event_id, _ in keys.trusted(store)] == ["hardtech-demo"]


def test_an_unknown_category_takes_the_event_files_default_category_with_a_warning(tmp_path: Path):
    event = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    for category in event["categories"]:
        category["default"] = category["id"] == "staff"
    (tmp_path / "event.json").write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
    store = Store(tmp_path / "k.sqlite")
    import_event(store, tmp_path / "event.json")
    report = import_roster(
        store, write(tmp_path / "r.csv", "code,name,category\nK1,Ann,宇航员\nK2,Bob,press\n")
    )
    assert report.imported == 2 and not report.rejected
    assert [(w.line, w.data) for w in report.warnings] == [(2, {"value": "宇航员", "default": "staff"})]
    assert "kept as 'staff'" in report.warnings[0].message
    assert [store.roster.delegate(i).category for i in ("K1", "K2")] == ["staff", "press"]  # type: ignore[union-attr]


def test_an_event_file_with_two_default_categories_is_refused(tmp_path: Path):
    event = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    event["categories"][0]["default"] = event["categories"][1]["default"] = True
    (tmp_path / "event.json").write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EventFileError, match="marked default: keep one"):
        import_event(Store(tmp_path / "k.sqlite"), tmp_path / "event.json")
