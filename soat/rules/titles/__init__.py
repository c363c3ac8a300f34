"""Rules of this family, in code order."""

from soat.rules.titles import (
    abbreviation_intro,
    conflicting_titles,
    name_variant,
    post_held_twice,
    registry_title,
    title_case,
)

RULES = (
    conflicting_titles.RULE,
    post_held_twice.RULE,
    name_variant.RULE,
    registry_title.RULE,
    title_case.RULE,
    abbreviation_intro.RULE,
)
