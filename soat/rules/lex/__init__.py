"""Rules of the LEX family (misused words: valid syllables in the wrong word), in code order."""

from soat.rules.lex import confused_word

RULES = (confused_word.RULE,)
