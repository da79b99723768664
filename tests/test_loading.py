"""Reading files: encodings, line ends, portal residue."""
import codecs

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
