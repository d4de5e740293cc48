#!/usr/bin/env python3
"""Generates data/finder/sample-mall.json: the finder pillar's embedded sample mall.

Our own invented venue (not copied from any real mall): parking on B2 and B1, retail on six floors named
1F 2F 3F 5F 6F 7F (no 4F: the building skips the unlucky number), a ring corridor round an atrium with a bridge,
scissor escalator pairs between retail floors, a pair from B1 to 1F, two elevator banks (B2-7F), two stairwells,
restrooms and accessible restrooms on every retail floor, mother-and-baby rooms, service desk and other amenities,
entrances, and 150+ stores (well-known chains appear by name only, as any mall directory would list them; units,
positions, phones and hours are invented). Deterministic: run `python3 scripts/gen-sample-mall.py`.
"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "finder", "sample-mall.json")

# (zh, en, category, hours-kind)
CHAINS = [
    ("星巴克", "Starbucks", "cafe", "early"), ("瑞幸咖啡", "luckin coffee", "cafe", "early"),
    ("喜茶", "HEYTEA", "tea", "food"), ("奈雪的茶", "Nayuki", "tea", "food"), ("蜜雪冰城", "Mixue", "tea", "food"),
    ("优衣库", "UNIQLO", "fashion", "std"), ("无印良品", "MUJI", "home", "std"), ("名创优品", "MINISO", "lifestyle", "std"),
    ("耐克", "Nike", "sports", "std"), ("阿迪达斯", "adidas", "sports", "std"), ("李宁", "Li-Ning", "sports", "std"),
    ("安踏", "ANTA", "sports", "std"), ("屈臣氏", "Watsons", "beauty", "std"), ("丝芙兰", "Sephora", "beauty", "std"),
    ("周大福", "Chow Tai Fook", "jewelry", "std"), ("老凤祥", "Lao Feng Xiang", "jewelry", "std"),
    ("海底捞火锅", "Haidilao Hot Pot", "restaurant", "late"), ("西贝莜面村", "Xibei", "restaurant", "food"),
    ("外婆家", "Grandma's Home", "restaurant", "food"), ("麦当劳", "McDonald's", "fastfood", "early"),
    ("肯德基", "KFC", "fastfood", "early"), ("必胜客", "Pizza Hut", "restaurant", "food"),
    ("华为", "HUAWEI", "electronics", "std"), ("小米之家", "Xiaomi Home", "electronics", "std"),
    ("西西弗书店", "Sisyphe Books", "books", "std"), ("泡泡玛特", "POP MART", "toys", "std"),
    ("乐高", "LEGO", "toys", "std"), ("太平鸟", "PEACEBIRD", "fashion", "std"), ("波司登", "Bosideng", "fashion", "std"),
    ("重庆小面", "Chongqing Noodles", "restaurant", "food"), ("银行家烘焙", "Banker's Bakery", "bakery", "early"),
]

# Invented brands: (zh root, en root) x a category word each.
ROOTS = [("云杉", "Spruce"), ("青禾", "Green Grain"), ("木棉", "Kapok"), ("南风", "South Wind"), ("北岸", "North Shore"),
         ("星河", "Star River"), ("月白", "Moon White"), ("橙光", "Orange Light"), ("蓝鲸", "Blue Whale"), ("白鹭", "Egret"),
         ("竹里", "Bamboo Lane"), ("海盐", "Sea Salt"), ("松果", "Pine Cone"), ("晴川", "Clear River"), ("鹿鸣", "Deer Song"),
         ("知夏", "Summer Note"), ("山茶", "Camellia"), ("繁花", "Blossom"), ("初见", "First Sight"), ("拾光", "Time Keeper"),
         ("小满", "Xiaoman"), ("半糖", "Half Sugar"), ("米粒", "Rice Grain"), ("暖阳", "Warm Sun"), ("溪谷", "Valley"),
         ("朗峰", "Lang Peak"), ("若水", "Like Water"), ("锦绣", "Brocade"), ("元气", "Genki"), ("青柠", "Lime")]
KINDS = [("女装", "Women", "fashion", "std"), ("男装", "Men", "fashion", "std"), ("童装", "Kids", "kids", "std"),
         ("鞋履", "Shoes", "shoes", "std"), ("眼镜", "Optical", "eyewear", "std"), ("箱包", "Bags", "bags", "std"),
         ("家居", "Home", "home", "std"), ("美妆", "Beauty", "beauty", "std"), ("面馆", "Noodle House", "restaurant", "food"),
         ("甜品", "Desserts", "dessert", "food"), ("茶饮", "Tea", "tea", "food"), ("烘焙", "Bakery", "bakery", "early"),
         ("户外", "Outdoor", "outdoor", "std"), ("腕表", "Watches", "watches", "std"), ("花艺", "Florist", "florist", "std"),
         ("宠物", "Pets", "pets", "std"), ("文具", "Stationery", "stationery", "std"), ("数码", "Digital", "electronics", "std")]

HOURS = {"std": "Mo-Su 10:00-22:00", "food": "Mo-Su 10:30-22:00; Fr,Sa 10:30-23:00",
         "early": "Mo-Su 07:30-22:00", "late": "Mo-Su 10:00-02:00", "cinema": "Mo-Su 09:00-24:00",
         "market": "Mo-Su 08:00-22:00", "fit": "Mo-Fr 06:30-22:30; Sa,Su 08:00-21:00"}

def r(v):
    v = round(v, 1)
    return int(v) if v == int(v) else v

def main():
    levels = [("B2", -2, "B2", "B2"), ("B1", -1, "B1", "B1")]
    retail = ["1F", "2F", "3F", "5F", "6F", "7F"]
    for i, name in enumerate(retail):
        levels.append((f"L{i + 1}", i, name, name))
    doc = {"version": "2026.1", "name": "示例广场", "nameEn": "Sample Plaza", "walkSpeed": 1.2,
           "levels": [{"id": i, "ordinal": o, "name": n} for (i, o, n, _) in levels],
           "nodes": [], "edges": [], "connectors": [], "places": [], "parking": []}
    nodes, edges = doc["nodes"], doc["edges"]

    def node(nid, level, x, y, kind=None):
        n = {"id": nid, "level": level, "x": r(x), "y": r(y)}
        if kind:
            n["kind"] = kind
        nodes.append(n)
        return nid

    def edge(a, b, **kw):
        e = {"from": a, "to": b}
        e.update(kw)
        edges.append(e)

    stops = {"EL1": [], "EL2": [], "ST1": [], "ST2": []}
    # Parking levels: lanes y = 10, 30, 50, 70 (x 10..150 every 10 m), cross aisles x = 10, 80, 150.
    for lv in ("B2", "B1"):
        p = lv.lower()
        ids = {}
        for y in (10, 30, 50, 70):
            for x in range(10, 151, 10):
                ids[(x, y)] = node(f"{p}-{x}-{y}", lv, x, y)
        for y in (40, 20, 60):
            for x in (10, 80, 150):
                ids[(x, y)] = node(f"{p}-{x}-{y}", lv, x, y)
        for y in (10, 30, 50, 70):
            for x in range(10, 150, 10):
                edge(ids[(x, y)], ids[(x + 10, y)])
        for x in (10, 80, 150):
            for y in range(10, 70, 10):
                edge(ids[(x, y)], ids[(x, y + 10)])
        stops["EL1"].append(ids[(10, 40)])
        stops["EL2"].append(ids[(150, 40)])
        stops["ST1"].append(ids[(10, 10)])
        stops["ST2"].append(ids[(150, 70)])
        # Parking spaces on both sides of every lane, 5 m apart; zones by x.
        counters = {"A": 0, "B": 0, "C": 0}
        for y in (10, 30, 50, 70):
            for side in (-3, 3):
                for x in range(15, 150, 5):
                    if x % 10 == 0:
                        continue
                    zone = "A" if x < 55 else ("B" if x < 105 else "C")
                    counters[zone] += 1
                    doc["parking"].append({"code": f"{lv}-{zone}-{counters[zone]:03d}", "level": lv, "zone": zone,
                                           "x": x, "y": y + side})
        doc["places"].append({"id": f"exit-{p}", "kind": "exit", "name": f"{lv} 车库出口", "nameEn": f"{lv} car park exit",
                              "level": lv, "entrances": [ids[(150, 10)]]})
    # Retail levels: ring corridor (20..140) x (20..60), 10 m spacing, bridge x = 80 across the atrium.
    names = []
    for zh, en, cat, h in CHAINS:
        names.append((zh, en, cat, HOURS[h], zh))
    k = 0
    for j, (kz, ke, cat, h) in enumerate(KINDS):
        for t in range(7):
            rz, re_ = ROOTS[(j * 7 + t * 3) % len(ROOTS)]
            names.append((rz + kz, f"{re_} {ke}", cat, HOURS[h], None))
            k += 1
    seen = set()
    uniq = []
    for n in names:
        if n[0] not in seen:
            seen.add(n[0])
            uniq.append(n)
    names = uniq
    specials = {  # level index -> list of anchor / special stores replacing ring spots
        0: [("盒马鲜生", "Freshippo", "supermarket", HOURS["market"], "盒马")],
        5: [("星光影城", "Starlight Cinemas", "cinema", HOURS["cinema"], None),
            ("超级猩猩健身", "Super Monkey Fitness", "fitness", HOURS["fit"], None)],
    }
    name_i = 0
    for li, lname in enumerate(retail):
        lv = f"L{li + 1}"
        p = f"{li + 1}f"
        ring = {}
        for x in range(20, 141, 10):
            ring[(x, 20)] = node(f"{p}-{x}-20", lv, x, 20)
            ring[(x, 60)] = node(f"{p}-{x}-60", lv, x, 60)
        for y in (30, 40, 50):
            ring[(20, y)] = node(f"{p}-20-{y}", lv, 20, y)
            ring[(140, y)] = node(f"{p}-140-{y}", lv, 140, y)
            ring[(80, y)] = node(f"{p}-80-{y}", lv, 80, y, "open")
        for x in range(20, 140, 10):
            edge(ring[(x, 20)], ring[(x + 10, 20)])
            edge(ring[(x, 60)], ring[(x + 10, 60)])
        for xx in (20, 140):
            for y in range(20, 60, 10):
                edge(ring[(xx, y)], ring[(xx, y + 10)])
        for y in range(20, 60, 10):
            edge(ring[(80, y)], ring[(80, y + 10)], kind="open")
        # Escalator landings beside the bridge.
        ea = node(f"{p}-xa", lv, 70, 30)
        eb = node(f"{p}-xb", lv, 90, 30)
        ec = node(f"{p}-xc", lv, 90, 50)
        ed = node(f"{p}-xd", lv, 70, 50)
        for a, b in ((ea, ring[(80, 30)]), (eb, ring[(80, 30)]), (ec, ring[(80, 50)]), (ed, ring[(80, 50)])):
            edge(a, b, kind="open")
        # Elevators and stairwells outside the ring.
        e1 = node(f"{p}-el1", lv, 10, 40)
        e2 = node(f"{p}-el2", lv, 150, 40)
        s1 = node(f"{p}-st1", lv, 10, 10)
        s2 = node(f"{p}-st2", lv, 150, 70)
        edge(e1, ring[(20, 40)])
        edge(e2, ring[(140, 40)])
        edge(s1, ring[(20, 20)])
        edge(s2, ring[(140, 60)])
        stops["EL1"].append(e1)
        stops["EL2"].append(e2)
        stops["ST1"].append(s1)
        stops["ST2"].append(s2)
        # Amenities on the west and east sides.
        def amenity(pid, kind, zh, en, at, door, extra=None):
            d = node(f"{p}-{pid}", lv, door[0], door[1], "door")
            edge(ring[at], d, kind="door")
            pl = {"id": f"{pid}-{li + 1}", "kind": kind, "name": f"{lname} {zh}", "nameEn": f"{en} {lname}",
                  "level": lv, "entrances": [d]}
            if extra:
                pl.update(extra)
            doc["places"].append(pl)
            return d
        amenity("wc", "restroom", "洗手间", "Restroom", (20, 30), (14, 30))
        amenity("awc", "accessibleRestroom", "无障碍洗手间", "Accessible restroom", (20, 50), (14, 50))
        if li in (0, 2, 4):
            amenity("mb", "motherBabyRoom", "母婴室", "Mother and baby room", (140, 30), (146, 30))
        else:
            amenity("wce", "restroom", "东侧洗手间", "East restroom", (140, 30), (146, 30))
        if li == 0:
            sd = amenity("sd", "serviceDesk", "服务台", "Service desk", (140, 50), (146, 50),
                         {"hours": "Mo-Su 10:00-22:00", "phone": "021-5550-0000"})
            for pid, kind, zh, en in (("lf", "lostAndFound", "失物招领", "Lost and found"),
                                      ("wr", "wheelchairRental", "轮椅借用", "Wheelchair loan"),
                                      ("sr", "strollerRental", "婴儿车借用", "Stroller loan"),
                                      ("ur", "umbrellaRental", "雨伞借用", "Umbrella loan")):
                doc["places"].append({"id": f"{pid}-1", "kind": kind, "name": f"1F {zh}", "nameEn": f"{en} 1F",
                                      "level": lv, "entrances": [sd]})
            gate_s = node("1f-gate-s", lv, 80, 5, "entrance")
            gate_n = node("1f-gate-n", lv, 80, 75, "entrance")
            edge(ring[(80, 20)], gate_s)
            edge(ring[(80, 60)], gate_n)
            doc["places"].append({"id": "exit-s", "kind": "exit", "name": "南门", "nameEn": "South gate", "level": lv,
                                  "entrances": [gate_s]})
            doc["places"].append({"id": "exit-n", "kind": "exit", "name": "北门", "nameEn": "North gate", "level": lv,
                                  "entrances": [gate_n]})
            atm = node("1f-atm", lv, 50, 66, "door")
            edge(ring[(50, 60)], atm, kind="door")
            doc["places"].append({"id": "atm-1", "kind": "atm", "name": "1F ATM", "nameEn": "ATM 1F", "level": lv,
                                  "entrances": [atm]})
            lk = node("1f-lockers", lv, 110, 66, "door")
            edge(ring[(110, 60)], lk, kind="door")
            doc["places"].append({"id": "lockers-1", "kind": "lockers", "name": "1F 储物柜", "nameEn": "Lockers 1F",
                                  "level": lv, "entrances": [lk]})
        # Stores: south side doors at y = 14, north side at y = 66, x = 30..130 (minus 80 on 1F for the gates).
        spots = []
        for x in range(30, 131, 10):
            if li == 0 and x in (50, 80, 110):
                continue
            spots.append(((x, 20), (x, 14)))
            spots.append(((x, 60), (x, 66)))
        spots += [((140, 20), (146, 14)), ((20, 60), (14, 66)), ((140, 60), (146, 66)), ((20, 20), (14, 14)),
                  ((80, 40), (76, 40)), ((80, 40), (84, 40))]
        sp = specials.get(li, [])
        n_store = 0
        for si, (at, door) in enumerate(spots):
            if si < len(sp):
                zh, en, cat, hours, brand = sp[si]
            else:
                zh, en, cat, hours, brand = names[name_i % len(names)]
                name_i += 1
            n_store += 1
            sid = f"s-{li + 1}-{n_store:02d}"
            d = node(f"{p}-d{n_store:02d}", lv, door[0], door[1], "door")
            edge(ring[at], d, kind="door")
            pl = {"id": sid, "kind": "store", "name": zh, "nameEn": en, "category": cat, "level": lv,
                  "unit": f"{lname}-{n_store:02d}", "entrances": [d], "hours": hours,
                  "phone": f"021-5550-{li + 1}{n_store:03d}"}
            if brand and brand != zh:
                pl["brand"] = brand
            doc["places"].append(pl)
    # Connectors.
    doc["connectors"].append({"id": "EL1", "kind": "elevator", "nodes": stops["EL1"], "name": "西侧客梯",
                              "nameEn": "West elevators"})
    doc["connectors"].append({"id": "EL2", "kind": "elevator", "nodes": stops["EL2"], "name": "东侧客梯",
                              "nameEn": "East elevators", "waitSeconds": 40})
    doc["connectors"].append({"id": "ST1", "kind": "stairs", "nodes": stops["ST1"], "name": "西南楼梯"})
    doc["connectors"].append({"id": "ST2", "kind": "stairs", "nodes": stops["ST2"], "name": "东北楼梯"})
    # B1 -> 1F escalator pair at x = 50 (B1 lane nodes), landing on 1F south/north of the ring.
    l1a = node("1f-bx-up", "L1", 50, 30)
    l1b = node("1f-bx-dn", "L1", 50, 50)
    edge(l1a, "1f-50-20")
    edge(l1b, "1f-50-60")
    doc["connectors"].append({"id": "XB1U", "kind": "escalator", "nodes": ["b1-50-30", l1a], "name": "B1 上行扶梯"})
    doc["connectors"].append({"id": "XB1D", "kind": "escalator", "nodes": [l1b, "b1-50-50"], "name": "B1 下行扶梯"})
    for li in range(len(retail) - 1):
        a, b = f"{li + 1}f", f"{li + 2}f"
        doc["connectors"].append({"id": f"X{li + 1}U", "kind": "escalator", "nodes": [f"{a}-xa", f"{b}-xb"]})
        doc["connectors"].append({"id": f"X{li + 1}D", "kind": "escalator", "nodes": [f"{b}-xc", f"{a}-xd"]})
    stores = sum(1 for p in doc["places"] if p["kind"] == "store")
    assert stores >= 150, stores
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{OUT}: {stores} stores, {len(doc['nodes'])} nodes, {len(doc['edges'])} edges, "
          f"{len(doc['parking'])} parking spaces")

if __name__ == "__main__":
    main()
