"""A minimal rx.SharedState app: every tab links to one room and bumps one counter."""

import reflex as rx


class Counter(rx.SharedState):
    count: int = 0

    @rx.event
    async def join(self) -> None:
        await self._link_to("bench-room")

    @rx.event
    def bump(self) -> None:
        self.count += 1


def index() -> rx.Component:
    return rx.vstack(
        rx.button("Bump", id="bump", on_click=Counter.bump),
        rx.text(Counter.count, id="count"),
    )


app = rx.App()
app.add_page(index, on_load=Counter.join)
