"""Property-based tests (hypothesis): the number normaliser, the title finder
and the reader under random noise, mixed brackets and widths, and truncation.
No crash; round trips hold."""
from __future__ import annotations

import codecs

from hypothesis import given, settings, strategies as st

from kg.lexicon.folding import fold
from kg.lexicon.docnumber import DocNumber, find_numbers, normalise
from kg.lexicon.issuers import find_code_start
from kg.read.loading import TruncatedUTF8, UnreadableFile, decode, normalise_line_ends
from kg.lexicon.titles import display_title, find_titles

OPENS, CLOSES = "〔[［(（【", "〕]］)）】"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CODES = st.sampled_from(["国办发", "国发", "民发", "鲁政办发", "威环政办发", "渝府办发", "吉民议字", "温委发"])
CJK_TEXT = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=12)
NOISE = st.text(alphabet=st.sampled_from(list("，。、；：“”（）《》〔〕 \n\t0123456789０１２abc号第年") +
                                        [chr(c) for c in range(0x4E00, 0x4E40)]), max_size=60)


@st.composite
def written_numbers(draw):
    """A number as people write it: any bracket pair, either digit width,
    stray spaces, leading zeros, an optional 第."""
    code, year, seq = draw(CODES), draw(st.integers(1990, 2029)), draw(st.integers(1, 9999))
    i = draw(st.integers(0, len(OPENS) - 1))
    j = draw(st.integers(0, len(CLOSES) - 1))
    space = st.sampled_from(["", " ", "\u3000", "  "])
    digits = str(year), "0" * draw(st.integers(0, 2)) + str(seq)
    if draw(st.booleans()):
        digits = tuple(d.translate(FULL_WIDTH) for d in digits)
    text = (code + draw(space) + OPENS[i] + draw(space) + digits[0] + draw(space) + CLOSES[j] + draw(space)
            + ("第" if draw(st.booleans()) else "") + digits[1] + draw(space) + "号")
    return text, DocNumber(code, year, seq)


@given(written_numbers())
def test_every_written_variant_normalises_to_one_key(case):
    text, expected = case
    assert DocNumber.parse(text) == expected
    key = normalise(text)
    assert key == str(expected) and normalise(key) == key          # idempotent


@given(st.integers(1990, 2029), st.integers(1, 99999))
def test_announcement_numbers_round_trip(year, seq):
    number = DocNumber(None, year, seq)
    assert DocNumber.parse(str(number)) == number


@given(NOISE)
def test_parse_noise_raises_value_error_or_parses(text):
    try:
        number = DocNumber.parse(text)
    except ValueError:
        return
    assert normalise(str(number)) == str(number)


@given(NOISE, written_numbers(), NOISE)
def test_a_number_in_noise_is_found_where_it_stands(before, case, after):
    text, expected = case
    view = fold(before + "，" + text + "。" + after)
    found = [m for m in find_numbers(view, find_code_start) if m.number == expected]
    assert found, view
    for m in found:
        assert DocNumber.parse(view[m.span.start:m.span.end]) == expected


@given(NOISE, CJK_TEXT, NOISE)
def test_titles_are_found_with_their_spans(before, title, after):
    view = before.replace("《", "").replace("》", "") + "《" + title + "》" + after.replace("《", "")
    matches = list(find_titles(view))
    assert any(m.title == title for m in matches)
    for m in matches:
        assert view[m.span.start] == "《" and view[m.span.end - 1] == "》"
        assert display_title(view[m.inner.start:m.inner.end]) == m.title


@given(NOISE)
def test_title_finder_never_crashes_on_noise(text):
    for m in find_titles(text):
        assert 0 <= m.span.start < m.span.end <= len(text)


TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)


@given(TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_reader_round_trips_every_encoding(text, encoding):
    data = text.encode(encoding)
    if encoding == "gb18030":
        try:
            data.decode("utf-8")
            return    # bytes that are also valid UTF-8 are read as UTF-8, by design
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":
                return    # ... and bytes that are also UTF-8 cut inside its last character are read as that cut text
    decoded, found = decode(data)
    if found == "big5":     # bytes that are also Big5, and read as Big5 into common characters, are Big5, by design
        assert decoded == data.decode("cp950")
        return
    assert decoded == text


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_reader_never_crashes_and_never_returns_nul(data):
    try:
        text, _ = decode(data)
    except (UnreadableFile, TruncatedUTF8):
        return
    assert "\x00" not in text


@given(TEXTS.filter(lambda t: any(ord(c) > 127 for c in t)), st.integers(1, 3))
def test_truncated_utf8_keeps_the_text_before_the_cut(text, cut):
    data = text.encode("utf-8")
    truncated = data[:-cut]
    try:
        decoded, _ = decode(truncated)
        assert text.startswith(decoded)          # the cut fell between characters
    except TruncatedUTF8 as exc:
        assert text.startswith(exc.text) and len(exc.text) >= len(text) - cut
    except UnreadableFile:
        pass


@given(TEXTS)
def test_line_end_normalisation_leaves_no_carriage_return(text):
    out = normalise_line_ends(text)
    assert "\r" not in out and out.count("\n") <= text.count("\n") + text.count("\r")
    assert codecs.decode(codecs.encode(out, "utf-8"), "utf-8") == out
