"""The NHS identity colours every crdesk PDF uses (one home, so the reports stay alike)."""

from __future__ import annotations

from reportlab.lib import colors

BLUE = colors.HexColor("#005EB8")  # NHS Blue: headings, rules
TEXT = colors.HexColor("#212B32")  # NHS Black: body text
GREY = colors.HexColor("#4C6272")  # NHS Dark Grey: secondary text
PALE = colors.HexColor("#F0F4F5")  # NHS Pale Grey: table heads, grid lines
GREEN = colors.HexColor("#007F3B")
RED = colors.HexColor("#D5281B")
ORANGE = colors.HexColor("#ED8B00")
WARN = colors.HexColor("#FFEB3B")  # NHS Warm Yellow: placeholder notices
