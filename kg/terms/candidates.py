"""``kg terms``: frequent corpus words that no dictionary holds yet, so that a
user can grow the dictionaries (service models, programmes, organs)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.read.cleaning import clean
from kg.read.loading import load_corpus
from kg.datafiles import read_lines, read_tsv
from kg.terms.segment import segment, tokenizer, user_words

MIN_LENGTH = 2
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# nouns, proper nouns, verbal nouns and set phrases: the parts of speech that
# dictionary entries (service models, programmes, bodies) are made of
TERM_POS = tuple(r["value"] for r in read_tsv("term_candidates.tsv") if r["kind"] == "pos")
# words a compound does not start with: verbs and quantifiers of policy prose
GENERIC_HEADS = {r["value"] for r in read_tsv("term_candidates.tsv") if r["kind"] == "generic_head"}


@dataclass(frozen=True)
class Candidate:
    term: str
    documents: int
    count: int
    score: float
    example: str


def candidate_terms(corpus_dir, top: int = 40, min_documents: int = 1) -> list[Candidate]:
    """Keywords (jieba TF-IDF over the project tokenizer, nouns only) ranked
    by summed score, leaving out every word the dictionaries already hold and
    the generic words of ``generic_terms.txt``."""
    from jieba.analyse.tfidf import TFIDF

    tfidf = TFIDF()
    tfidf.tokenizer = tokenizer()
    tfidf.postokenizer.tokenizer = tokenizer()
    known = set(user_words()) | set(read_lines("generic_terms.txt"))
    sources, _ = load_corpus(corpus_dir)
    scores: dict[str, float] = defaultdict(float)
    docs: Counter = Counter()
    counts: Counter = Counter()
    examples: dict[str, str] = {}
    compounds: Counter = Counter()
    compound_docs: dict[str, set] = defaultdict(set)
    compound_scores: dict[str, float] = defaultdict(float)
    for source in sources:
        doc = clean(source)
        words = [t for t in segment(doc) if t.kind == "word"]
        for token in words:
            counts[token.text] += 1
        text = "".join(t.text for t in words)
        for word, weight in tfidf.extract_tags(text, topK=60, withWeight=True, allowPOS=TERM_POS):
            if len(word) < MIN_LENGTH or not HAN.match(word) or word in known or any(word in k for k in known):
                continue
            scores[word] += weight
            docs[word] += 1
            if word not in examples:
                first = next((t for t in words if t.text == word), None)
                if first is not None:
                    sentence = doc.sentence_of(first.span)
                    examples[word] = " ".join(doc.text[sentence.start:sentence.end].split())[:80]
        _count_compounds(doc, words, known, compounds, compound_docs, examples,
                         _scorer(tfidf, len(words), compound_scores))
    # recurring compounds of two or three words first (护理型床位, 社区养老服务站),
    # then single keywords by TF-IDF
    kept = {w: n for w, n in compounds.items() if n >= 2 and len(compound_docs[w]) >= min_documents}
    # 服务工作 inside 养老服务工作 as often: only the longer one is a candidate
    kept = {w: n for w, n in kept.items() if not any(w != o and w in o and kept[o] >= n for o in kept)}
    out = [Candidate(w, len(compound_docs[w]), n, round(compound_scores[w], 4), examples.get(w, ""))
           for w, n in sorted(kept.items(), key=lambda kv: (-len(compound_docs[kv[0]]), -kv[1], kv[0]))]
    ranked = sorted((w for w in scores if docs[w] >= min_documents), key=lambda w: (-scores[w], w))
    out += [Candidate(w, docs[w], counts[w], round(scores[w], 4), examples.get(w, "")) for w in ranked]
    return out[:top]


def _scorer(tfidf, words_in_doc: int, scores: dict[str, float]):
    """Adds one occurrence of a compound to its summed TF-IDF, on the scale
    of the single keywords: its frequency in the document times the mean IDF
    of its words (jieba's IDF table, the median for a word it lacks)."""
    def add(text: str, parts: list[str]) -> None:
        idf = sum(tfidf.idf_freq.get(p, tfidf.median_idf) for p in parts) / len(parts)
        scores[text] += idf / max(words_in_doc, 1)
    return add


def _count_compounds(doc, words, known, compounds: Counter, compound_docs, examples, score) -> None:
    for n in (2, 3):
        for i in range(len(words) - n + 1):
            run = words[i:i + n]
            if any(run[j + 1].span.start != run[j].span.end for j in range(n - 1)):
                continue
            text = "".join(t.text for t in run)
            if not HAN.match(text) or not 4 <= len(text) <= 8 or any(len(t.text) < 2 for t in run):
                continue
            if text in known or any(text in k for k in known) or any(t.text in GENERIC_HEADS for t in run[:1]):
                continue
            compounds[text] += 1
            compound_docs[text].add(doc.relative_path)
            score(text, [t.text for t in run])
            if text not in examples:
                sentence = doc.sentence_of(run[0].span)
                examples[text] = " ".join(doc.text[sentence.start:sentence.end].split())[:80]
