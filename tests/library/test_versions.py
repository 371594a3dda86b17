"""What changed between versions: word-level changes inside changed lines, long sames folded."""

from servicecentrum.library.versions import compare, text_diff


def test_a_changed_word_is_marked_inside_its_line():
    [line] = text_diff("We werven tien ouders.", "We werven twintig ouders.")
    assert line.kind == "changed"
    assert ("delete", "tien") in line.parts and ("insert", "twintig") in line.parts
    assert "".join(text for op, text in line.parts if op != "delete") == "We werven twintig ouders."


def test_added_and_removed_lines_and_folded_unchanged_ones():
    old = "\n".join(f"Regel {n}" for n in range(1, 11))
    new = old.replace("Regel 5", "Regel vijf") + "\nEen nieuwe regel"
    lines = text_diff(old, new)
    kinds = [line.kind for line in lines]
    assert kinds.count("skipped") == 2 and "changed" in kinds and kinds[-1] == "added"
    assert sum(line.skipped for line in lines) == 6


def test_metadata_changes_are_listed_as_added_removed_or_old_and_new():
    old = {"title": "A", "themes": ["Onderwijs"], "year": 2005, "kind": "praktijk", "attachments": []}
    new = {"title": "A", "themes": ["Werk", "Onderwijs"], "year": 2006, "kind": "methode",
           "attachments": ["plan.pdf"]}
    changes = {c.name: c for c in compare(old, new)}
    assert set(changes) == {"themes", "year", "kind", "attachments"}
    assert changes["themes"].added == ["Werk"] and changes["themes"].removed == []
    assert (changes["year"].old, changes["year"].new) == (2005, 2006)
    assert str(changes["kind"].new) == "Methode"
