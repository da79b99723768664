"""Reading files: encodings, line ends, portal residue."""
import codecs
from pathlib import Path

import pytest

from kg.lexicon.folding import fold
from kg.read.loading import UnreadableFile, decode, read_source

TEXT = "关于进一步推进养老服务高质量发展的\r\n实施意见\r\n威环政办发〔2022〕2号\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),
])
def test_decode(data, encoding):
    text, found = decode(data)
    assert (text, found) == (TEXT, encoding)


WILD_PAGES = Path(__file__).parent / "data" / "wild" / "pages"


def _wild_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(WILD_PAGES.glob("*.txt"))]


def test_big5_text_is_read_as_big5_and_gb18030_stays_gb18030():
    """Mirror copies in traditional script, encoded as Big5, come back as
    written (GB18030 read them as gibberish of rare characters); every page
    of the wild set encoded as GB18030 is still read as GB18030 (#34)."""
    texts = _wild_texts()
    traditional = []
    for text in texts:
        try:
            data = text.encode("cp950")
        except UnicodeEncodeError:      # a character Big5 has no code for
            continue
        if data.decode("cp950") != text:
            continue                    # one Big5 folds into another (• is written as ‧)
        if text.encode("utf-8") != data and sum(c in "國發關區縣會議與為這們個" for c in text) >= 20:
            traditional.append((text, data))
    assert len(traditional) >= 5
    for text, data in traditional:
        assert decode(data) == (text, "big5")
    for text in texts:
        try:
            data = text.encode("gb18030")
        except UnicodeEncodeError:
            continue
        assert decode(data) == (text, "utf-8" if data == text.encode("utf-8") else "gb18030")


def test_a_big5_file_is_built_with_its_number(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "廣西壯族自治區人民政府辦公廳關於推進養老服務發展的實施意見\n桂政辦發〔2020〕5號\n各市、縣人民政府：\n為貫徹落實國務院辦公廳文件精神，現提出以下意見。\n"
    (corpus / "a.txt").write_bytes(text.encode("big5"))
    source = read_source(corpus / "a.txt", corpus)
    assert source.encoding == "big5" and source.text == text


def test_line_ends_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    source = read_source(path, tmp_path)
    assert "\r" not in source.text and source.text.count("\n") == 3


def test_binary_is_refused():
    with pytest.raises(UnreadableFile):
        decode(b"\x00\x01\x02\xff\xfe\xfd" * 10)


def test_fold_keeps_length():
    text = "国办发〔２０１９〕５号　㈠⑴（一）"
    assert len(fold(text)) == len(text) and fold(text).startswith("国办发〔2019〕5号 ")


def test_portal_block_is_metadata_not_body(seed_extractions):
    doc = seed_extractions["004_bf979cae9d091433.txt"].document
    fields = {f.field: f.value for f in doc.portal}
    assert fields["number"] == "渝民函〔2020〕245号"
    assert fields["issuer"] == "市民政局"
    assert fields["date_document"] == "2020-12-01"
    for f in doc.portal:
        assert doc.text[f.span.start:f.span.end] == f.value
    assert not any("索引号" in doc.text[s.start:s.end] for s in doc.sentences)
