"""The text shapes every reader produces, so the extractor sees one layout whatever the format."""


def table_row_lines(cells: list[list[str]]) -> list[str]:
    """One table row as lines: the k-th line holds the k-th line of every cell, tab-separated.

    A row whose cells hold several paragraphs reads like the seed Offers converted from PDF:
    the first line carries the row's label, later lines start with a tab.
    """
    cells = list(cells) or [[]]
    height = max((len(cell) for cell in cells), default=0)
    lines = []
    for k in range(height):
        parts = [cell[k] if k < len(cell) else "" for cell in cells]
        line = "\t".join(part.replace("\t", " ") for part in parts).rstrip("\t")
        if line.strip():
            lines.append(line)
    return lines


def link_markup(label: str, target: str) -> str:
    """`[label](target)`, with the target made safe to sit inside parentheses on one line."""
    return f"[{label}{link_close(target)}"


def link_close(target: str) -> str:
    safe = " ".join(target.split()).replace("(", "%28").replace(")", "%29")
    return f"]({safe})"
