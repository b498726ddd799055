"""Chinese words, names and their Latin spelling (stages/chinese.py), and what the entity stage makes of
them. The sentences are written for these tests in the style of Chinese wire copy."""

from __future__ import annotations

from storyline.models import Article
from storyline.stages import chinese
from storyline.stages.entities import find_mentions, split_sentences
from storyline.stages.romanise import romanise


def _names(sentence: str) -> list[tuple[str, str]]:
    return [(name.surface, name.kind) for name in chinese.names(sentence)]


def test_chinese_names_joins_the_pieces_of_a_transcribed_name() -> None:
    # jieba's dictionary cuts Rubio into 鲁 + 比奥 and Guterres into 古 + 特雷斯
    assert ("鲁比奥", "person") in _names("美国国务卿鲁比奥将与俄罗斯外长会谈。")
    assert ("古特雷斯", "person") in _names("联合国秘书长古特雷斯表示关注。")


def test_chinese_names_reads_a_full_name_written_with_a_middle_dot_as_one_person() -> None:
    assert ("弗拉基米尔·普京", "person") in _names("俄罗斯总统弗拉基米尔·普京周四发表讲话。")


def test_chinese_names_a_title_before_a_name_makes_it_a_person() -> None:
    # jieba's dictionary tags 普京 (Putin) a place; after "总统" (president) it is a person
    assert ("普京", "person") in _names("美国总统与俄罗斯总统普京通了电话。")


def test_chinese_names_a_name_cut_after_a_title_is_joined_and_found_whole_where_it_is_cut_again() -> None:
    # jieba cuts Orbán (欧尔班) into 欧尔, tagged a place's name, and 班 (a class): after "总理" (prime
    # minister) the pieces are one person; where the article writes it again without a title ("欧尔班说"),
    # the piece the article writes only inside that name is the person too, not a place "欧尔"
    assert ("欧尔班", "person") in _names("匈牙利总理欧尔班对此表示欢迎。")
    text = "匈牙利总理欧尔班对此表示欢迎。欧尔班说，匈牙利已做好准备。"
    mentions = find_mentions(Article(id="a", text=text, language="zh"))
    assert [(m.surface, m.kind, m.count) for m in mentions if "欧尔" in m.surface] == [("欧尔班", "person", 2)]
    # without a title, its pieces before a word of speech are the person; a known place's are not joined
    assert ("欧尔班", "person") in _names("欧尔班说，匈牙利已做好准备。")
    assert ("巴西", "place") in _names("巴西说，它已做好准备。")


def test_chinese_names_a_place_glued_to_a_title_is_the_place_and_the_name_after_it_a_person() -> None:
    names = _names("德国总理默克尔访问上海。")
    assert ("德国", "place") in names and ("默克尔", "person") in names and ("上海", "place") in names
    assert all("总理" not in surface for surface, _kind in names)


def test_chinese_names_a_name_jieba_knows_before_a_word_of_speech_is_a_person() -> None:
    # 拜登 (Biden) is a two-character word of jieba's dictionary: alone it may be a common word, before
    # "表示" (said) it is a name; 李强 (Li Qiang) is a real person's name in its dictionary ("nrfg")
    assert ("拜登", "person") in _names("拜登表示，美国将继续援助。")
    assert ("李强", "person") in _names("李强出席了开幕式。")


def test_chinese_names_a_transcribed_name_before_its_spokesman_or_fighters_is_a_group() -> None:
    assert ("哈马斯", "org") in _names("哈马斯发言人表示将继续谈判。")  # Hamas's spokesman
    assert ("胡塞", "org") in _names("也门胡塞武装袭击了商船。")  # the Houthi forces
    assert ("特朗普", "person") in _names("特朗普政府宣布新关税。")  # the Trump administration: a person's


