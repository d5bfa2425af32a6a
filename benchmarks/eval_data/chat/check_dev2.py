#!/usr/bin/env python3
"""Validate questions_dev2.json against the article files (standard library only).

Checks:
  * every article file listed exists and has a title line, an Exit question
    and the article body can be delimited;
  * every evidence string occurs verbatim in its article body, i.e. after the
    title line and before the trailing site boilerplate (the body ends with the
    last paragraph starting "Update:" or, if there is none, "Exit question:");
  * ids are unique; categories come from the allowed list;
  * unanswerable questions have no evidence, answerable ones have some;
  * followups have a non-empty conversation;
Then prints counts per article x category.
"""
import json
import os
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = ["direct", "paraphrase", "misspelt", "casual", "followup",
              "update", "deep", "unanswerable"]


def article_body(text):
    """Return the article text between the title line and the boilerplate."""
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    rest = "\n".join(lines[1:])
    paras = [p.strip() for p in rest.split("\n\n") if p.strip()]
    last = None
    for i, p in enumerate(paras):
        if p.startswith("Update:") or p.startswith("Exit question:"):
            last = i
    if last is None:
        return None, paras
    if not any(p.startswith("Exit question:") for p in paras[:last + 1]):
        return None, paras
    return "\n\n".join(paras[:last + 1]), paras


def main():
    path = os.path.join(HERE, "questions_dev2.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    errors = []
    info = []

    bodies = {}
    for slug, fname in data["articles"].items():
        fpath = os.path.join(HERE, "articles", fname)
        if not os.path.exists(fpath):
            errors.append("article file missing: %s" % fpath)
            continue
        with open(fpath, encoding="utf-8") as f:
            body, paras = article_body(f.read())
        if body is None:
            errors.append("%s: cannot find Exit question / Update paragraphs" % slug)
            continue
        bodies[slug] = body

    seen = set()
    counts = Counter()
    for q in data["questions"]:
        qid = q.get("id")
        where = "question %s" % qid
        for key in ("id", "article", "category", "conversation", "question", "evidence"):
            if key not in q:
                errors.append("%s: missing key %r" % (where, key))
        if qid in seen:
            errors.append("%s: duplicate id" % where)
        seen.add(qid)
        cat = q.get("category")
        if cat not in CATEGORIES:
            errors.append("%s: bad category %r" % (where, cat))
        art = q.get("article")
        if art not in data["articles"]:
            errors.append("%s: unknown article %r" % (where, art))
            continue
        if not isinstance(q.get("question"), str) or not q["question"].strip():
            errors.append("%s: empty question" % where)
        conv = q.get("conversation")
        if not isinstance(conv, list) or not all(isinstance(c, str) and c.strip() for c in conv):
            errors.append("%s: conversation must be a list of non-empty strings" % where)
        elif cat == "followup" and not conv:
            errors.append("%s: followup without conversation" % where)
        ev = q.get("evidence")
        if not isinstance(ev, list):
            errors.append("%s: evidence must be a list" % where)
            ev = []
        if cat == "unanswerable":
            if ev:
                errors.append("%s: unanswerable question has evidence" % where)
        else:
            if not ev:
                errors.append("%s: answerable question without evidence" % where)
        body = bodies.get(art)
        for e in ev:
            if body is not None and e not in body:
                errors.append("%s: evidence not found verbatim in %s: %r" % (where, art, e))
            n = len(e.split())
            if n < 3 or n > 30:
                errors.append("%s: evidence length %d words out of range: %r" % (where, n, e))
            elif n < 5 or n > 25:
                info.append("%s: evidence of %d words (outside 5-25): %r" % (where, n, e))
        counts[(art, cat)] += 1

    # print table
    arts = list(data["articles"].keys())
    w = max(len(a) for a in arts + ["article"])
    header = "%-*s" % (w, "article") + "".join("%13s" % c for c in CATEGORIES) + "%8s" % "total"
    print(header)
    for a in arts:
        row = [counts[(a, c)] for c in CATEGORIES]
        print("%-*s" % (w, a) + "".join("%13d" % n for n in row) + "%8d" % sum(row))
    tot = [sum(counts[(a, c)] for a in arts) for c in CATEGORIES]
    print("%-*s" % (w, "TOTAL") + "".join("%13d" % n for n in tot) + "%8d" % sum(tot))

    for line in info:
        print("note:", line)
    if errors:
        print("\n%d error(s):" % len(errors))
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("\nOK: %d questions, %d articles, all checks passed." % (len(data["questions"]), len(arts)))


if __name__ == "__main__":
    main()
