#!/usr/bin/env python3
"""Generates data/finder/pinyin.txt, the compact pinyin table the finder's search embeds.

Build-time tool only (the crate never runs Python): `pip install pypinyin`, then
    python3 scripts/gen-pinyin.py            # mall words + every venue document in data/finder/*.json
    python3 scripts/gen-pinyin.py --gb2312   # also all 3,755 GB2312 level-1 characters (about 8.7 KB brotli)
    python3 scripts/gen-pinyin.py --annotate venue.json > venue-with-pinyin.json
        # fills each place's "pinyin" field (every reading of every character) for names the table does not cover

Format of pinyin.txt: one line per toneless syllable (ü written v, as pypinyin's NORMAL style), the syllable followed
immediately by every character having that reading, in code point order: `xing行星兴型...`. A polyphonic character
appears on one line per reading (pypinyin's heteronym readings). Lines are sorted by syllable.

Characters covered: those of CORPUS below (brand names, store categories and amenity words common in Chinese malls,
written for this project), of the names in data/finder/*.json venue documents, and with --gb2312 the whole of
GB2312 level 1. pypinyin (MIT) supplies the readings.
"""
import glob
import json
import os
import sys

from pypinyin import Style, pinyin

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "finder", "pinyin.txt")

# Words a shopper types in a Chinese mall: brands (Chinese names of international and domestic chains), categories,
# amenities, floors and directions. Our own list; only its characters matter.
CORPUS = """
星巴克 瑞幸咖啡 喜茶 奈雪的茶 茶颜悦色 蜜雪冰城 一点点 古茗 书亦烧仙草 沪上阿姨 霸王茶姬 乐乐茶 茶百道 益禾堂 COCO都可
麦当劳 肯德基 必胜客 汉堡王 赛百味 达美乐 德克士 华莱士 真功夫 永和大王 吉野家 味千拉面 海底捞 西贝莜面村 外婆家
绿茶餐厅 小龙坎 太二酸菜鱼 九毛九 呷哺呷哺 凑凑火锅 鼎泰丰 点都德 陶陶居 广州酒家 南京大牌档 望湘园 费大厨 农耕记
探鱼 烤肉 日料 寿司郎 元气寿司 争鲜 和府捞面 老乡鸡 乡村基 云海肴 绿盒子 新白鹿 弄堂里 桂满陇 鹿港小镇 避风塘
面包新语 好利来 85度C 味多美 巴黎贝甜 原麦山丘 鲍师傅 泸溪河 虎头局 墨茉点心局 哈根达斯 DQ 冰雪皇后 网鱼网咖
优衣库 无印良品 飒拉 海恩斯莫里斯 盖璞 优衣 太平鸟 森马 海澜之家 江南布衣 波司登 李宁 安踏 特步 匹克 鸿星尔克 耐克
阿迪达斯 彪马 斐乐 新百伦 亚瑟士 斯凯奇 匡威 范斯 北面 始祖鸟 迪桑特 哥伦比亚 探路者 骆驼 七匹狼 利郎 雅戈尔 报喜鸟
杰克琼斯 维莎曼 歌莉娅 拉夏贝尔 欧时力 播 伊芙丽 太平洋 之禾 例外 地素 影儿 玛丝菲尔 红豆 恒源祥 鄂尔多斯 雪中飞
周大福 周生生 六福珠宝 老凤祥 老庙黄金 中国黄金 潮宏基 谢瑞麟 周六福 金至尊 卡地亚 蒂芙尼 施华洛世奇 潘多拉
丝芙兰 屈臣氏 万宁 妍丽 完美日记 花西子 百雀羚 自然堂 珀莱雅 欧莱雅 兰蔻 雅诗兰黛 资生堂 娇韵诗 悦诗风吟 植村秀
名创优品 泡泡玛特 九木杂物社 三福 酷乐潮玩 晨光 得力 西西弗书店 钟书阁 新华书店 言几又 诚品 乐高 玩具反斗城 孩子王
苹果 华为 小米 荣耀 步步高 维沃 欧珀 三星 索尼 戴森 大疆 联想 美的 格力 海尔 苏宁易购 国美电器 顺电 迪信通
永辉超市 盒马鲜生 沃尔玛 家乐福 山姆会员店 华润万家 大润发 物美 麦德龙 奥乐齐 罗森 全家 便利蜂 美宜佳 七十一
万达影城 中影 金逸影城 博纳国际影城 横店电影城 卢米埃 大地影院 耀莱成龙影城 星美 苏州 寰映 影院 电影院 影城
宜家 无印 名品 百丽 他她 天美意 思加图 达芙妮 红蜻蜓 奥康 森达 卓诗尼 哈森 千百度 斯凯奇 回力 飞跃 人本
爱婴室 好孩子 巴拉巴拉 安奈儿 小猪班纳 英氏 戴维贝拉 丽婴房 贝贝 童装 童鞋 母婴 玩具 亲子 乐园 游乐场 儿童
眼镜 宝岛眼镜 博士眼镜 精益眼镜 吴良材 依视路 美发 理发 美甲 美容 美睫 健身房 瑜伽 游泳 按摩 足疗 养生 汗蒸
银行 中国银行 工商银行 建设银行 农业银行 招商银行 交通银行 邮政储蓄 中信银行 浦发银行 兴业银行 平安银行 民生银行
服装 女装 男装 鞋包 箱包 皮具 运动 户外 珠宝 首饰 钟表 手表 化妆品 美妆 个护 家居 家纺 家电 数码 电器 手机 电脑
餐饮 美食 小吃 快餐 火锅 烧烤 咖啡 茶饮 奶茶 甜品 面包 蛋糕 西餐 中餐 粤菜 川菜 湘菜 日本料理 韩国料理 泰国菜 越南粉
超市 便利店 书店 文具 礼品 花店 药店 大药房 医疗 诊所 口腔 齿科 教育 培训 早教 书法 钢琴 舞蹈 美术 编程 英语
服务台 问询处 客服中心 洗手间 卫生间 厕所 男厕 女厕 无障碍 母婴室 哺乳室 第三卫生间 吸烟室 饮水处 急救 医务室
自动取款机 储物柜 寄存处 轮椅 婴儿车 雨伞 租借 失物招领 出口 入口 安全出口 停车场 停车 充电桩 充电宝 收银台
电梯 扶梯 自动扶梯 楼梯 坡道 步道 观光梯 货梯 中庭 广场 连廊 北门 南门 东门 西门 正门 侧门 地铁站 公交站 出租车
负一层 负二层 一层 二层 三层 四层 五层 六层 七层 八层 地下 楼层 层 号 区 街 店 馆 坊 阁 城 汇 荟 天地 中心 百货 商场
东 南 西 北 中 上 下 前 后 左 右 内 外 红 黄 蓝 绿 白 黑 金 银 大 小 新 老 好 美 乐 福 寿 喜 和 华 盛 隆 泰 兴 旺
一 二 三 四 五 六 七 八 九 十 百 千 万 亿 零 元 角 分 厘 年 月 日 时 周 天 春 夏 秋 冬 风 花 雪 山 水 海 江 湖 河
长 重 行 乐 调 朝 着 了 还 都 发 会 说 得 传 少 空 藏 便 当 数 角 差 曾 单 地 参 降 薄 校 省 识 石 茄 卡 奇 曲 种
"""


