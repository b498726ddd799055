"""Chinese: its words, the names among them, and their Latin spelling. A helper of the entities stage
and of search: Chinese writes no spaces between words and has no capital letters, so neither the word
pattern of the other languages nor the capitalised runs see anything in it.

- **Words**: jieba's segmentation (``rjieba``, the jieba-rs port, its dictionary in the wheel).
- **Traditional characters** (Taiwan's and Hong Kong's news) are read as simplified ones, converted
  character for character by OpenCC (``simplified``): the dictionary, the gazetteer's Chinese names and
  the tables here are in those. What is found is given as the article wrote it.
- **Names**: jieba's part-of-speech tags for names (``nr``, ``nrfg`` and ``nrt`` a person's, ``ns`` a
  place's, ``nt`` an organisation's), corrected where its dictionary, older than today's news, goes
  wrong:

  - a foreign name it cuts into pieces ("鲁" + "比奥" for Rubio, "埃" + "尔多" + "安" for Erdoğan) is
    one name: pieces next to a person's name that are made only of the characters Chinese transcribes
    foreign names with (``TRANSCRIPTION``) join it, and so do the parts of a full name written with a
    middle dot ("弗拉基米尔·普京");
  - a place the gazetteer knows is a place, whatever the tag (乌克兰, Ukraine, is tagged a person's
    name);
  - a name after a person's title ("总统普京", President Putin) is a person's, and a "name" that ends
    in a title ("德国总理", the German chancellor) is the place before the title;
  - a name followed by the noun of an organisation ("阿里巴巴" + "集团") is the organisation, and a
    news agency's name is one's wherever it stands ("路透社", Reuters: ``agencies``);
  - its dictionary tags many common words as names (文明, civilisation; 城市, city): a person's name
    must look like one (``_person_shaped``) and so must a place's the gazetteer does not know
    (``_place_shaped``).
- **Latin spelling**: Hanyu Pinyin (``pypinyin``, whose phrase dictionary reads 重庆 as Chongqing),
  each word capitalised; a person's name of two to four characters that opens with a family name
  (Faker's Chinese locales list them) has the family name apart from the given name ("Wang Yi"), a
  transcribed foreign name is one word per part ("Fulajimier Pujing").
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.stages.agencies import is_agency, is_chinese_agency
from storyline.stages.gazetteer import Place, find_place
from storyline.stages.institutions import find_institution, may_open_institution
from storyline.stages.keys import HAN_RANGES

HAN = re.compile(rf"[{HAN_RANGES}\U00020000-\U0002ebef]")
NAME_DOTS = "·•‧・∙"
WORDS_CUT_APART = frozenset({"zh"})  # languages whose articles are searched by their words cut apart
_HAN_OR_MARK = rf"[{HAN_RANGES}\u3000-\u303f\uff00-\uffef\[\]]"
# a space ``spaced_words`` put between two Chinese characters, marks, or a number and a character ("17 日")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<={_HAN_OR_MARK}) (?={_HAN_OR_MARK}|\d)|(?<=\d) (?={_HAN_OR_MARK})")
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
REAL_PERSON_TAG = "nrfg"  # the tag jieba's dictionary gives the names of real people (李强, Li Qiang)
TAG_KINDS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}
MIN_NAME_CHARACTERS = 2  # one character alone is a name's piece or a word
MAX_PIECE = 3  # characters of a piece of a transcribed name that joins the name next to it
MAX_GIVEN_NAME = 2  # characters of a Chinese given name (Wang Yi, Xi Jinping)
# The characters Chinese transcribes foreign names with (Xinhua's transcription tables use a few
# hundred; these are the ones that open, fill and close most names in the news), less those that are
# also function words ("比", than; "因", because; "加", to add; "万", ten thousand), so that a piece
# made only of them is a name's piece, not the word before or after the name.
TRANSCRIPTION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本彼毕宾波伯博布查达戴丹道德登迪蒂丁杜敦多厄恩菲费芬丰冯弗福富"
    "盖冈戈格根古瓜哈汉豪赫亨洪胡霍基吉贾杰捷金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里丽利莉"
    "连列林琳龙卢鲁伦罗洛吕马玛迈麦曼梅蒙米密摩莫默姆穆纳娜奈瑙内尼涅纽努诺欧帕潘佩蓬皮珀普奇契恰乔"
    "切丘萨塞桑瑟森沙莎舍施舒斯松苏索塔泰坦汤唐特滕提图托瓦娃旺威韦维温沃乌伍希锡谢辛休雅亚扬耶"
    "伊尤约扎泽詹兹茨尔夫逊翰黛妮奥肖顿西延热津南若隆佛朔"
)
# A person's titles and roles, written before the name ("总统普京") or glued after a place ("德国总理")
PERSON_TITLES = frozenset([
    "总统", "总理", "首相", "主席", "部长", "外长", "国务卿", "发言人", "大使", "议长", "议员", "书记", "市长", "州长",
    "省长", "国王", "王储", "女王", "总裁", "董事长", "主任", "秘书长", "司令", "将军", "教授", "记者", "先生", "女士",
])  # fmt: skip
# The nouns that end an organisation's name after the name it is of ("阿里巴巴集团", "华为公司")
ORGANISATION_HEADS = frozenset([
    "集团", "公司", "银行", "大学", "委员会", "基金会", "协会", "组织", "联盟", "电视台", "通讯社",
])  # fmt: skip
# The words after a group's name that say it is one (its spokesman, fighters, leaders, members, regime):
# "哈马斯发言人", Hamas's spokesman; "胡塞武装", the Houthi forces; "塔利班政权", the Taliban's regime
GROUP_WORDS = ("发言人", "武装", "领导人", "领导层", "高层", "成员", "政权", "组织")
# The nouns that end the name of a place ("河北省", a province; "海南岛", an island)
PLACE_ENDINGS = frozenset("省市县区镇乡村州岛湾河江湖山峰港")
# Countries' one-character short names (``_abbreviated_countries``) and the names they stand for; 巴
# (Pakistan, Palestine, Brazil) and 伊 (Iran, Iraq) stand for more than one, and 土 (Türkiye) is earth
# ("土方", earthwork). 澳 after 港 is Macao.
ABBREVIATED = {
    "中": "中国", "华": "中国", "美": "美国", "俄": "俄罗斯", "日": "日本", "韩": "韩国", "朝": "朝鲜", "英": "英国",
    "法": "法国", "德": "德国", "意": "意大利", "加": "加拿大", "澳": "澳大利亚", "印": "印度", "乌": "乌克兰",
    "欧": "欧盟", "以": "以色列", "越": "越南", "泰": "泰国", "菲": "菲律宾", "蒙": "蒙古",
    "叙": "叙利亚", "沙": "沙特", "埃": "埃及", "台": "台湾", "港": "香港", "荷": "荷兰",
}  # fmt: skip
MAX_ABBREVIATIONS = 4
NUMERALS = frozenset("〇零一二三四五六七八九十百千两")
# the words after countries' short names that make them countries: their relations, talks and wars
RELATIONS = (
    "关系", "两国", "三国", "四国", "双方", "三方", "冲突", "战争", "峰会", "会谈", "会晤", "对话", "谈判", "贸易",
    "经贸", "同盟", "联盟", "边境", "合作", "元首", "首脑", "外长", "防长", "友好", "建交", "争端", "协议", "联合",
    "领导人", "间", "之间", "交往", "军事", "竞争", "对抗", "和谈", "停火",
)  # fmt: skip
SIDE = "方"  # "中方", the Chinese side: a country speaking in diplomatic news
GOING = frozenset("访来在驻对赴离抵涉援旅留侵反亲返")  # to visit, come to, be in, be posted to, towards...
CONJUNCTIONS = frozenset("和与及同跟")  # "and", "with": between two names
ABBREVIATION_TAG = "j"
# tags of words that are names only where the gazetteer knows them: abbreviations (欧盟, the EU) and
# other proper nouns
LOOKED_UP_TAGS = frozenset({ABBREVIATION_TAG, "nz"})


@dataclass(frozen=True)
class ChineseName:
    """A name in a sentence: its characters' span, its written form, its kind ("person", "place",
    "org"), the place the gazetteer knows it as (None for others), and its simplified characters
    (``plain``: 普丁 for the traditional 普丁, 乌克兰 for 烏克蘭)."""

    start: int
    stop: int
    surface: str
    kind: str
    place: Place | None = None
    plain: str = ""

    @property
    def parts(self) -> list[str]:
        """The parts of a full name that middle dots separate ("弗拉基米尔·普京"), else the name; in
        simplified characters."""
        return [part for part in re.split(f"[{NAME_DOTS}]", self.plain or self.surface) if part]


@dataclass(frozen=True)
class _Token:
    """A word of a sentence with its tag; ``person``: tagged a person's name; ``piece``: it may be a piece
    of a transcribed name (made only of ``TRANSCRIPTION``'s characters); ``dot``: a middle dot."""

    start: int
    stop: int
    word: str
    tag: str
    person: bool = False
    piece: bool = False
    dot: bool = False


def _token(start: int, word: str, tag: str) -> _Token:
    piece = len(word) <= MAX_PIECE and TRANSCRIPTION.issuperset(word)
    dot = len(word) == 1 and word in NAME_DOTS
    if word in PERSON_TITLES:
        tag = "n"  # a title jieba tags a name's (王储, crown prince): "沙特" + "王储" is Saudi Arabia's
    return _Token(start, start + len(word), word, tag, tag in PERSON_TAGS, piece, dot)


def has_han(text: str) -> bool:
    """Whether a text holds a Chinese character (Han ideograph)."""
    return HAN.search(text) is not None


def words(text: str) -> list[str]:
    """The text cut into its words as written (spaces and punctuation are words of their own), cut where
    its simplified characters are (jieba's dictionary is in those)."""
    import rjieba

    out, at = [], 0
    for word in rjieba.cut(simplified(text)):
        out.append(text[at : at + len(word)])
        at += len(word)
    return out


def spaced_words(text: str) -> str:
    """The text with a space between each two of its words: what a full-text index can read (a line's
    end is kept)."""
    return " ".join("\n" if "\n" in word else word for word in words(text) if word.strip() or "\n" in word)


def word_parts(text: str) -> str:
    """The shorter words inside the text's long ones, spaced ("中国外交部", China's foreign ministry,
    holds 中国 and 外交部): a search for the ministry finds the article that names it in full. A text in
    traditional characters has its words in simplified ones here too, which a query is cut into."""
    import rjieba

    whole = set(words(text))
    parts = rjieba.cut_for_search(simplified(text))
    return " ".join(dict.fromkeys(word for word in parts if word not in whole and word.strip()))


def unspaced(text: str) -> str:
    """``spaced_words``'s spaces taken out again between Chinese characters (and a snippet's marks and
    numbers), two marked words in a row marked as one ("[泽][连斯基]"), and its lines' ends as spaces."""
    return _SPACE_BETWEEN_HAN.sub("", re.sub(r"\s*\n\s*", " ", text)).replace("][", "")


def simplified(text: str) -> str:
    """The text in simplified characters (OpenCC's conversion; Taiwan's and Hong Kong's news write
    traditional ones: 烏克蘭 is 乌克兰, Ukraine), of the same length, so that what is found in it is at the
    same place in the text; the text itself where a conversion would change its length."""
    converted = _converter().convert(text)
    return converted if len(converted) == len(text) else text


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def names(sentence: str) -> list[ChineseName]:
    """The names of one sentence, in order (see the module's notes), read in simplified characters and
    given as written."""
    plain = simplified(sentence)
    return [
        dataclasses.replace(name, surface=sentence[name.start : name.stop], plain=name.surface)
        for name in _names(plain)
    ]


def name_key(name: str) -> str:
    """The key of a person's name as written: its last part in simplified characters (弗拉基米尔·普京 and
    普京 are 普京)."""
    parts = [part for part in re.split(f"[{NAME_DOTS}]", simplified(name)) if part]
    return parts[-1] if parts else ""


# Words after a name that make it the source of what a sentence says: publishing ("X报道", X reports;
# "X援引", X, citing) and speech ("X表示", "X说", X said), after a time if one is written between them
# ("特朗普周四表示", Trump said on Thursday); "据X报道" (according to X's report) too.
_TIME = (
    r"[周週星期]{1,2}[一二三四五六日天]|今天|昨天|前天|当天|當天|日前|近日|(?:\d{1,2}月)?\d{1,2}日|[上下本][周週]"
    r"|上午|下午|晚间|晚間|早些时候|早些時候"
)
_ADVERBS = r"也|还|還|则|則|再次|又|曾|同日"
_PUBLISHING = r"报道|報道|援引|消息"
_SPEAKING = r"表示|说|說|称|稱|指出|强调|強調|宣布|透露|声称|聲稱|告诉|告訴"
_PUBLISHES_AFTER = re.compile(rf"(?:{_TIME}){{0,2}}(?:{_ADVERBS})?(?:{_PUBLISHING})")
# a wire service's credit line: its name, a place and a date, then 电 (dispatch): "新华社华盛顿10月16日电"
_DISPATCH_AFTER = re.compile(r"[^\s，。！？,.]{0,14}?[\d日]电")
_SPEAKS_AFTER = re.compile(rf"(?:{_TIME}){{0,2}}(?:{_ADVERBS})?(?:{_SPEAKING})")
ACCORDING_TO = "据據"


def sources(sentence: str, outlets_only: bool = False) -> list[str]:
    """The names a Chinese sentence gives as the source of what it says, as written, in order: those
    that publish ("据路透社报道", according to Reuters; "新华社报道"; a wire service's credit line,
    "新华社华盛顿10月16日电"), and unless ``outlets_only``, those that speak ("王毅周五表示", Wang Yi said
    on Friday)."""
    found: list[str] = []
    for name in names(sentence):
        before = sentence[name.start - 1 : name.start] if name.start else ""
        published = (
            before
            and before in ACCORDING_TO
            or _PUBLISHES_AFTER.match(sentence, name.stop) is not None
            or is_agency(name.plain)
            and _DISPATCH_AFTER.match(sentence, name.stop) is not None
        )
        spoke = not outlets_only and _SPEAKS_AFTER.match(sentence, name.stop) is not None
        if (published or spoke) and name.surface not in found:
            found.append(name.surface)
    return found


def _names(sentence: str) -> list[ChineseName]:
    tokens = _titles_apart(_dotted(_conjunctions_apart(_tokens(sentence))))
    countries = _abbreviated_countries(sentence, tokens)
    taken = {at for name in countries for at in range(name.start, name.stop)}
    named = [name for name in _tokens_named(tokens) if taken.isdisjoint(range(name.start, name.stop))]
    return sorted([*named, *countries], key=lambda name: name.start)


def _tokens_named(tokens: list[_Token]) -> list[ChineseName]:
    found: list[ChineseName] = []
    index = 0
    while index < len(tokens):
        end = _person_end(tokens, index)
        if end == index and not _may_name(tokens[index].tag) and not is_chinese_agency(tokens[index].word):
            index += 1  # a verb, an adverb, punctuation...
            continue
        if end == index:
            end = index + 1
        name, end = _name(tokens, index, end)
        if name is not None:
            found.append(name)
        index = end
    return found


def _abbreviated_countries(sentence: str, tokens: list[_Token]) -> list[ChineseName]:
    """The countries a sentence names by their one-character short names (``ABBREVIATED``): two to four
    of them before a word of their relation ("中美关系", "俄乌冲突", "中日韩三国"), one before 方, a side
    ("中方表示", China said), or one after a verb of going or being somewhere, as a word of its own
    ("访华", to visit China; "驻美" + "大使", the ambassador to the US). The characters name other things
    elsewhere (美, beautiful; 日, a day; 中, middle), so they count only in these forms, and only from
    where one of jieba's words starts ("集中" + "美国" holds no 中美)."""
    ends = {token.stop for token in tokens}
    found: list[ChineseName] = []
    done = 0  # where the last country read ends
    for token in tokens:
        at = token.start
        if at < done or token.word[0] not in ABBREVIATED and token.word[0] not in GOING:
            continue
        run = 0 if _after_number(sentence, at) else _abbreviation_run(sentence, at)
        related = run >= 2 and sentence.startswith(RELATIONS, at + run)
        if related or run >= 1 and sentence.startswith(SIDE, at + run) and at + run + 1 in ends:
            found += [_abbreviated(sentence, place) for place in range(at, at + run)]
            done = at + run
            continue
        visiting = sentence[at] in GOING and sentence[at + 1 : at + 2] in ABBREVIATED
        if visiting and at + 2 in ends and not _abbreviation_run(sentence, at + 2):
            found.append(_abbreviated(sentence, at + 1))
            done = at + 2
    return [name for name in found if name.place is not None]


def _after_number(sentence: str, at: int) -> bool:
    """Whether a number is written just before ``at`` ("16日", the 16th, is no Japan)."""
    return at > 0 and (sentence[at - 1].isdigit() or sentence[at - 1] in NUMERALS)


def _abbreviation_run(sentence: str, at: int) -> int:
    """How many short names of countries follow one another from ``at`` (at most ``MAX_ABBREVIATIONS``),
    each another country's."""
    run = 0
    while run < MAX_ABBREVIATIONS and sentence[at + run : at + run + 1] in ABBREVIATED:
        if sentence[at + run] in sentence[at : at + run]:
            break
        run += 1
    return run


def _abbreviated(sentence: str, at: int) -> ChineseName:
    character = sentence[at]
    full = "澳门" if character == "澳" and sentence[at - 1 : at] == "港" else ABBREVIATED[character]
    place = _known(full)
    return ChineseName(at, at + 1, character, place.kind if place else "place", place)


def _tokens(sentence: str) -> list[_Token]:
    import rjieba

    tokens, at = [], 0
    for word, tag in rjieba.tag(sentence):
        tokens.append(_token(at, word, tag))
        at += len(word)
    return tokens


def _conjunctions_apart(tokens: list[_Token]) -> list[_Token]:
    """A conjunction jieba glued to the first piece of the transcribed name after it ("普京" "和泽"
    "连斯基": Putin and Zelensky) as the conjunction and the piece: a word tagged a person's name that
    opens with one, whose other characters are transcription characters, before another piece."""
    out: list[_Token] = []
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        rest = token.word[1:]
        if (
            token.person
            and token.word[:1] in CONJUNCTIONS
            and rest
            and TRANSCRIPTION.issuperset(rest)
            and after is not None
            and (after.piece or after.person)
        ):
            out += [_token(token.start, token.word[0], "c"), _token(token.start + 1, rest, token.tag)]
        else:
            out.append(token)
    return out


def _dotted(tokens: list[_Token]) -> list[_Token]:
    """The parts of a full name that middle dots join ("弗拉基米尔", "·", "普京") as one person's name."""
    out: list[_Token] = []
    for token in tokens:
        if len(out) >= 2 and out[-1].dot and has_han(out[-2].word) and has_han(token.word):
            first = out[-2]
            out[-2:] = [_token(first.start, first.word + out[-1].word + token.word, "nrt")]
        else:
            out.append(token)
    return out


def _person_end(tokens: list[_Token], start: int) -> int:
    """Where a person's name that starts at ``start`` ends, its pieces joined ("鲁" + "比奥" for
    Rubio, "古" + "特雷斯" for Guterres); ``start`` itself where none starts there. A piece tagged a
    name of any kind opens one too right after a person's title ("总理" + "欧尔" + "班": Orbán, the
    first piece tagged a place's name), or where its pieces, no known place, stand before a word of
    speech ("欧尔" + "班" + "说": Orbán said)."""
    if not tokens[start].person and not tokens[start].piece:
        return start
    end = start
    if not _opens_a_name(tokens, start):
        while end < len(tokens) and tokens[end].piece and not tokens[end].person:
            end += 1  # pieces before the person's tag
        if end == len(tokens) or not tokens[end].person:
            return start
    end += 1
    while end < len(tokens) and (tokens[end].person or tokens[end].piece):
        end += 1
    return end


def _opens_a_name(tokens: list[_Token], start: int) -> bool:
    """Whether a piece tagged a name of any kind opens a person's name without a person's tag: after a
    person's title, or with the pieces after it, no known place, before a word of speech."""
    if not tokens[start].piece or tokens[start].tag not in TAG_KINDS:
        return False
    if _after_title(tokens, start):
        return True
    stop = start + 1
    while stop < len(tokens) and tokens[stop].piece and not tokens[stop].person:
        stop += 1
    surface = "".join(token.word for token in tokens[start:stop])
    return stop > start + 1 and _speaks_after(tokens, stop) and _known(surface) is None


def _name(tokens: list[_Token], start: int, end: int) -> tuple[ChineseName | None, int]:
    """The name tokens ``start`` to ``end`` write, if any, and where the next one may start: an
    organisation's noun after the name makes it the organisation's."""
    surface = "".join(token.word for token in tokens[start:end])
    at, stop = tokens[start].start, tokens[end - 1].stop
    joined = end - start > 1
    tag = "nr" if joined else tokens[start].tag  # pieces joined make a person's name (``_person_end``)
    if not _may_name(tag) and not is_chinese_agency(surface):
        return None, end  # (an outlet whatever its tag: 财新, Caixin, is an adjective to jieba)
    if is_agency(surface) or may_open_institution(surface) and find_institution([surface]) is not None:
        return ChineseName(at, stop, surface, "org"), end  # 路透社 (Reuters), 白宫 (the White House)
    named = tag in TAG_KINDS or tag in LOOKED_UP_TAGS
    if named and end < len(tokens) and tokens[end].word in ORGANISATION_HEADS:
        head = tokens[end]  # "阿里巴巴集团": the group, not a person
        return ChineseName(at, head.stop, surface + head.word, "org"), end + 1
    if len(surface) < MIN_NAME_CHARACTERS or not named:
        return None, end  # a common word may name a town too (大同, 安康): only names are looked up
    place = _known(surface)
    after_title = _after_title(tokens, start)
    if place is not None and (tag not in PERSON_TAGS or not after_title):
        return ChineseName(at, stop, surface, place.kind, place), end
    if tag in PERSON_TAGS and not after_title and end < len(tokens) and tokens[end].word.startswith(GROUP_WORDS):
        return ChineseName(at, stop, surface, "org"), end  # "哈马斯发言人": Hamas's spokesman, not a person's
    speaks = tag in PERSON_TAGS and _speaks_after(tokens, end)
    if tag in TAG_KINDS and after_title or tag in PERSON_TAGS and (joined or speaks or _person_shaped(surface, tag)):
        return ChineseName(at, stop, surface, "person"), end  # "总统普京": 普京 (Putin) tagged a place
    if tag == "ns" and _place_shaped(surface) or tag == "nt":
        return ChineseName(at, stop, surface, TAG_KINDS[tag]), end
    return None, end


def _person_shaped(name: str, tag: str) -> bool:
    """Whether a word jieba tags a person's name looks like one: a full name with middle dots, a name
    transcribed from another language (``TRANSCRIPTION``'s characters only), or a Chinese name, two to
    four characters opening with a family name. Its dictionary tags many common words as names too
    (文明, civilisation; 顾客, customer; 今天上午, this morning), most of two characters: a word of two
    that its dictionary holds with a person's tag other than ``nrfg`` (which marks real people's
    names: 李强, Li Qiang) is no name unless a title or another piece of a name is beside it. On the
    MSRA corpus's development sentences such words were names 9 times in 100 (274 shaped as Chinese
    names), 13 in 100 (84 transcription-shaped, tagged ``nrt``) and 42 in 100 (43 transcription-shaped,
    tagged ``nr``: 索尼, Sony, among them); the words of two its HMM found outside the dictionary, 55."""
    if tag != "nrfg" and len(name) == 2 and _in_dictionary(name):
        return False
    if any(dot in name for dot in NAME_DOTS) or all(character in TRANSCRIPTION for character in name):
        return True
    family = _family_name_length(name)
    return family > 0 and 1 <= len(name) - family <= MAX_GIVEN_NAME


def _place_shaped(name: str) -> bool:
    """Whether a word jieba tags a place's name that the gazetteer does not know looks like one: a name
    transcribed from another language, or one ending in a place's noun (省, a province; 县, a county;
    岛, an island...). Its dictionary tags many common words as places too (城市, city; 外国, abroad)."""
    if all(character in TRANSCRIPTION for character in name):
        return True
    return len(name) > 2 and name[-1] in PLACE_ENDINGS


def _in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary holds the word (cut without its HMM, it stays one word)."""
    return _dictionary_tag(word) != ""


def _family_name_length(name: str) -> int:
    """How many characters of the name are a family name's (欧阳: 2, 王: 1), 0 where none opens it."""
    return 2 if name[:2] in _family_names() else 1 if name[:1] in _family_names() else 0


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    """Chinese family names, of one character and of two, as Faker's Chinese locales list them."""
    from faker.providers.person.zh_CN import Provider as Mainland
    from faker.providers.person.zh_TW import Provider as Taiwan

    return frozenset([*Mainland.last_names, *Taiwan.last_names])


def _may_name(tag: str) -> bool:
    """Whether a word of this tag may be a name: a noun's (names' tags among them) or an abbreviation's."""
    return tag.startswith("n") or tag == ABBREVIATION_TAG


def _after_title(tokens: list[_Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].word in PERSON_TITLES


def _speaks_after(tokens: list[_Token], index: int) -> bool:
    """Whether the words from ``index`` on say that someone speaks ("表示", said; "周四表示", said on
    Thursday): a word its dictionary tags a person's name that stands before them is one (拜登表示,
    Biden said), as after a title."""
    return _SPEAKS_AFTER.match("".join(token.word for token in tokens[index : index + 4])) is not None


def _titles_apart(tokens: list[_Token]) -> list[_Token]:
    """A word that ends in a person's title after a place ("德国总理", the German chancellor, tagged a
    person's name) as the place and the title."""
    out: list[_Token] = []
    for token in tokens:
        if not token.person or len(token.word) <= MIN_NAME_CHARACTERS:
            out.append(token)
            continue
        title = next((title for title in PERSON_TITLES if token.word.endswith(title)), "")
        prefix = token.word[: -len(title)] if title else ""
        if len(prefix) >= MIN_NAME_CHARACTERS and _known(prefix) is not None:
            cut = token.start + len(prefix)
            out += [_token(token.start, prefix, "ns"), _token(cut, title, "n")]
        else:
            out.append(token)
    return out


def _known(name: str) -> Place | None:
    return find_place(name) if has_han(name) else None


def in_latin(name: str, person: bool = False) -> str:
    """A name in Hanyu Pinyin, as English-language news writes Chinese names: a person's family name
    apart from the given name ("王毅": Wang Yi), each part of a full foreign name one word
    ("弗拉基米尔·普京": Fulajimier Pujing) and so is a name written only in the characters names are
    transcribed with (特朗普: Telangpu), any other name word by word ("中国外交部": Zhongguo
    Waijiaobu). Letters of other scripts are kept as written."""
    parts = [part for part in re.split(f"[{NAME_DOTS}]", name) if part]
    if len(parts) > 1:
        return " ".join(_syllables(part) for part in parts)
    family = _family_name_length(name)
    if person and family and 1 <= len(name) - family <= MAX_GIVEN_NAME and not _transcribed(name, family):
        return f"{_syllables(name[:family])} {_syllables(name[family:])}"
    if person:
        return _syllables(name)
    return " ".join(_syllables(word) for word in _words_within(name))


# How Chinese writes the sounds of a foreign name, read back: the Latin sounds (``keys._sounds``'s
# alphabet, in which "g" is "h", "c" and "ch" "k", "z" and "sh" "s", "j" and "zh" silent "j") each pinyin
# initial of a transcription stands for. Xinhua's tables keep b apart from p, d from t, g from k; l is
# also r (特朗普, Trump), f also v (拉夫罗夫, Lavrov), w also v (维特科夫, Witkoff), the palatals j, q,
# x write k, g, ch and s before i (斯基, -sky).
_INITIAL_SOUNDS = {
    "b": ("b",), "p": ("p",), "m": ("m",), "f": ("f", "v"), "d": ("d", "t"), "t": ("t",), "n": ("n",),
    "l": ("l", "r"), "g": ("h",), "k": ("k",), "h": ("h", ""), "j": ("", "h", "k", "dh"), "q": ("k", "", "h", "dh"),
    "x": ("s", "h", "ks"), "zh": ("s", "", "h"), "ch": ("k", "s"), "sh": ("s",), "r": ("r", ""),
    "z": ("s", "k"), "c": ("k", "s"), "s": ("s",), "y": ("",), "w": ("v", ""), "": ("",),
}  # fmt: skip
# A syllable's nasal ending is the name's n or m (朗 for "rum" in Trump), or a written "ng"; a syllable
# without one may close on an r that English leaves unsaid (斯塔默, Starmer); 尔 (er) is an r or an l.
_CODA_SOUNDS = {"": ("", "r"), "n": ("n", "m"), "ng": ("n", "m", "nh", "")}
_ER_SOUNDS = ("ar", "al", "a")
# Characters Xinhua's tables also transcribe names with, which ``TRANSCRIPTION`` leaves out as words of
# their own (比, than; 加, to add; 因, because; 万, ten thousand): in a name of three characters or more
# that is all such characters, they are the name's sounds
READ_BACK = TRANSCRIPTION | frozenset(
    "比思加文法什齐因海廷宁彻代门黑明彭惠策万赛怀英娅佐通平芒邓丝申欣高甘朱范庞曾钦史琴赞撒农翁尚钱孔方嫩修夏歇贡缪琼陶昆"
)
MAX_SPELLINGS = 512  # spellings of one name read back: a longer name is left unread
MIN_LATIN_KEY = 3  # letters of a key read back: shorter ones ("rb", "md") meet too many other names


@lru_cache(maxsize=1 << 14)
def latin_keys(name: str) -> frozenset[str]:
    """The keys (``keys.name_key``) the Latin spelling of a person's name written in Chinese characters
    may have (simplified or not; the last part of a full name, as ``name_key`` keys it): for a foreign
    name transcribed (特朗普: "trmp" among the keys of every spelling its syllables may stand for, read
    back by ``_INITIAL_SOUNDS`` and ``_CODA_SOUNDS``), for a Chinese name its given name's in Hanyu
    Pinyin, as English news writes it ("习近平": Xi Jinping, "anpnh"). Keys shorter than
    ``MIN_LATIN_KEY`` letters are left out; so is a name that is neither."""
    from pypinyin import Style, lazy_pinyin

    from storyline.stages.keys import name_key as latin_key
    from storyline.stages.keys import sounds_key

    plain = name_key(name)  # the last part of a full name, in simplified characters
    if not plain or not all(HAN.match(character) for character in plain):
        return frozenset()
    family = _family_name_length(plain) or (1 if _dictionary_tag(plain) == REAL_PERSON_TAG else 0)
    transcribed = all(character in TRANSCRIPTION for character in plain)
    if not transcribed and len(plain) > MAX_GIVEN_NAME and all(character in READ_BACK for character in plain):
        transcribed = True  # 弗兰比 (Flamby): 比, than, is a name's piece where the whole name is one
    if not transcribed and family and 1 <= len(plain) - family <= MAX_GIVEN_NAME and not _transcribed(plain, family):
        key = latin_key(_syllables(plain[family:]))
        return frozenset({key}) if len(key) >= MIN_LATIN_KEY else frozenset()
    if not transcribed and not (len(plain) > MAX_GIVEN_NAME and _transcribed(plain, 1)):
        return frozenset()
    initials = lazy_pinyin(plain, style=Style.INITIALS, strict=False)
    finals = lazy_pinyin(plain, style=Style.FINALS, strict=False)
    syllables = [_syllable_sounds(initial, final) for initial, final in zip(initials, finals, strict=True)]
    if math.prod(len(options) for options in syllables) > MAX_SPELLINGS:
        return frozenset()
    spelled = {sounds_key("".join(parts)) for parts in itertools.product(*syllables)}
    return frozenset(key for key in spelled if len(key) >= MIN_LATIN_KEY)


def _syllable_sounds(initial: str, final: str) -> tuple[str, ...]:
    """The Latin sounds one syllable of a transcription may write (its vowel as "a": a key keeps none
    but a name's first)."""
    endings: tuple[str, ...]
    if final == "er":
        endings = _ER_SOUNDS
    else:
        coda = "ng" if final.endswith("ng") else "n" if final.endswith("n") and final != "n" else ""
        endings = tuple("a" + sound for sound in _CODA_SOUNDS[coda])
    return tuple(sorted({start + ending for start in _INITIAL_SOUNDS.get(initial, (initial,)) for ending in endings}))


def _transcribed(name: str, family: int) -> bool:
    """Whether a person's name that opens with a family name's character is a foreign name transcribed
    (普京, Putin, is no Mr Pu; 鲁比奥, Rubio, no Mr Lu): written only in ``TRANSCRIPTION``'s characters, or
    one that jieba's dictionary tags a transcribed name's or a place's, or whose given name's part it tags
    a transcribed name's (比奥)."""
    if family > 1:
        return False  # a family name of two characters (欧阳, Ouyang) is Chinese
    if all(character in TRANSCRIPTION for character in name):
        return True
    return _dictionary_tag(name) in ("nrt", "ns") or _dictionary_tag(name[family:]) == "nrt"


@lru_cache(maxsize=1 << 14)
def _dictionary_tag(word: str) -> str:
    """The tag jieba's dictionary gives a word it holds ('' for one it does not)."""
    import rjieba

    tagged = rjieba.tag(word, False)
    return tagged[0][1] if len(tagged) == 1 else ""


def _words_within(name: str) -> list[str]:
    """A name's words: at each place the longest word of jieba's dictionary shorter than the whole
    name (中国外交部: 中国, 外交部), and the characters between such words as one ("特朗普")."""
    import rjieba

    known = {word for word in rjieba.cut_all(name) if len(word) < len(name)}
    out: list[str] = []
    single = False  # whether the last word is characters no longer word covered
    at = 0
    while at < len(name):
        word = max((w for w in known if len(w) > 1 and name.startswith(w, at)), key=len, default=name[at])
        if len(word) == 1 and single:
            out[-1] += word
        else:
            out.append(word)
        single = len(word) == 1
        at += len(word)
    return [word for word in out if word.strip()]


def _syllables(word: str) -> str:
    """A word's pinyin syllables written as one word, capitalised where it holds Chinese ("Waijiaobu")."""
    from pypinyin import lazy_pinyin

    if not has_han(word):
        return word
    spelled = "".join(lazy_pinyin(word))
    return spelled[:1].upper() + spelled[1:]
