"""A ``Document`` as a PDF, made on the server with fpdf2 (pure Python, no browser or system tool needed).

Text needs a Unicode font for names and notes in any language: DejaVu Sans is used where the system has it
(Debian's ``fonts-dejavu-core``, which Chromium pulls in). Without it the PDF falls back to the built-in Helvetica,
which only knows Latin-1, and characters beyond it are shown as "?" rather than failing the download.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from couple_dash.domain.document import Document, Section, Table

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
)
FAMILY = "DejaVu"


def _unicode_font() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


class _Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        fonts = _unicode_font()
        if fonts is not None:
            self.add_font(FAMILY, "", str(fonts[0]))
            self.add_font(FAMILY, "B", str(fonts[1]))
            self.family_name, self.unicode = FAMILY, True
        else:
            self.family_name, self.unicode = "Helvetica", False
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(15, 15, 15)

    def text_of(self, value: str) -> str:
        if self.unicode:
            return value
        return value.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family_name, "", 8)
        self.set_text_color(110)
        self.cell(0, 6, self.text_of(f"{self.footer_text} · page {self.page_no()}"), align="C")
        self.set_text_color(0)


def _section(pdf: _Pdf, section: Section) -> None:
    pdf.ln(3)
    pdf.set_font(pdf.family_name, "B", 13)
    pdf.multi_cell(0, 7, pdf.text_of(section.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family_name, "", 10)
    for paragraph in section.paragraphs:
        pdf.multi_cell(0, 5, pdf.text_of(paragraph), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1)
    for bullet in section.bullets:
        pdf.multi_cell(
            0, 5, pdf.text_of(f"•  {bullet}" if pdf.unicode else f"-  {bullet}"), new_x="LMARGIN", new_y="NEXT"
        )
    for table in section.tables:
        _table(pdf, table)


def _widths(table: Table, available: float) -> tuple[float, ...]:
    """Column widths in mm: never narrower than the column's longest word (no word is split), the room left
    shared out by how much text each column typically holds."""
    per_char = 1.9  # mm per character at 9 pt, generously (bold headings)
    least, wanted = [], []
    for i, heading in enumerate(table.columns):
        cells = [row[i] for row in table.rows if i < len(row)]
        longest_word = max((len(w) for text in [heading, *cells] for w in text.split()), default=4)
        typical = max((len(text) for text in cells), default=len(heading))
        least.append((longest_word + 1) * per_char + 2)
        wanted.append(max(least[-1], min(typical, 45) * per_char + 2))
    fits = sum(wanted) <= available
    if fits or sum(least) >= available:
        chosen = wanted if fits else least
        scale = available / sum(chosen)
        return tuple(w * scale for w in chosen)
    room, extra = available - sum(least), [w - m for w, m in zip(wanted, least, strict=True)]
    return tuple(m + room * e / sum(extra) for m, e in zip(least, extra, strict=True))


def _table(pdf: _Pdf, table: Table) -> None:
    if table.rows and pdf.will_page_break(30):
        pdf.add_page()  # keep a caption with the table's first rows
    pdf.ln(1)
    pdf.set_font(pdf.family_name, "B", 10)
    pdf.multi_cell(0, 6, pdf.text_of(table.caption), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family_name, "", 9)
    if not table.rows:
        return
    with pdf.table(
        col_widths=_widths(table, pdf.epw),
        width=pdf.epw,
        headings_style=FontFace(emphasis="BOLD", fill_color=(240, 240, 243)),
        line_height=5,
        text_align="LEFT",
        padding=1,
    ) as grid:
        for row in [table.columns, *table.rows]:
            cells = grid.row()
            for value in row:
                cells.cell(pdf.text_of(value))
    pdf.ln(2)


def to_pdf(document: Document, *, footer: str = "") -> bytes:
    pdf = _Pdf(footer or document.title)
    pdf.set_title(pdf.text_of(document.title))
    pdf.set_creator("Couple Dash")
    pdf.add_page()
    pdf.set_font(pdf.family_name, "B", 18)
    pdf.multi_cell(0, 9, pdf.text_of(document.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family_name, "", 10)
    pdf.set_text_color(90)
    for line in document.lines:
        pdf.multi_cell(0, 5, pdf.text_of(line), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_text_color(0)
    for section in document.sections:
        _section(pdf, section)
    return bytes(pdf.output())
