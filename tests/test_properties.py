"""Property tests: segmentation is lossless, locking is invertible, reruns never lose human work."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from l10n import catalog as po
from l10n.article import Article, Block, BlockKind
from l10n.errors import CatalogMismatchError
from l10n.glossary import load_glossary, lock, restore
from l10n.segment import segment_article, split_sentences

from tests.conftest import REPO

GLOSSARY = load_glossary(REPO / "glossary" / "terms.toml")
CJK = "日本北海道千歲工廠晶片半導體政府投資台灣韓國の新たな"
PUNCTUATION = "。！？，、；：「」『』（）《》“”.,!?:;()/ \u3000"
text_strategy = st.text(alphabet=st.sampled_from(list(CJK + "AZaz09.5" + PUNCTUATION)), max_size=120)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_segmentation_is_lossless(text):
    sentences = split_sentences(text)
    assert "".join(sentences) == text
    assert all(sentence.strip() for sentence in sentences[:-1])


terms = st.sampled_from(sorted(GLOSSARY.forms))
pieces = st.lists(st.one_of(terms, text_strategy), max_size=8)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_lock_then_restore_is_the_identity_when_the_engine_echoes(parts):
    text = "".join(parts)
    matches = GLOSSARY.find(text)
    locked = lock(text, matches)
    restored = restore(locked, locked.text, [match.text for match in matches])
    assert restored.problems == ()
    # Lock separates a placeholder from a touching Latin letter, digit or
    # placeholder with one space, so the model sees two tokens.
    assert restored.text.replace(" ", "") == text.replace(" ", "")
    touching = any(
        (m.start > 0 and text[m.start - 1].isascii() and text[m.start - 1].isalnum())
        or (m.end < len(text) and text[m.end].isascii() and text[m.end].isalnum())
        or any(other.end == m.start for other in matches)
        for m in matches
    )
    if not touching:
        assert restored.text == text


SENTENCES = [f"第{n}句講{word}。" for n, word in enumerate("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")]
operations = st.lists(
    st.tuples(st.sampled_from(["edit", "insert", "delete", "review", "fuzzy edit", "plural", "editor save",
                               "new model", "rerun"]),
              st.integers(0, 1000)),
    min_size=1, max_size=12,
)


def segments_of(sentences):
    article = Article(tuple(Block(BlockKind.PARAGRAPH, s) for s in sentences), "zh-Hant")
    return segment_article(article)


class Run:
    """`l10n translate` over one catalog, with an engine that drafts 'MT<model>(...)'."""

    def __init__(self):
        self.model = 1
        self.machine: dict[tuple[str, str], str] = {}  # the drafts catalog: last machine draft per sentence

    def __call__(self, catalog, sentences, *, editor=lambda catalog: None):
        segments = segments_of(sentences)
        data = str(catalog).encode("utf-8") if catalog is not None else None
        old = po.parse_catalog(data, Path("t.po")) if data is not None else None
        drafts = {s.id: po.Draft(f"MT{self.model}({s.source})", "test:echo") for s in segments}
        if old is not None:
            # an editor saves while MT runs: the run merges again against their save
            editor(old)
            old = po.parse_catalog(str(old).encode("utf-8"), Path("t.po"))
        header = po.new_catalog("en", name="t", created="2026-01-01 00:00+0000",
                                signature=po.Signature("zh-Hant", "test", "test"))
        merged, _ = po.assemble(old, segments, drafts, {s.id: () for s in segments}, machine=self.machine,
                                header=header, reference="t.txt")
        self.machine = {(s.id, s.source): drafts[s.id].text for s in segments}
        return po.parse_catalog(str(merged).encode("utf-8"), Path("t.po"))  # through the file, strictly


def texts_in(catalog):
    found = set()
    for entry in catalog:
        found.add(entry.msgstr)
        found.update(entry.msgstr_plural.values())
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_reruns_never_lose_or_alter_human_work(ops):
    sentences = list(SENTENCES[:6])
    spare = iter(SENTENCES[6:])
    rerun = Run()
    catalog = rerun(None, sentences)
    reviews: dict[tuple[str, str], str] = {}  # (id, sentence) → reviewed text, as the reviewer saved it
    human: set[str] = set()  # every text a person wrote: reviewed, fuzzy or a plural form
    for number, (op, pick) in enumerate(ops):
        editor = lambda catalog: None  # noqa: E731
        if op == "edit" and sentences:
            i = pick % len(sentences)
            sentences[i] = sentences[i].replace("。", f"，改{number}。")
        elif op == "insert":
            sentence = next(spare, None)
            assume(sentence is not None)
            sentences.insert(pick % (len(sentences) + 1), sentence)
        elif op == "delete" and sentences:
            del sentences[pick % len(sentences)]
        elif op == "new model":
            rerun.model += 1
        elif op in ("review", "fuzzy edit", "plural", "editor save"):
            def edit(catalog, op=op, pick=pick, number=number):
                active = [e for e in catalog if not e.obsolete and not e.msgid_plural]
                if not active:
                    return
                entry = active[pick % len(active)]
                human.discard(entry.msgstr)  # a person may replace their own work
                reviews.pop((entry.msgctxt, entry.msgid), None)
                if op == "fuzzy edit":  # changed, left as "needs work"
                    entry.msgstr = f"draft by a person {number}: {entry.msgid}"
                elif op == "plural":
                    entry.msgid_plural = entry.msgid + "們"
                    entry.msgstr, entry.flags = "", []
                    entry.msgstr_plural = {0: f"one {number}", 1: f"many {number}"}
                    human.update(entry.msgstr_plural.values())
                    return
                else:
                    entry.msgstr, entry.flags = f"reviewed {number}: {entry.msgid}", []
                    reviews[entry.msgctxt, entry.msgid] = entry.msgstr
                human.add(entry.msgstr)

            if op == "editor save":
                editor = edit
            else:
                edit(catalog)
        try:
            catalog = rerun(catalog, sentences, editor=editor)
        except CatalogMismatchError:
            continue  # a refused rerun writes nothing; the catalog on disk is unchanged
        assert human <= texts_in(catalog), f"human work lost after {op}"
        current = {(s.id, s.source) for s in segments_of(sentences)}
        for (segment_id, sentence), text in reviews.items():
            kept = [e for e in catalog if e.msgid == sentence and e.msgstr == text and not e.fuzzy]
            if (segment_id, sentence) in current:
                assert any(not e.obsolete and e.msgctxt == segment_id for e in kept), f"{segment_id} after {op}"
