#!/usr/bin/env python3
"""Checks questions_dev.json and questions_heldout.json (standard library only).

Checks:
  * both files load and list the same articles; every article file exists
    (looked up in ./articles/, then /work/main/seeds/);
  * every evidence string occurs verbatim (exactly once) in its article's text
    before the trailer marker line "Trending on Hotair Video", lies within one
    sentence and is 4-20 words long;
  * answerable questions have >= 1 evidence string, unanswerable ones none;
  * follow-ups have a non-empty conversation, other questions an empty one;
  * ids are unique, well formed and use the article's prefix;
  * no question (conversation + question, normalised) is repeated, in or across halves;
  * category counts: >= 150 questions, >= 45 per article, every category present
    in every article, each category's share within 5 points of its target;
  * the halves are balanced: per article x category they differ by at most 1;
  * paraphrase questions share no content word with the sentence(s) holding
    their evidence.
Prints counts per article x category for each half. Exit status 1 on failure.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["questions_dev.json", "questions_heldout.json"]
SEARCH_DIRS = [os.path.join(HERE, "articles"), "/work/main/seeds"]
MARKER = "Trending on Hotair Video"
CATEGORIES = ["direct", "paraphrase", "misspelt", "casual", "followup",
              "update", "unanswerable"]
TARGET = {"paraphrase": .20, "misspelt": .15, "casual": .15, "followup": .10,
          "update": .10, "unanswerable": .20, "direct": .10}
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been
being do does did done have has had it its it's this that these those there here what whats
what's who whos who's whom which when where why how so up out about into than then too very
can could would should will won't wont just any all some more most much many no not yes i me my
we us our you your he him his she her they them their theirs one ones get got gonna like per
is'nt isnt did'nt didnt yet now again also only ok lol""".split())

errors = []


def err(msg):
    errors.append(msg)


def article_text(fname):
    for d in SEARCH_DIRS:
        p = os.path.join(d, fname)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                raw = f.read()
            lines = raw.split("\n")
            cut = [i for i, l in enumerate(lines) if l.strip() == MARKER]
            if not cut:
                err("%s: no trailer marker" % fname)
                return raw
            return "\n".join(lines[:cut[0]])
    err("article file not found: %s" % fname)
    return ""


BOUNDARY = re.compile(r"[.!?…][\"”’)]*\s+(?=[A-Z“\"‘])|\n")


def sentences(text):
    out, start = [], 0
    for m in BOUNDARY.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def words(s):
    s = s.lower().replace("’", "'")
    toks = re.findall(r"[a-z0-9][a-z0-9'\-]*", s)
    res = set()
    for t in toks:
        t = re.sub(r"'(s|re|ll|d|ve|t)$", "", t).strip("'")
        if t in STOP or not t:
            continue
        if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        res.add(t)
    return res - STOP


def norm_q(r):
    return " | ".join([re.sub(r"\W+", " ", x.lower()).strip()
                       for x in r["conversation"] + [r["question"]]])


