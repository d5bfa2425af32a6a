"""The evaluation's generator (tests/moderation_evasions.py): both splits as the issue asks, and the
engine holding on the development split (the held-out split is only reported, by the script)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests import moderation_dev_fifth_split as fifth_writer
from tests import moderation_dev_fourth_split as fourth_writer
from tests import moderation_dev_new as written_apart
from tests import moderation_dev_short_split as short_words
from tests import moderation_dev_sixth_split as sixth_writer
from tests import moderation_dev_third_split as third_writer
from tests import moderation_evasions as generated

REPO = Path(__file__).resolve().parents[3]


def run_evaluation(*arguments: str) -> subprocess.CompletedProcess[str]:
    """benchmarks/moderation_eval.py as a user runs it; it must succeed."""
    result = subprocess.run(
        [sys.executable, "benchmarks/moderation_eval.py", *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_splits_share_no_words_seeds_sentences_or_traps():
    dev, held = generated.DEV, generated.HELDOUT
    assert not set(dev.words) & set(held.words)
    assert dev.seed != held.seed
    assert not set(dev.comments) & set(held.comments) and not set(dev.clean) & set(held.clean)
    assert not {t for ts in dev.traps.values() for t in ts} & {t for ts in held.traps.values() for t in ts}


def test_every_category_alone_and_in_combinations_of_two_and_three():
    cases = generated.evasions(generated.DEV)
    singles = {c["categories"][0] for c in cases if len(c["categories"]) == 1}
    assert singles == set(generated.CATEGORIES)
    assert {len(c["categories"]) for c in cases} == {1, 2, 3}
    assert all(c["text"] != c["word"] for c in cases)


def test_at_least_two_thousand_clean_comments_with_every_trap():
    comments = generated.clean(generated.DEV)
    assert len(comments) >= 2000
    assert {c["trap"] for c in comments} == {*generated.DEV.traps, "none", "list_collision"}


def test_the_evaluation_script_reports_the_development_split():
    result = run_evaluation("--split", "dev")
    assert "(target >= 99%: met)" in result.stdout and "(target >= 95%: met)" in result.stdout
    assert "(target < 0.5%: met)" in result.stdout
    assert "mixed separators" in result.stdout and "list's own collisions" not in result.stdout


def test_the_new_development_split_speaks_the_projects_categories_and_drops_what_it_says():
    cases = written_apart.evasions()
    assert {name for case in cases for name in case["categories"]} <= set(generated.CATEGORIES)
    texts = {case["text"] for case in cases}
    assert len(texts) == len(cases) > 18_000 and not texts & set(written_apart.DROPPED)
    assert "testing: bu||shI7" in texts  # a lone `||` shows as written: kept
    comments = written_apart.clean()
    assert {c["trap"] for c in comments} == {"gamer tags and handles", "model numbers"} and len(comments) > 15_000


def test_the_evaluation_script_reports_the_new_development_split_with_its_misses():
    result = run_evaluation("--split", "dev-new", "--misses", "5")
    assert "== development split, new" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 95%: met)" in result.stdout and "(target < 0.5%: met)" in result.stdout


def test_the_short_words_split_speaks_the_projects_categories_with_its_collisions_apart():
    cases = short_words.evasions()
    assert {name for case in cases for name in case["categories"]} <= set(generated.CATEGORIES)
    assert {case["word"] for case in cases} == set(short_words.WORDS) and len(short_words.WORDS) == 16
    assert all(len(word) <= 4 for word in short_words.WORDS) and len(cases) > 20_000
    comments = short_words.clean()
    traps = {c["trap"] for c in comments}
    assert traps == {"gamer tags and handles", "model numbers", "list_collision"} and len(comments) > 40_000
    collisions = [c["text"] for c in comments if c["trap"] == "list_collision"]
    assert "she graduated summa cum laude in physics" in collisions and len(collisions) == 40


def test_the_evaluation_script_reports_the_short_words_split_with_its_misses():
    result = run_evaluation("--split", "dev-short", "--misses", "3")
    assert "== development split, short words" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 95%: met)" in result.stdout and "(target < 0.5%: met)" in result.stdout
    shown = result.stdout.splitlines()
    assert sum(line.startswith("  missed: ") for line in shown) <= 3  # at most --misses of each kind


def test_the_third_split_lists_each_word_with_the_inflections_its_evasions_use():
    cases = third_writer.evasions()
    assert len(cases) == 3000 and {len(case["categories"]) for case in cases} == {1, 2, 3}
    assert "twats" in third_writer.WORDS and "twat" in third_writer.WORDS  # listed as the project lists them
    comments = third_writer.clean()
    traps = {c["trap"] for c in comments}
    assert traps == {"gamer tags and handles", "model numbers", "scunthorpe, languages, urls, code", "list_collision"}
    collisions = [c["text"] for c in comments if c["trap"] == "list_collision"]
    assert "dick_tracy_fan is streaming the new season tonight" in collisions


def test_the_evaluation_script_reports_the_third_split():
    result = run_evaluation("--split", "dev-third", "--misses", "2")
    assert "== development split, third" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 95%: met)" in result.stdout and "(target < 0.5%: met)" in result.stdout


def test_the_fourth_split_is_mostly_leetspeak_in_combinations():
    cases = fourth_writer.evasions()
    assert len(cases) >= 2990 and {len(case["categories"]) for case in cases} == {1, 2, 3}
    combined = [c for c in cases if "leet" in c["categories"] and len(c["categories"]) > 1]
    assert len(combined) / len(cases) > 0.6
    assert "sodding" in fourth_writer.WORDS and "sod" in fourth_writer.WORDS
    traps = {c["trap"] for c in fourth_writer.clean()}
    assert traps == {"gamer tags and handles", "model numbers", "scunthorpe, languages, urls, code", "list_collision"}


def test_the_evaluation_script_reports_the_fourth_split():
    result = run_evaluation("--split", "dev-fourth", "--misses", "2")
    assert "== development split, fourth" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 95%: met)" in result.stdout and "(target < 0.5%: met)" in result.stdout


def test_the_fifth_split_has_every_category_alone_and_combined_and_judged_handles():
    cases = fifth_writer.evasions()
    assert len(cases) == 3000 and {len(case["categories"]) for case in cases} == {1, 2, 3}
    alone = {case["categories"][0] for case in cases if len(case["categories"]) == 1}
    assert {"leet", "homoglyph", "styled", "separator", "markdown", "rtl", "invisible"} <= alone
    assert "numpties" in fifth_writer.WORDS and "numpty" in fifth_writer.WORDS
    assert len(fifth_writer.clean()) == 5100  # 1,500 tags, 1,500 codes, 2,000 prose, 100 collisions
    handles = fifth_writer.handle_parts()
    assert len(handles) == 150 and {remove for _text, _word, remove in handles} == {True, False}


def test_the_evaluation_script_reports_the_fifth_split_and_the_handles_apart():
    result = run_evaluation("--split", "dev-fifth", "--misses", "2")
    assert "== development split, fifth" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 95%: met)" in result.stdout and "(target < 0.5%: met)" in result.stdout
    assert "handles holding a listed word as a part, apart: flagged" in result.stdout


def test_the_sixth_split_puts_leetspeak_first_and_judges_handles():
    cases = sixth_writer.evasions()
    assert len(cases) == 3000 and {len(case["categories"]) for case in cases} == {1, 2, 3}
    assert sum("leet" in case["categories"] for case in cases) >= 0.6 * len(cases)
    assert "fapping" in sixth_writer.WORDS and "fap" in sixth_writer.WORDS
    assert len(sixth_writer.clean()) == 5100  # 1,500 tags, 1,500 codes, 2,000 prose, 100 collisions
    handles = sixth_writer.handle_parts()
    assert len(handles) == 150 and {remove for _text, _word, remove in handles} == {True, False}


def test_the_evaluation_script_reports_the_sixth_split():
    result = run_evaluation("--split", "dev-sixth")
    assert "== development split, sixth" in result.stdout and "held-out" not in result.stdout
    assert "(target >= 99%: met)" in result.stdout and "(target >= 95%: met)" in result.stdout
    assert "(target < 0.5%: met)" in result.stdout
