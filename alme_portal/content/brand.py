"""The Almé palette and type, shared by the pages and the e-mails."""

IVORY = "#FBF8F4"
SAND = "#EFE6DA"
LINE = "#E3D7C7"
INK = "#1B1B1B"
MUTED = "#6B635B"
TERRACOTTA = "#A9553B"
SAGE = "#5B6B4E"  # 5.7:1 on white: it also colours text (WCAG 1.4.3)

SERIF = "'Cormorant Garamond', 'Playfair Display', Didot, 'Bodoni 72', Georgia, serif"
SANS = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif"