def main():
    data = {}
    for fn in FILES:
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            data[fn] = json.load(f)
    arts = data[FILES[0]]["articles"]
    for fn in FILES[1:]:
        if data[fn]["articles"] != arts:
            err("%s: articles differ from %s" % (fn, FILES[0]))
    texts = {a: article_text(f) for a, f in arts.items()}
    prefixes = {}
    ids, seen_q = set(), {}
    counts = {fn: Counter() for fn in FILES}
    total = Counter()
    for fn in FILES:
        for r in data[fn]["questions"]:
            rid, a, cat = r.get("id"), r.get("article"), r.get("category")
            if set(r) != {"id", "article", "category", "conversation", "question", "evidence"}:
                err("%s: unexpected keys %s" % (rid, sorted(r)))
            if rid in ids:
                err("duplicate id %s" % rid)
            ids.add(rid)
            if a not in arts:
                err("%s: unknown article %s" % (rid, a))
                continue
            m = re.fullmatch(r"([a-z]+)-(\d{3})", rid or "")
            if not m:
                err("bad id %r" % rid)
            else:
                if prefixes.setdefault(a, m.group(1)) != m.group(1):
                    err("%s: prefix differs from other %s ids" % (rid, a))
            if cat not in CATEGORIES:
                err("%s: bad category %s" % (rid, cat))
            counts[fn][(a, cat)] += 1
            total[(a, cat)] += 1
            key = (a, norm_q(r))
            if key in seen_q:
                err("%s repeats question of %s: %r" % (rid, seen_q[key], r["question"]))
            seen_q[key] = rid
            if not r["question"].strip():
                err("%s: empty question" % rid)
            conv = r["conversation"]
            if cat == "followup" and not conv:
                err("%s: follow-up without conversation" % rid)
            if cat != "followup" and conv:
                err("%s: conversation on a non-follow-up" % rid)
            ev = r["evidence"]
            if cat == "unanswerable":
                if ev:
                    err("%s: unanswerable with evidence" % rid)
                continue
            if not ev:
                err("%s: answerable without evidence" % rid)
            text = texts[a]
            sents = sentences(text)
            for e in ev:
                n = text.count(e)
                if n == 0:
                    err("%s: evidence not in article text: %r" % (rid, e))
                    continue
                if n > 1:
                    err("%s: evidence occurs %d times (not distinctive): %r" % (rid, n, e))
                nw = len(e.split())
                if not 4 <= nw <= 20:
                    err("%s: evidence has %d words: %r" % (rid, nw, e))
                pos = text.index(e)
                inside = [s for s in sents if s[0] <= pos and pos + len(e) <= s[1]]
                if not inside:
                    err("%s: evidence spans a sentence boundary: %r" % (rid, e))
                elif cat == "paraphrase":
                    sent = text[inside[0][0]:inside[0][1]]
                    shared = words(r["question"]) & words(sent)
                    if shared:
                        err("%s: paraphrase shares %s with %r" % (rid, sorted(shared), sent[:70]))
    # the two halves must not share a question
    # (already covered by seen_q across both files)
    # counts
    arts_list = list(arts)
    grand = sum(total.values())
    if grand < 150:
        err("only %d questions (< 150)" % grand)
    for a in arts_list:
        n = sum(total[(a, c)] for c in CATEGORIES)
        if n < 45:
            err("%s: only %d questions (< 45)" % (a, n))
        for c in CATEGORIES:
            if total[(a, c)] == 0:
                err("%s: no %s questions" % (a, c))
            d = counts[FILES[0]][(a, c)] - counts[FILES[1]][(a, c)]
            if abs(d) > 1:
                err("%s/%s: halves unbalanced (%+d)" % (a, c, d))
    for c in CATEGORIES:
        share = sum(total[(a, c)] for a in arts_list) / grand if grand else 0
        if abs(share - TARGET[c]) > .05:
            err("category %s share %.1f%% vs target %.0f%%" % (c, 100 * share, 100 * TARGET[c]))
    # report
    short = {"direct": "dir", "paraphrase": "para", "misspelt": "missp", "casual": "casual",
             "followup": "follow", "update": "update", "unanswerable": "unans"}
    for fn in FILES + ["TOTAL"]:
        cnt = total if fn == "TOTAL" else counts[fn]
        print("\n== %s ==" % fn)
        print("%-28s" % "article" + "".join("%8s" % short[c] for c in CATEGORIES) + "%8s" % "all")
        for a in arts_list:
            row = [cnt[(a, c)] for c in CATEGORIES]
            print("%-28s" % a + "".join("%8d" % x for x in row) + "%8d" % sum(row))
        col = [sum(cnt[(a, c)] for a in arts_list) for c in CATEGORIES]
        print("%-28s" % "all" + "".join("%8d" % x for x in col) + "%8d" % sum(col))
    print()
    if errors:
        for e in errors:
            print("FAIL:", e)
        print("\n%d problem(s)" % len(errors))
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
