"""Reading `git diff --unified=0` for --diff-base: hunks, quoted names, line ranges."""

from __future__ import annotations

import os
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from soat.lint.changed_lines import ChangedLines, _merged, _unquote, parse_unified_diff

DIFF = b"""diff --git a/tin/bai.md b/tin/bai.md
index 3b18e51..a1b2c3d 100644
--- a/tin/bai.md
+++ b/tin/bai.md
@@ -3 +3 @@ Ti\xc3\xaau \xc4\x91\xe1\xbb\x81
-Old line
+New line
@@ -7,0 +8,2 @@
+++ an added line that looks like a header
+diff --git a/x b/x
@@ -12,3 +13,0 @@
-gone
-gone
-gone
diff --git a/cu.md b/moi.md
similarity index 100%
rename from cu.md
rename to moi.md
diff --git "a/b\\303\\240i \\"m\\341\\273\\233i\\".md" "b/b\\303\\240i \\"m\\341\\273\\233i\\".md"
new file mode 100644
--- /dev/null
+++ "b/b\\303\\240i \\"m\\341\\273\\233i\\".md"
@@ -0,0 +1,4 @@
+a
+b
+c
+d
diff --git a/bai co dau cach.md b/bai co dau cach.md
--- a/bai co dau cach.md\t
+++ b/bai co dau cach.md\t
@@ -1 +1 @@
-x
+y
diff --git a/xoa.md b/xoa.md
deleted file mode 100644
--- a/xoa.md
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
"""


def test_hunks_give_new_side_line_ranges_per_file():
    assert parse_unified_diff(DIFF) == {
        "tin/bai.md": [(3, 3), (8, 9)],
        'bài "mới".md': [(1, 4)],
        "bai co dau cach.md": [(1, 1)],
    }


def test_a_pure_rename_and_a_deletion_have_no_lines():
    ranges = parse_unified_diff(DIFF)
    assert "moi.md" not in ranges and "xoa.md" not in ranges


def test_unquote_reads_git_c_quoting():
    assert _unquote(b'"b/\\303\\240\\t\\\\x\\"y"') == 'b/à\t\\x"y'.encode()
    assert _unquote(b"b/plain name.md\t") == b"b/plain name.md"
    assert _unquote(b"b/plain.md") == b"b/plain.md"


ranges = st.lists(
    st.tuples(st.integers(1, 200), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=15,
)


@given(ranges, st.integers(1, 230), st.integers(0, 10))
def test_touches_agrees_with_a_set_of_lines(given_ranges, first, length):
    path = os.path.abspath("bai.md")
    changed = ChangedLines("HEAD")
    merged = _merged(given_ranges)
    changed.ranges[os.path.normcase(os.path.realpath(path))] = merged
    lines = {n for a, b in given_ranges for n in range(a, b + 1)}
    assert {n for a, b in merged for n in range(a, b + 1)} == lines
    assert all(b + 1 < c for (_, b), (c, _) in pairwise(merged))  # disjoint, apart
    span = (first, first + length)
    assert changed.touches(path, [span]) == bool(lines & set(range(span[0], span[1] + 1)))
    assert changed.has_changes(path) == bool(lines)
