"""Rules of this family, in code order."""

from soat.rules.dates import date_style, impossible_date, weekday_mismatch

RULES = (
    impossible_date.RULE,
    date_style.RULE,
    weekday_mismatch.RULE,
)
