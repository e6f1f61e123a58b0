"""Pure domain logic: no Reflex, no database. Everything here is unit tested on its own."""