def test_chinese_names_a_conjunction_jieba_glues_to_a_name_stays_apart() -> None:
    # jieba cuts "普京和泽连斯基" (Putin and Zelensky) as 普京 / 和泽 / 连斯基
    names = _names("特朗普与弗拉基米尔·普京和泽连斯基通话。")
    assert ("弗拉基米尔·普京", "person") in names and ("泽连斯基", "person") in names


def _places(sentence: str) -> list[tuple[str, str | None]]:
    return [(name.surface, name.place.id if name.place else None) for name in chinese.names(sentence)]


def test_chinese_names_reads_countries_short_names_in_pairs_sides_and_visits() -> None:
    assert _places("中美关系和俄乌冲突。") == [("中", "iso:CN"), ("美", "iso:US"), ("俄", "iso:RU"), ("乌", "iso:UA")]
    assert _places("中日韩三国外长会晤。") == [("中", "iso:CN"), ("日", "iso:JP"), ("韩", "iso:KR")]
    assert _places("中方表示坚决反对。") == [("中", "iso:CN")]  # the Chinese side
    assert _places("克林顿访华前夕。") == [("克林顿", None), ("华", "iso:CN")]  # on the eve of Clinton's visit to China
    assert ("欧", "org:EU") in _places("中欧峰会在布鲁塞尔举行。")


def test_chinese_names_leaves_the_same_characters_where_they_name_nothing() -> None:
    assert _places("这是完美方案。") == []  # 完美 (perfect) + 方案 (plan): no US side
    assert _places("其中方面很多。") == []  # 其中 (among them) + 方面 (aspect)
    assert _places("他们集中美国的资源。") == [("美国", "iso:US")]  # 集中 (gather) + 美国: no China-US
    assert _places("16日方才宣布。") == []  # on the 16th, only then: no Japanese side
    assert _places("来日方长。") == []  # an idiom: days to come


def test_chinese_names_types_known_places_whatever_jieba_tags_them() -> None:
    # 乌克兰 (Ukraine) is tagged a person's name by jieba's dictionary
    found = {name.surface: name for name in chinese.names("乌克兰总统当天在华盛顿会面，江苏省代表团也在场。")}
    assert found["乌克兰"].kind == "place" and found["乌克兰"].place is not None
    assert found["乌克兰"].place.id == "iso:UA"
    assert found["江苏省"].place is not None and found["江苏省"].place.name == "Jiangsu"


def test_chinese_names_leaves_common_words_the_dictionary_tags_as_names() -> None:
    # 文明 (civilisation), 友谊 (friendship), 城市 (city), 今天上午 (this morning): tagged names by jieba
    assert _names("今天上午，我们要保护城市的文明和友谊。") == []


def test_chinese_names_an_organisation_noun_after_a_name_and_agencies() -> None:
    names = _names("据路透社报道，阿里巴巴集团和中国外交部发表声明。")
    assert ("路透社", "org") in names and ("阿里巴巴集团", "org") in names and ("中国外交部", "org") in names


def test_chinese_in_latin_spells_people_as_english_news_does() -> None:
    assert chinese.in_latin("王毅", person=True) == "Wang Yi"
    assert chinese.in_latin("欧阳娜娜", person=True) == "Ouyang Nana"  # a family name of two characters
    assert chinese.in_latin("普京", person=True) == "Pujing"  # transcribed: no Mr Pu
    assert chinese.in_latin("鲁比奥", person=True) == "Lubiao"
    assert chinese.in_latin("弗拉基米尔·普京", person=True) == "Fulajimier Pujing"
    assert chinese.in_latin("中国外交部") == "Zhongguo Waijiaobu"
    assert chinese.in_latin("重庆") == "Chongqing"  # the phrase's reading, not zhong
    assert romanise("王毅", "zh", person=True) == "Wang Yi"


