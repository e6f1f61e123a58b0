"""A plain document (title, sections of paragraphs, lists and tables) and its HTML rendering.

The therapist report and the readable copy of "export my data" are both such documents: one model, rendered to
HTML here (every piece of text escaped), to PDF by ``couple_dash.pdf``, and to the app's own components by the
report page. No Reflex, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Section:
    key: str  # a stable id ("commitments"), for links and tests
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class Document:
    title: str
    lines: list[str]  # under the title: who, when, on what terms
    sections: list[Section]


PRINT_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2024; margin: 0;
  padding: 24px; max-width: 960px; margin-inline: auto; overflow-wrap: break-word; }
h1 { font-size: 1.6em; margin: 0 0 .25em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .4em; border-bottom: 1px solid #d9d9e0; }
.lines p { margin: .1em 0; color: #60646c; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid #d9d9e0; padding: 4px 8px; text-align: left; vertical-align: top; hyphens: manual; }
th { background: #f0f0f3; }
.table-wrap { overflow-x: auto; }
@media print {
  body { padding: 0; font-size: 11pt; max-width: none; }
  h2 { break-after: avoid; } tr, li { break-inside: avoid; }
  .no-print { display: none !important; }
}
"""


def _table_html(table: Table) -> str:
    head = "".join(f"<th scope='col'>{escape(c)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
    return (
        f"<div class='table-wrap'><table><caption>{escape(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def section_html(section: Section) -> str:
    parts = [f"<section id='{escape(section.key)}'><h2>{escape(section.title)}</h2>"]
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    if section.bullets:
        parts.append("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in section.bullets) + "</ul>")
    parts += [_table_html(t) for t in section.tables]
    parts.append("</section>")
    return "".join(parts)


def to_html(document: Document, *, extra_head: str = "", before: str = "") -> str:
    """A standalone, printable HTML page. ``extra_head`` and ``before`` are trusted markup from the caller."""
    lines = "".join(f"<p>{escape(line)}</p>" for line in document.lines)
    sections = "".join(section_html(s) for s in document.sections)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta name='robots' content='noindex, nofollow'>"
        f"<title>{escape(document.title)}</title><style>{PRINT_CSS}</style>{extra_head}</head>"
        f"<body>{before}<main><h1>{escape(document.title)}</h1><div class='lines'>{lines}</div>{sections}</main>"
        "</body></html>"
    )


def plain_text(document: Document) -> str:
    """Every word of the document, for tests and search (what a reader could see)."""
    out = [document.title, *document.lines]
    for s in document.sections:
        out += [s.title, *s.paragraphs, *s.bullets]
        for t in s.tables:
            out += [t.caption, *t.columns, *(cell for row in t.rows for cell in row)]
    return "\n".join(out)
