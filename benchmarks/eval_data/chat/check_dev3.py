#!/usr/bin/env python3
"""Validate a question set written apart from the code against the articles: questions_dev3.json
(the third development set) by default, or the file named on the command line (questions_dev4.json,
questions_heldout2.json: the later writers' sets, in the same shape).

Checks (errors make the script exit 1):
  * every article file exists, has a title, an `Exit question:` paragraph,
    2-3 `Update` paragraphs and page furniture after the last update;
  * every evidence string occurs verbatim in its article's BODY (the text
    between the title line and the page furniture), is at least 5 words long,
    and does not come from the exit question paragraph;
  * ids unique, categories valid, article slugs known;
  * unanswerable questions have no evidence, all others have some;
  * followups have a non-empty conversation; other categories have none;
  * update questions are answered inside an Update paragraph, and every
    non-update question has at least one evidence string outside the updates.
Warnings (printed, not fatal): evidence occurring more than once in the body,
deep evidence that starts its paragraph or sits in a short paragraph.
Finally prints counts per article x category.
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["direct", "paraphrase", "misspelt", "casual", "followup",
        "update", "deep", "unanswerable"]
UPDATE_RE = re.compile(r"^Update( \([^)]*\))?:")

def load_article(path):
    text = open(path, encoding="utf-8").read()
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip())]
    title = paras[0].split("\n")[0]
    rest = paras[0].split("\n", 1)[1:] + paras[1:]
    rest = [p for p in rest if p.strip()]
    upd_idx = [i for i, p in enumerate(rest) if UPDATE_RE.match(p)]
    exit_idx = [i for i, p in enumerate(rest) if p.startswith("Exit question:")]
    last = upd_idx[-1] if upd_idx else (exit_idx[-1] if exit_idx else len(rest) - 2)
    body = rest[:last + 1]
    furniture = rest[last + 1:]
    return title, body, furniture, exit_idx, upd_idx

def main():
    errors, warnings = [], []
    name = sys.argv[1] if len(sys.argv) > 1 else "questions_dev3.json"
    data = json.load(open(os.path.join(HERE, name), encoding="utf-8"))
    arts = {}
    for slug, fn in data["articles"].items():
        path = os.path.join(HERE, "articles", fn)
        if not os.path.exists(path):
            errors.append(f"{slug}: missing file {path}"); continue
        title, body, furn, exit_idx, upd_idx = load_article(path)
        if len(exit_idx) != 1:
            errors.append(f"{slug}: expected one Exit question paragraph, got {len(exit_idx)}")
        if not 2 <= len(upd_idx) <= 3:
            errors.append(f"{slug}: expected 2-3 Update paragraphs, got {len(upd_idx)}")
        if not furn:
            errors.append(f"{slug}: no page furniture after the last update")
        words = sum(len(p.split()) for p in body)
        arts[slug] = dict(body=body, exit=set(exit_idx), upd=set(upd_idx),
                          text="\n\n".join(body), words=words, title=title)

    ids = Counter(q["id"] for q in data["questions"])
    for i, n in ids.items():
        if n > 1: errors.append(f"duplicate id {i} ({n}x)")

    table = {s: Counter() for s in arts}
    for q in data["questions"]:
        qid = q.get("id", "?")
        for k in ("id", "article", "category", "conversation", "question", "evidence"):
            if k not in q: errors.append(f"{qid}: missing key {k}")
        cat, slug, ev = q.get("category"), q.get("article"), q.get("evidence", [])
        if cat not in CATS: errors.append(f"{qid}: bad category {cat!r}")
        if slug not in arts: errors.append(f"{qid}: unknown article {slug!r}"); continue
        table[slug][cat] += 1
        if not q.get("question", "").strip(): errors.append(f"{qid}: empty question")
        conv = q.get("conversation", [])
        if not isinstance(conv, list): errors.append(f"{qid}: conversation must be a list")
        if cat == "followup" and not conv: errors.append(f"{qid}: followup without conversation")
        if cat != "followup" and conv: errors.append(f"{qid}: conversation on non-followup")
        if cat == "unanswerable":
            if ev: errors.append(f"{qid}: unanswerable has evidence")
            continue
        if not ev: errors.append(f"{qid}: {cat} question without evidence"); continue
        a = arts[slug]
        in_update, outside_update = False, False
        for e in ev:
            if len(e.split()) < 5: errors.append(f"{qid}: evidence under 5 words: {e!r}")
            n = a["text"].count(e)
            if n == 0:
                errors.append(f"{qid}: evidence not in body: {e!r}"); continue
            if n > 1: warnings.append(f"{qid}: evidence occurs {n}x: {e!r}")
            paras = [i for i, p in enumerate(a["body"]) if e in p]
            if any(i in a["exit"] for i in paras):
                errors.append(f"{qid}: evidence taken from the exit question")
            if any(i in a["upd"] for i in paras): in_update = True
            if any(i not in a["upd"] for i in paras): outside_update = True
            if cat == "deep" and paras:
                p = a["body"][paras[0]]
                if p.startswith(e) or len(p.split()) < 80:
                    warnings.append(f"{qid}: deep evidence at paragraph start or in short paragraph")
        if cat == "update" and (not in_update or outside_update):
            errors.append(f"{qid}: update question must be answered only by Update paragraphs")
        if cat != "update" and not outside_update and not errors[-1:] == [f"{qid}: evidence not in body"]:
            warnings.append(f"{qid}: {cat} question answered only by an Update paragraph")

    for w in warnings: print("WARN ", w)
    for e in errors: print("ERROR", e)

    w = max(len(s) for s in table) + 2
    print("\n" + "article".ljust(w) + "".join(c[:6].rjust(8) for c in CATS) + "   total  words")
    tot = Counter()
    for s, c in table.items():
        tot.update(c)
        print(s.ljust(w) + "".join(str(c[k]).rjust(8) for k in CATS)
              + str(sum(c.values())).rjust(8) + str(arts[s]["words"]).rjust(7))
    print("TOTAL".ljust(w) + "".join(str(tot[k]).rjust(8) for k in CATS)
          + str(sum(tot.values())).rjust(8))
    print("\nFAIL" if errors else "\nOK", f"({len(errors)} errors, {len(warnings)} warnings)")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
