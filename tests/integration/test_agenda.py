import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import AgendaItem, User
from couple_dash.services import NotAllowed, ServiceError, accounts, agenda
from couple_dash.services.agenda import EditConflict
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_both_partners_add_and_see_one_agenda(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "a")
    agenda.add_item(session=session, user_id=alex, kind="appreciation", text=" Thanks for the tea ", now=NOW)
    agenda.add_item(session=session, user_id=sam, kind="request", text="A walk on Sunday?", now=NOW)
    couple_id = session.get_one(User, sam).couple_id
    assert couple_id is not None
    views = agenda.list_items(session=session, couple_id=couple_id)
    assert [(v.text, v.author_name, v.kind_label) for v in views] == [
        ("Thanks for the tea", "Alex", "Appreciation"),
        ("A walk on Sunday?", "Sam", "A need or request"),
    ]


def test_bad_input_changes_nothing(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "b")
    with pytest.raises(ServiceError, match="kind"):
        agenda.add_item(session=session, user_id=alex, kind="gossip", text="hello")
    with pytest.raises(ServiceError, match="few words"):
        agenda.add_item(session=session, user_id=alex, kind="concern", text="   ")
    assert session.exec(select(AgendaItem)).all() == []


def test_someone_without_a_partner_has_no_agenda(session: Session, settings: Settings) -> None:
    solo = accounts.sign_up(
        session=session,
        display_name="Jo",
        email="jo@example.com",
        password="a long walk home",
        time_zone="UTC",
        settings=settings,
    ).viewer.user_id
    with pytest.raises(NotAllowed):
        agenda.add_item(session=session, user_id=solo, kind="concern", text="hello")


def test_another_couples_item_can_be_neither_edited_nor_removed(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "c")
    mallory, _ = pair(session, settings, "d")
    item = agenda.add_item(session=session, user_id=alex, kind="concern", text="Ours")
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        agenda.edit_item(session=session, user_id=mallory, item_id=item.id, text="Theirs", base_version=1)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        agenda.remove_item(session=session, user_id=mallory, item_id=item.id)  # type: ignore[arg-type]
    session.refresh(item)
    assert (item.text, item.version) == ("Ours", 1)


def test_only_the_author_removes_an_item_but_both_may_edit(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "e")
    item = agenda.add_item(session=session, user_id=alex, kind="concern", text="Late replies")
    assert item.id is not None
    with pytest.raises(NotAllowed, match="Only the person who added"):
        agenda.remove_item(session=session, user_id=sam, item_id=item.id)
    edited = agenda.edit_item(
        session=session, user_id=sam, item_id=item.id, text="Late replies at night", base_version=1
    )
    assert (edited.version, edited.updated_by) == (2, sam)
    agenda.remove_item(session=session, user_id=alex, item_id=item.id)
    assert session.get(AgendaItem, item.id) is None


def test_a_stale_edit_is_refused_and_names_who_changed_it(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "f")
    item = agenda.add_item(session=session, user_id=alex, kind="concern", text="v1")
    assert item.id is not None
    agenda.edit_item(session=session, user_id=sam, item_id=item.id, text="Sam's v2", base_version=1)
    with pytest.raises(EditConflict, match="Sam changed this item") as conflict:
        agenda.edit_item(session=session, user_id=alex, item_id=item.id, text="Alex's v2", base_version=1)
    assert (conflict.value.current_text, conflict.value.current_version) == ("Sam's v2", 2)
    # Saving again on top of the version now seen is a deliberate overwrite, and works.
    agenda.edit_item(session=session, user_id=alex, item_id=item.id, text="Alex's v3", base_version=2)


def test_two_partners_hammering_one_item_never_lose_an_update(engine: Engine, settings: Settings) -> None:
    """Each partner edits the same item 40 times from its own connection, always from the version it last saw.

    Every successful write must be based on the latest version (so none silently overwrites another); every
    refused one reports a conflict; the final version counts exactly the successful writes.
    """
    with Session(engine, expire_on_commit=False) as setup:
        alex, sam = pair(setup, settings, "g")
        item = agenda.add_item(session=setup, user_id=alex, kind="concern", text="start")
        setup.commit()
        item_id = item.id
    assert item_id is not None
    rounds = 40
    successes: dict[int, list[tuple[int, str]]] = {alex: [], sam: []}
    conflicts = {alex: 0, sam: 0}
    barrier = threading.Barrier(2)

    def hammer(user_id: int) -> None:
        seen = 1
        barrier.wait()
        for n in range(rounds):
            text = f"{user_id}-{n}"
            with Session(engine, expire_on_commit=False) as mine:
                try:
                    written = agenda.edit_item(
                        session=mine, user_id=user_id, item_id=item_id, text=text, base_version=seen
                    )
                    mine.commit()
                    successes[user_id].append((written.version, text))
                    seen = written.version
                except EditConflict as conflict:
                    mine.rollback()
                    conflicts[user_id] += 1
                    seen = conflict.current_version
                except Exception:  # SQLite may refuse a concurrent writer outright: also a refusal, never a loss
                    mine.rollback()
                    conflicts[user_id] += 1
                    with Session(engine) as fresh:
                        seen = fresh.get_one(AgendaItem, item_id).version

    threads = [threading.Thread(target=hammer, args=(uid,)) for uid in (alex, sam)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    writes = sorted(successes[alex] + successes[sam])
    versions = [version for version, _ in writes]
    assert versions == list(range(2, 2 + len(writes))), "every write must build on the one before it"
    assert len(writes) + conflicts[alex] + conflicts[sam] == 2 * rounds
    with Session(engine) as check:
        final = check.get_one(AgendaItem, item_id)
        assert final.version == 1 + len(writes)
        assert final.text == writes[-1][1]
