"""Areas (GB/T 2260) and agency names bound to their area."""
import pytest

from kg.lexicon.agencies import parse_agency
from kg.lexicon.areas import gazetteer

gaz = gazetteer()


def test_every_area_has_a_parent_chain_to_the_nation():
    for ref in gaz.by_code.values():
        chain = gaz.chain(ref.code)
        assert chain[-1].code == "CN", ref


@pytest.mark.parametrize("name,context,code", [
    ("威海市", None, "371000"),
    ("威海", None, "371000"),
    ("环翠区", None, "371002"),
    ("广西", None, "450000"),
    ("朝阳区", "220000", "220104"),     # 长春 in a Jilin text
    ("朝阳区", "110000", "110105"),     # Beijing
    ("吉林", "220000", "220000"),
    # an autonomous prefecture by its short name and 州 (恩施州民政局, 楚雄州人民政府, 延边州 in
    # the Jilin seed), the short name before its nationalities, however many (黔东南苗族侗族自治州)
    ("恩施州", None, "422800"),
    ("楚雄州", None, "532300"),
    ("延边州", None, "222400"),
    ("黔东南州", None, "522600"),
    ("黔东南", None, "522600"),
    ("西双版纳", None, "532800"),
    ("伊犁州", None, "654000"),
    # an autonomous county by its short name and 县, as its organs sign
    # (石林县民政局: 云南 政协 reply; 金平县民政局: 云南 提案 reply)
    ("石林县", None, "530126"),
    ("金平县", None, "532530"),
    ("鄂温克旗", None, "150724"),
    # the forms no rule makes (area_customary_names.tsv)
    ("克州", None, "653000"),
])
def test_resolve_name(name, context, code):
    ref = gaz.resolve_name(name, gaz.get(context) if context else None)
    assert ref is not None and ref.code == code


@pytest.mark.parametrize("name", ["朝阳区", "鼓楼区", "吉林",
                                  # an autonomous county's short name is often a word (互助, 通道): no 县 form
                                  "互助县", "通道县", "黔东", "西双"])
def test_homonyms_without_context_are_not_guessed(name):
    assert gaz.resolve_name(name) is None


@pytest.mark.parametrize("text,named", [
    # a short name with its own ending stands for the area (石林县 for 石林彝族自治县; 金平县) …
    ("石林县民政局关于对政协石林县第十一届委员会第三次会议第24号提案的答复", ["石林彝族自治县"]),
    ("金平县民政局关于对政协金平县十一届四次会议第15号提案的答复", ["金平苗族瑶族傣族自治县"]),
    # … but not with another level's ending: 会同 (jointly with) before 市… is no 会同县
    # (广德 教体局's reply, wild HX022: 会同市交管大队, 会同市自然资源规划部门)
    ("并会同市交管大队加强对该校区门口广溧路区域及周边的管理", []),
    ("同时要求邱村镇政府会同市自然资源规划部门,充分论证调研人民路校区", []),
])
def test_a_short_name_takes_only_its_own_ending(text, named):
    assert [a.name for a in gazetteer().named_in_full(text)] == named


@pytest.mark.parametrize("written,full", [
    # the league's and the party's committees by their common short opening, the area inside
    # (石嘴山 团市委's 命名 decision; 中共乌兰察布市委); 共青团中央 as the league's centre signs
    ("共青团石嘴山市委员会", "中国共产主义青年团石嘴山市委员会"),
    ("中共威海市委员会", "中国共产党威海市委员会"),
    ("共青团中央", "中国共产主义青年团中央委员会"),
])
def test_a_name_with_its_area_inside_by_its_short_opening(written, full):
    found = parse_agency(written)
    assert (found.name if found else None) == full


@pytest.mark.parametrize("written,context,full", [
    # courts and procuratorates sign beside governments (鹤岗 市政府 and 中院's 府院联动 notice) and stand
    # in responsibility lists; each level has its own: 最高, 高级, 中级, a county's 人民法院
    ("鹤岗市中级人民法院", None, "鹤岗市中级人民法院"),
    ("市中院", "230400", "鹤岗市中级人民法院"),
    ("黑龙江省高级人民法院", None, "黑龙江省高级人民法院"),
    ("区检察院", "370105", "济南市天桥区人民检察院"),
    ("最高人民法院", None, "最高人民法院"),
])
def test_courts_and_procuratorates(written, context, full):
    found = parse_agency(written, gaz.get(context) if context else None)
    assert (found.name if found else None) == full
    assert found.parent is None      # no government holds them


def test_municipality_is_province_level():
    assert gaz.get("500000").level == "province"


