#!/usr/bin/env python3
"""Writes tiny.json: a hand-made two-level IMDF archive (file name -> FeatureCollection) for tests and examples.

Level 0 (1F) and level 1 (2F): a corridor 20 m x 4 m along y = 0..4, stairs at x = 16..20, y = 4..8 on both levels;
on 2F a shop (x = 0..10, y = 4..10) occupied by 星巴克. Doors: shop-corridor at (5, 4), stairs-corridor at (18, 4) on
each level, and an entrance at (0, 2) on 1F. Coordinates are metres east/north of lon 121.47, lat 31.23, converted
with the same equirectangular formula the importer uses, so distances come back exact to the centimetre.
"""
import json, math

LON0, LAT0, R = 121.47, 31.23, 6371008.8
KY = R * math.pi / 180
KX = KY * math.cos(math.radians(LAT0))


def ll(x, y):
    return [round(LON0 + x / KX, 10), round(LAT0 + y / KY, 10)]


def rect(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]]}


def fc(features):
    return {"type": "FeatureCollection", "features": features}


def feat(id, ft, geometry, **props):
    return {"id": id, "type": "Feature", "feature_type": ft, "geometry": geometry, "properties": props}


def door(id, level, x0, y0, x1, y1):
    return feat(id, "opening", {"type": "LineString", "coordinates": [ll(x0, y0), ll(x1, y1)]},
                category="pedestrian", level_id=level)


levels = [
    feat("lv-1f", "level", rect(0, 0, 20, 10), ordinal=0, outdoor=False, category="unspecified",
         name={"zh-Hans": "1F", "en": "Level 1"}, short_name={"en": "1"}, building_ids=["b1"]),
    feat("lv-2f", "level", rect(0, 0, 20, 10), ordinal=1, outdoor=False, category="unspecified",
         name={"zh-Hans": "2F", "en": "Level 2"}, short_name={"en": "2"}, building_ids=["b1"]),
]
units = [
    feat("u-1f-corridor", "unit", rect(0, 0, 20, 4), category="walkway", level_id="lv-1f", name=None),
    feat("u-1f-stairs", "unit", rect(16, 4, 20, 8), category="stairs", level_id="lv-1f", name=None),
    feat("u-2f-corridor", "unit", rect(0, 0, 20, 4), category="walkway", level_id="lv-2f", name=None),
    feat("u-2f-stairs", "unit", rect(16, 4, 20, 8), category="stairs", level_id="lv-2f", name=None),
    feat("u-2f-shop", "unit", rect(0, 4, 10, 10), category="room", level_id="lv-2f", name=None),
]
openings = [
    door("o-1f-entrance", "lv-1f", 0, 1, 0, 3),
    door("o-1f-stairs", "lv-1f", 17, 4, 19, 4),
    door("o-2f-stairs", "lv-2f", 17, 4, 19, 4),
    door("o-2f-shop", "lv-2f", 4, 4, 6, 4),
]
files = {
    "manifest.json": {"version": "1.0.0", "created": "2026-05-01T00:00:00Z", "language": "zh-Hans"},
    "venue.geojson": fc([feat("venue", "venue", rect(0, 0, 20, 10), category="shoppingcenter",
                              name={"zh-Hans": "小商场", "en": "Tiny Mall"}, display_point={"type": "Point", "coordinates": ll(0, 0)})]),
    "building.geojson": fc([feat("b1", "building", None, category="unspecified", name={"zh-Hans": "主楼", "en": "Main"})]),
    "level.geojson": fc(levels),
    "unit.geojson": fc(units),
    "opening.geojson": fc(openings),
    "anchor.geojson": fc([feat("a-shop", "anchor", {"type": "Point", "coordinates": ll(5, 7)}, unit_id="u-2f-shop")]),
    "occupant.geojson": fc([feat("occ-starbucks", "occupant", None, category="coffee", anchor_id="a-shop",
                                 name={"zh-Hans": "星巴克", "en": "Starbucks"}, hours="Mo-Su 07:00-22:00",
                                 phone="021-12345678")]),
}
with open(__file__.replace("gen.py", "tiny.json"), "w", encoding="utf-8") as f:
    json.dump(files, f, ensure_ascii=False, indent=1)