def readings(ch):
    out = []
    for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]:
        r = r.replace("ü", "v")
        if r.isascii() and r.isalpha() and r not in out:
            out.append(r)
    return out


def is_han(ch):
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def doc_names(doc):
    for p in doc.get("places", []) or []:
        for k in ("name", "brand", "category"):
            v = p.get(k)
            if isinstance(v, str):
                yield v


def gb2312_level1():
    for b1 in range(0xB0, 0xD8):
        for b2 in range(0xA1, 0xFF):
            try:
                yield bytes([b1, b2]).decode("gb2312")
            except UnicodeDecodeError:
                pass


def build(chars):
    lines = {}
    for ch in sorted(chars):
        for r in readings(ch):
            lines.setdefault(r, []).append(ch)
    return "".join(s + "".join(cs) + "\n" for s, cs in sorted(lines.items()))


def covered(table_text):
    return {ch for line in table_text.splitlines() for ch in line if is_han(ch)}


def annotate(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    have = covered(open(OUT, encoding="utf-8").read()) if os.path.exists(OUT) else set()
    for p in doc.get("places", []) or []:
        name = p.get("name") or ""
        if "pinyin" in p or all(ch in have for ch in name if is_han(ch)):
            continue
        # Every reading of every character, as the search table would give: one string per character position.
        p["pinyin"] = [" ".join("/".join(readings(ch)) or ch for ch in name if not ch.isspace())]
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)


def main():
    if "--annotate" in sys.argv:
        annotate(sys.argv[sys.argv.index("--annotate") + 1])
        return
    chars = {ch for ch in CORPUS if is_han(ch)}
    for path in glob.glob(os.path.join(ROOT, "data", "finder", "*.json")):
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict):
            for name in doc_names(doc):
                chars.update(ch for ch in name if is_han(ch))
    if "--gb2312" in sys.argv:
        chars.update(gb2312_level1())
    text = build(chars)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    raw = text.encode()
    sizes = [f"raw {len(raw)} B"]
    import gzip

    sizes.append(f"gzip {len(gzip.compress(raw, 9))} B")
    try:
        import brotli

        sizes.append(f"brotli {len(brotli.compress(raw, quality=11))} B")
    except ImportError:
        pass
    print(f"{OUT}: {len(chars)} characters, {len(text.splitlines())} syllables; " + ", ".join(sizes))


if __name__ == "__main__":
    main()