AGENCIES = [
    # written name, context area, full name, area code
    ("威海市环翠区人民政府办公室", None, "威海市环翠区人民政府办公室", "371002"),
    ("区民政局", "371002", "威海市环翠区民政局", "371002"),
    ("市民政局", "371000", "威海市民政局", "371000"),
    ("市民政局", "500000", "重庆市民政局", "500000"),
    ("吉林省民政厅", None, "吉林省民政厅", "220000"),
    ("重庆市医疗保障局", None, "重庆市医疗保障局", "500000"),
    ("市卫生健康委", "371000", "威海市卫生健康委员会", "371000"),
    ("省政府", "370000", "山东省人民政府", "370000"),
    ("民政部", None, "民政部", "CN"),
    ("国务院办公厅", None, "国务院办公厅", "CN"),
    ("税务总局", None, "国家税务总局", "CN"),
    ("中共温州市委", None, "中国共产党温州市委员会", "330300"),
    # the party's short name before the full name (发文机关标志 中共乌兰察布市委员会; 达川 signature)
    ("中共乌兰察布市委员会", None, "中国共产党乌兰察布市委员会", "150900"),
    ("中共达州市达川区委员会", None, "中国共产党达州市达川区委员会", "511703"),
    ("市政协", "371000", "中国人民政治协商会议威海市委员会", "371000"),
    # the committee on ageing (老龄委, 安庆 notice and 贵州 news) is not its office (老龄办, 安徽 news)
    ("安庆市老龄工作委员会", None, "安庆市老龄工作委员会", "340800"),
    ("省老龄委", "520000", "贵州省老龄工作委员会", "520000"),
    ("省老龄办", "340000", "安徽省老龄工作委员会办公室", "340000"),
    ("全国老龄办", None, "全国老龄工作委员会办公室", "CN"),
    # the local financial administration of the 2023 reform (辽宁 joint signature, 沈阳 addressees)
    ("辽宁省地方金融管理局", None, "辽宁省地方金融管理局", "210000"),
    ("市地方金融管理局", "210100", "沈阳市地方金融管理局", "210100"),
    # an autonomous prefecture's organs as they sign (克州民政局: 新疆 portal's 发文单位; 恩施州民政局 cited
    # in a 恩施 公示; 楚雄州人民政府 cited by 元谋)
    ("克州民政局", None, "克孜勒苏柯尔克孜自治州民政局", "653000"),
    ("恩施州民政局", None, "恩施土家族苗族自治州民政局", "422800"),
    ("楚雄州人民政府", None, "楚雄彝族自治州人民政府", "532300"),
    # a legislature's or a CPPCC committee's term inside its name: one organ over its terms (甘肃's 批准
    # decision on 兰州's 条例; 甘肃 政协提案委员会's report)
    ("甘肃省第十四届人民代表大会常务委员会", None, "甘肃省人民代表大会常务委员会", "620000"),
    ("中国人民政治协商会议甘肃省第十三届委员会提案委员会", None, "中国人民政治协商会议甘肃省委员会提案委员会", "620000"),
]


@pytest.mark.parametrize("written,context,full,code", AGENCIES)
def test_parse_agency(written, context, full, code):
    found = parse_agency(written, gaz.get(context) if context else None)
    assert (found.name, found.area.code) == (full, code)


@pytest.mark.parametrize("written,context,full", [
    # the central organs' standard short names on a national page (民函〔2019〕61号's signature
    # 民政部 发展改革委 / 财政部 中国残联; 国家卫生健康委 … 医保局 in 国卫老龄发 joint documents)
    ("发展改革委", "CN", "国家发展和改革委员会"),
    ("卫生健康委", "CN", "国家卫生健康委员会"),
    ("医保局", "CN", "国家医疗保障局"),
    # below the nation they are local organs whose prefix a list passes on (省民政厅、发展改革委)
    ("发展改革委", "371000", None),
    ("医保局", "220000", None),
    # a local organ's form is no central organ anywhere
    ("民政局", "CN", None),
    ("财政局", "CN", None),
])
def test_a_central_organ_s_standard_short_name(written, context, full):
    found = parse_agency(written, gaz.get(context))
    assert (found.name if found else None) == full


@pytest.mark.parametrize("written,full,town,parent", [
    # a township's party committee signs beside or instead of its government (达川 渡市镇 and
    # 鹿城 南郊乡 signatures)
    ("中共达州市达川区渡市镇委员会", "中国共产党达州市达川区渡市镇委员会", "渡市镇", "中国共产党达州市达川区委员会"),
    ("中共温州市鹿城区南郊乡委员会", "中国共产党温州市鹿城区南郊乡委员会", "南郊乡", "中国共产党温州市鹿城区委员会"),
    ("温州市鹿城区南郊乡人民政府", "温州市鹿城区南郊乡人民政府", "南郊乡", "温州市鹿城区人民政府"),
    # a street's office written as its district government's agency (铜梁 旧县街道's 政务公开 catalogue)
    ("重庆市铜梁区人民政府旧县街道办事处", "重庆市铜梁区旧县街道办事处", "旧县街道", "重庆市铜梁区人民政府"),
    # a street whose name opens with a county's short name (集贤里街道 of 北辰区; 集贤县 is in 黑龙江)
    ("集贤里街道办事处", "天津市北辰区集贤里街道办事处", "集贤里街道", "天津市北辰区人民政府"),
])
def test_a_townships_organs(written, full, town, parent):
    from kg.lexicon.agencies import parse_issuer
    found = parse_issuer(written)
    assert (found.name, found.area.name, found.area.level, found.parent.name) == (full, town, "township", parent)


@pytest.mark.parametrize("written", ["城乡建设委员会", "市住房和城乡建设委员会"])
def test_a_committee_of_town_and_country_is_no_townships(written):
    from kg.lexicon.agencies import parse_township_organ
    assert parse_township_organ(written, gaz.get("371000")) is None


def test_level_prefix_without_context_is_not_guessed():
    assert parse_agency("区民政局") is None