def test_chinese_spaced_words_and_back() -> None:
    spaced = chinese.spaced_words("中国外交部发言人毛宁表示")
    assert spaced.split() == ["中国外交部", "发言人", "毛宁", "表示"]
    assert chinese.unspaced("中国外交部 [发言人] 毛宁") == "中国外交部[发言人]毛宁"
    assert chinese.unspaced("总统 [泽] [连斯基] 17 日 访问 iPhone 15") == "总统[泽连斯基]17日访问 iPhone 15"
    assert set(chinese.word_parts("中国外交部发言人").split()) >= {"外交部", "中国"}


def test_split_sentences_ends_chinese_sentences_at_full_width_stops() -> None:
    text = "特朗普周四表示，他与普京通了电话。两人同意会晤！“我们会谈。”他说。"
    assert split_sentences(text, "zh") == [
        "特朗普周四表示，他与普京通了电话。",
        "两人同意会晤！",
        "“我们会谈。”",
        "他说。",
    ]


def test_find_mentions_of_a_chinese_article_link_places_and_agencies_across_languages() -> None:
    text = "据新华社报道，美国总统特朗普周四在布达佩斯与俄罗斯总统普京会晤。特朗普表示会谈顺利。"
    mentions = {mention.surface: mention for mention in find_mentions(Article(id="zh", text=text, language="zh"))}
    assert mentions["美国"].key == "iso:US" and mentions["布达佩斯"].lemma == "Budapest"
    assert mentions["新华社"].lemma == "Xinhua" and mentions["新华社"].kind == "org"
    assert mentions["特朗普"].kind == "person" and mentions["特朗普"].count == 2
    assert mentions["普京"].kind == "person"


def test_find_mentions_of_chinese_institutions_and_agencies_share_the_keys_of_other_languages() -> None:
    chinese_text = "据路透社和法新社报道，白宫和克里姆林宫表示关注。"
    english_text = "Reuters and AFP reported that the White House and the Kremlin were concerned."
    keys = {m.surface: m.key for m in find_mentions(Article(id="zh", text=chinese_text, language="zh"))}
    english = {m.surface: m.key for m in find_mentions(Article(id="en", text=english_text, language="en"))}
    assert keys["路透社"] == english["Reuters"] and keys["法新社"] == english["AFP"]
    assert keys["白宫"] == english["White House"] == "inst:white-house"
    assert keys["克里姆林宫"] == english["Kremlin"]


def test_chinese_traditional_characters_are_read_as_simplified_and_given_as_written() -> None:
    found = {name.surface: name for name in chinese.names("美國總統週四表示，烏克蘭總統澤倫斯基在華盛頓會面。")}
    assert found["美國"].place is not None and found["美國"].place.id == "iso:US"
    assert found["烏克蘭"].plain == "乌克兰" and found["烏克蘭"].kind == "place"
    assert found["澤倫斯基"].kind == "person"
    assert chinese.spaced_words("美國總統表示").split() == ["美國", "總統", "表示"]
    assert "美国" in chinese.word_parts("美國總統表示").split()  # a query in simplified characters finds it


def test_chinese_sources_are_the_names_that_publish_or_speak() -> None:
    from storyline.stages.attribution import find_outlets, find_sources
    from storyline.stages.keys import last_word_key

    sentence = "据路透社报道，美国总统特朗普周四表示，他与普京通了电话，新华社报道称。"
    assert find_sources(sentence, "zh") == ["路透社", "特朗普", "新华社"]
    assert find_outlets(sentence, "zh") == ["路透社", "新华社"]
    # a source is matched with the article's entities by the key the entity stage gives the name
    assert last_word_key("弗拉基米尔·普京") == last_word_key("普京") == "普京"
    assert last_word_key("澤倫斯基") == "泽伦斯基"
    # a wire service's credit line: its name, a place and a date, then 电 (dispatch)
    assert find_outlets("新华社华盛顿10月16日电 美国总统特朗普16日表示", "zh") == ["新华社"]
    assert find_sources("新华社华盛顿10月16日电 美国总统特朗普16日表示", "zh") == ["新华社", "特朗普"]


