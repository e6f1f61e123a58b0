"""Every table is mapped for "export my data" and "delete my account", or excluded with a reason.

These fail when someone adds a table (or a column naming a user) without deciding what export and deletion do
with it: add one line to ``couple_dash/services/personal_data.py``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import SQLModel

import couple_dash.models  # noqa: F401  (registers every table)
from couple_dash.services.personal_data import NOT_PERSONAL, PERSONAL_DATA, OnDelete

TABLES = SQLModel.metadata.tables
RULES = {rule.table: rule for rule in PERSONAL_DATA}


def _user_columns(table: sa.Table) -> set[str]:
    """Columns that name a person: a foreign key to user.id, the user table's own id, or an email."""
    found = {c.name for c in table.columns if any(fk.column.table.name == "user" for fk in c.foreign_keys)}
    if table.name == "user":
        found.add("id")
    return found | {c.name for c in table.columns if c.name == "email"}


def test_every_table_is_covered_or_explicitly_excluded() -> None:
    assert len(RULES) == len(PERSONAL_DATA), "a table is listed twice"
    assert not RULES.keys() & NOT_PERSONAL.keys(), "a table is both personal and excluded"
    missing = set(TABLES) - RULES.keys() - NOT_PERSONAL.keys()
    assert not missing, f"add these tables to couple_dash/services/personal_data.py: {sorted(missing)}"
    assert not (RULES.keys() | NOT_PERSONAL.keys()) - set(TABLES), "a mapped table no longer exists"
    assert all(reason.strip() for reason in NOT_PERSONAL.values())


def test_excluded_tables_name_no_one() -> None:
    for name in NOT_PERSONAL:
        assert not _user_columns(TABLES[name]), f"{name} names a user: map it instead of excluding it"


def test_every_column_naming_a_user_is_decided() -> None:
    for name, rule in RULES.items():
        decided = set(rule.who) | set(rule.not_selecting) | ({rule.email} if rule.email else set())
        undecided = _user_columns(TABLES[name]) - decided
        assert not undecided, f"{name}: say whether {sorted(undecided)} select the person's rows (who / not_selecting)"


def test_rules_name_real_columns_and_parents_come_first() -> None:
    seen: set[str] = set()
    for rule in PERSONAL_DATA:
        columns = set(TABLES[rule.table].columns.keys())
        named = {*rule.who, *rule.secret, *rule.erase_by, *rule.not_selecting}
        named |= {c for c in (rule.couple, rule.email) if c}
        if rule.via is not None:
            parent, column = rule.via
            named.add(column)
            assert parent.__tablename__ in seen, f"{rule.table}: its parent {parent.__tablename__} must come first"
        assert named <= columns, f"{rule.table}: no such columns {sorted(named - columns)}"
        assert rule.who or rule.couple or rule.email or rule.via, f"{rule.table}: nothing selects any row"
        if rule.on_delete is OnDelete.ERASE:
            assert rule.erase_by or rule.via, f"{rule.table}: erased, but by nothing"
        else:
            assert not rule.erase_by, f"{rule.table}: erase_by only means something for ERASE"
        seen.add(rule.table)


def test_secrets_never_leave_the_server() -> None:
    for name, rule in RULES.items():
        for column in (c.name for c in TABLES[name].columns):
            if "hash" in column or "token" in column or column in {"p256dh", "auth", "endpoint", "code"}:
                assert column in rule.secret, f"{name}.{column} looks like a secret: list it in secret=()"


def test_erasing_a_row_never_strands_a_row_that_points_at_it() -> None:
    """Rows pointing at an erasable table must be erased with their parent (``via``), or deleting fails."""
    erasable = {name for name, rule in RULES.items() if rule.on_delete is OnDelete.ERASE}
    for name, table in TABLES.items():
        for column in table.columns:
            for fk in column.foreign_keys:
                parent = fk.column.table.name
                if parent not in erasable or parent == "user":
                    continue
                rule = RULES.get(name)
                if rule is not None and (parent, column.name) in {(p.__tablename__, c) for p, c in rule.detach}:
                    assert column.nullable, f"{name}.{column.name} is detached, so it must be nullable"
                    continue
                via = (rule.via[0].__tablename__, rule.via[1]) if rule is not None and rule.via else None
                erased = rule is not None and rule.on_delete is OnDelete.ERASE
                assert erased, f"{name} points at erasable {parent}"
                assert via == (parent, column.name), f"{name}.{column.name} points at erasable {parent}: erase via it"


def test_the_partners_private_things_are_selected_by_their_author_only() -> None:
    """No couple-wide selection for anything private: the export of one partner never holds the other's."""
    for private in (
        "pulse_response",
        "agenda_item",
        "private_note",
        "why_reflection",
        "explanation",
        "workbook_entry",
        "workbook_step_done",
        "update_preset",
        "acknowledgement",
    ):
        assert RULES[private].couple is None
        assert RULES[private].via is None