def test_find_mentions_of_a_chinese_article_reads_latin_names_apart_from_the_characters_beside_them() -> None:
    text = "据CNN报道，OpenAI首席执行官表示，NASA和SpaceX将合作。"
    surfaces = {m.surface for m in find_mentions(Article(id="zh", text=text, language="zh"))}
    assert {"CNN", "OpenAI", "NASA", "SpaceX"} <= surfaces
    assert not any(chinese.has_han(surface) and not chinese.has_han(surface[:1]) for surface in surfaces)


def test_a_chinese_name_glossed_in_latin_script_is_the_name_other_languages_write() -> None:
    text = "英国首相斯塔默（Keir Starmer）周四表示，他将访问美国。斯塔默周五表示欢迎。"
    chinese_mentions = find_mentions(Article(id="zh", text=text, language="zh"))
    english = find_mentions(Article(id="en", text="Prime Minister Keir Starmer spoke.", language="en"))
    starmer = next(m for m in english if m.surface == "Keir Starmer")
    glossed = [m for m in chinese_mentions if m.key == starmer.key]
    # one entity for the name, glossed or not, written as the article writes it, spelled as the gloss
    assert len(glossed) == 1 and glossed[0].count == 3 and glossed[0].given == starmer.given
    assert glossed[0].surface == "斯塔默" and glossed[0].lemma == "Keir Starmer" and glossed[0].kind == "person"
    assert not any(m.key == "斯塔默" for m in chinese_mentions)


def test_a_statement_naming_a_glossed_chinese_name_without_its_gloss_carries_the_glossed_key() -> None:
    import datetime as dt

    from storyline.stages.entities import extract_entities
    from storyline.stages.statements import find_statements

    text = "英国首相斯塔默（Keir Starmer）周四表示将访问美国。斯塔默周五表示欢迎。"
    article = extract_entities([Article(id="zh", text=text, language="zh", published=dt.date(2025, 10, 16))])
    statements = find_statements(article)[0].statements
    key = next(m.key for m in article[0].entities if m.surface == "斯塔默")
    welcome = next(s for s in statements if s.text.startswith("斯塔默周五"))
    assert key in welcome.entity_keys and welcome.sources == ("Keir Starmer",)


def test_chinese_latin_keys_read_a_transcribed_name_back_as_its_latin_spellings_may_be_keyed() -> None:
    from storyline.stages.keys import name_key

    for written, latin in [
        ("特朗普", "Trump"),
        ("泽连斯基", "Zelensky"),
        ("拉夫罗夫", "Lavrov"),
        ("斯塔默", "Starmer"),
    ]:
        assert name_key(latin) in chinese.latin_keys(written), written
    assert name_key("Zelensky") in chinese.latin_keys("澤連斯基")  # traditional characters
    assert chinese.latin_keys("唐纳德·特朗普") == chinese.latin_keys("特朗普") != frozenset()  # by its last part
    assert name_key("Jinping") in chinese.latin_keys("习近平")  # a Chinese name: its given name in pinyin
    assert chinese.latin_keys("国务院") == frozenset()  # the State Council is no one's name
    assert all(len(key) >= chinese.MIN_LATIN_KEY for key in chinese.latin_keys("鲁比奥"))


def test_chinese_outlets_are_keyed_as_their_english_names_are() -> None:
    chinese_text = "据环球时报报道，央视和财新也报道了。"  # 财新 (Caixin) is an adjective to jieba
    english_text = "The Global Times reported it, and CCTV too."
    chinese_keys = {m.surface: m.key for m in find_mentions(Article(id="zh", text=chinese_text, language="zh"))}
    english = {m.surface: m.key for m in find_mentions(Article(id="en", text=english_text, language="en"))}
    assert chinese_keys["环球时报"] == english["Global Times"] and chinese_keys["央视"] == english["CCTV"]
    assert "财新" in chinese_keys
