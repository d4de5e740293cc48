#!/usr/bin/env python3
"""Writes tests/vectors/finder.json: routes on a small hand-made venue whose costs are worked out by hand below.

The venue ("tiny"), metres; every edge length is given explicitly so the sums are easy to check:

  2F (L2, ordinal 1)         e(0,0) --30-- f(30,0)          h(0,40) --35-- g(30,40) --4-- g2 (cafe door)
                             e --40-- h ; f --40-- g ; e --4-- e2 (2F restroom door)
  1F (L1, ordinal 0)         a(0,0) --30-- b(30,0) --40-- c(30,40) --30-- d(0,40) --40-- a ; a --50-- c (open, diagonal)
                             d --4-- w (1F restroom door)
  B1 (B1, ordinal -1)        p(0,0) --20-- q(20,0)   parking P-001 at (10,1), snapped onto p-q at 10 m from p
  3F (L3, ordinal 2)         k(0,40), gallery door k2 --4-- k
  Connectors: elevator E [p, a, e], 5 m and 10 s per hop, waits 30 s;
              escalator XU [b, f] 12 m 20 s (up only); escalator XD [g, c] 12 m 20 s (down only);
              stairs S [d, h] 10 m 20 s; stairs S2 [h, k] 10 m 20 s (the only way to 3F).
  Walking: 1.2 m/s; times are rounded to the millisecond per edge.
"""
import json, os

TINY = {
    "version": "t1", "name": "小小广场", "nameEn": "Tiny Plaza",
    "levels": [
        {"id": "B1", "ordinal": -1, "name": "B1"},
        {"id": "L1", "ordinal": 0, "name": "1F"},
        {"id": "L2", "ordinal": 1, "name": "2F"},
        {"id": "L3", "ordinal": 2, "name": "3F"},
    ],
    "nodes": [
        {"id": "p", "level": "B1", "x": 0, "y": 0}, {"id": "q", "level": "B1", "x": 20, "y": 0},
        {"id": "a", "level": "L1", "x": 0, "y": 0}, {"id": "b", "level": "L1", "x": 30, "y": 0},
        {"id": "c", "level": "L1", "x": 30, "y": 40}, {"id": "d", "level": "L1", "x": 0, "y": 40},
        {"id": "w", "level": "L1", "x": 0, "y": 44, "kind": "door"},
        {"id": "e", "level": "L2", "x": 0, "y": 0}, {"id": "f", "level": "L2", "x": 30, "y": 0},
        {"id": "g", "level": "L2", "x": 30, "y": 40}, {"id": "h", "level": "L2", "x": 0, "y": 40},
        {"id": "g2", "level": "L2", "x": 30, "y": 44, "kind": "door"},
        {"id": "e2", "level": "L2", "x": -4, "y": 0, "kind": "door"},
        {"id": "k", "level": "L3", "x": 0, "y": 40}, {"id": "k2", "level": "L3", "x": 0, "y": 44, "kind": "door"},
    ],
    "edges": [
        {"from": "p", "to": "q", "length": 20},
        {"id": "ab", "from": "a", "to": "b", "length": 30}, {"from": "b", "to": "c", "length": 40},
        {"from": "c", "to": "d", "length": 30}, {"from": "d", "to": "a", "length": 40},
        {"id": "diag", "from": "a", "to": "c", "length": 50, "kind": "open"},
        {"from": "d", "to": "w", "length": 4, "kind": "door"},
        {"from": "e", "to": "f", "length": 30}, {"from": "f", "to": "g", "length": 40},
        {"from": "h", "to": "g", "length": 35}, {"from": "e", "to": "h", "length": 40},
        {"from": "g", "to": "g2", "length": 4, "kind": "door"}, {"from": "e", "to": "e2", "length": 4, "kind": "door"},
        {"from": "k", "to": "k2", "length": 4, "kind": "door"},
    ],
    "connectors": [
        {"id": "E", "kind": "elevator", "nodes": ["p", "a", "e"], "length": 5, "seconds": 10, "waitSeconds": 30},
        {"id": "XU", "kind": "escalator", "nodes": ["b", "f"], "length": 12, "seconds": 20},
        {"id": "XD", "kind": "escalator", "nodes": ["g", "c"], "length": 12, "seconds": 20},
        {"id": "S", "kind": "stairs", "nodes": ["d", "h"], "length": 10, "seconds": 20},
        {"id": "S2", "kind": "stairs", "nodes": ["h", "k"], "length": 10, "seconds": 20},
    ],
    "places": [
        {"id": "cafe", "kind": "store", "name": "星巴克", "nameEn": "Starbucks", "category": "cafe", "level": "L2",
         "entrances": ["g2"], "hours": "Mo-Su 08:00-22:00"},
        {"id": "wc", "kind": "restroom", "name": "1F 洗手间", "nameEn": "Restroom 1F", "level": "L1", "entrances": ["w"]},
        {"id": "wc2", "kind": "restroom", "name": "2F 洗手间", "nameEn": "Restroom 2F", "level": "L2", "entrances": ["e2"]},
        {"id": "gallery", "kind": "store", "name": "画廊", "nameEn": "Gallery", "category": "art", "level": "L3",
         "entrances": ["k2"]},
    ],
    "parking": [{"code": "P-001", "level": "B1", "zone": "P", "x": 10, "y": 1}],
}

def case(name, call, args, expect):
    return {"name": name, "call": call, "args": args, "expect": expect}

def route(name, frm, to, opts, expect):
    return case(name, "Venue.route", [TINY, frm, to] + ([opts] if opts is not None else []), expect)

cases = [
    case("load: summary", "Venue.load", [TINY], {"value": {"version": "t1", "name": "小小广场", "places": 4, "stores": 2,
         "parking": 1, "nodes": 15, "levels": [{"id": "B1", "ordinal": -1, "name": "B1"}, {"id": "L1"}, {"id": "L2"}, {"id": "L3"}]}}),
    # a -> cafe by distance: elevator a->e 5 + e-f 30 + f-g 40 + g-g2 4 = 79
    # (escalator: 30 + 12 + 40 + 4 = 86; stairs: 40 + 10 + 35 + 4 = 89)
    route("distance: elevator is shortest", "a", "cafe", None,
          {"value": {"metres": 79, "connectors": ["E"], "to": {"place": "cafe", "levelName": "2F"},
                     "legs": [{"level": "L2", "points": [[0, 0], [30, 0], [30, 40], [30, 44]], "metres": 74}]}}),
    # by time: escalator 25 + 20 + 33.333 + 3.333 = 81.666 s (per-edge ms rounding), elevator 40 + 58.333 + 3.333
    route("time: escalator is quickest", "a", "cafe", {"optimize": "time"},
          {"value": {"seconds": 81.666, "metres": 86, "connectors": ["XU"]}}),
    route("accessible: no escalator or stairs", "a", "cafe", {"mode": "accessible", "optimize": "time"},
          {"value": {"metres": 79, "connectors": ["E"], "mode": "accessible"}}),
    route("avoid elevators: escalator", "a", "cafe", {"mode": "avoidElevators"},
          {"value": {"metres": 86, "connectors": ["XU"]}}),
    route("closed escalator and elevator: stairs", "a", "cafe", {"closed": ["XU"], "mode": "avoidElevators"},
          {"value": {"metres": 89, "connectors": ["S"]}}),
    # cafe -> a: down escalator g->c 12 then diagonal 50: 4 + 12 + 50 = 66
    route("down escalator then diagonal", "cafe", "a", None, {"value": {"metres": 66, "connectors": ["XD"]}}),
    # XD closed, no elevators: XU may not be ridden down (that would be 4 + 40 + 12 + 30 = 86); stairs 4 + 35 + 10 + 40 = 89
    route("escalators only in their direction", "cafe", "a", {"closed": ["XD"], "mode": "avoidElevators"},
          {"value": {"metres": 89, "connectors": ["S"]}}),
    route("closed edge is avoided", "cafe", "a", {"closed": ["diag"]},
          {"value": {"metres": 79, "connectors": ["E"]}}),  # XD then c-d-a or c-b-a: 4 + 12 + 70 = 86; elevator 4 + 70 + 5 = 79
    route("accessible to 3F: no step-free way", "a", "gallery", {"mode": "accessible"},
          {"error": [{"code": "ROUTE_NO_STEP_FREE_PATH", "path": ""}]}),
    route("closures block everything", "a", "cafe", {"closed": ["E", "XU", "S"]},
          {"error": [{"code": "ROUTE_BLOCKED_BY_CLOSURES", "path": ""}]}),
    # point (10,1) on 1F snaps to (10,0) on a-b: via b and XU 20 + 12 + 40 + 4 = 76 (via a and E: 10 + 5 + 74 = 89)
    route("point snapped to a corridor", {"level": "L1", "x": 10, "y": 1}, "cafe", None,
          {"value": {"metres": 76, "from": {"x": 10, "y": 0, "level": "L1"}, "connectors": ["XU"]}}),
    route("point far outside", {"level": "L1", "x": 500, "y": 500}, "cafe", None,
          {"error": [{"code": "ROUTE_POINT_OFF_MAP", "path": "from"}]}),
    route("unknown level and unknown place", {"level": "L9", "x": 0, "y": 0}, "nope", None,
          {"error": [{"code": "ROUTE_LEVEL_UNKNOWN", "path": "from.level"}, {"code": "ROUTE_PLACE_UNKNOWN", "path": "to"}]}),
    # parking P-001 at (10,0) on B1: 10 to p + elevator p->e 10 + 70 + 4 = 94
    route("from a parking space", {"parking": "p-001"}, "cafe", None,
          {"value": {"metres": 94, "from": {"parking": "P-001", "level": "B1"}, "connectors": ["E"]}}),
    route("unknown parking code", "cafe", {"parking": "Z-9"}, None,
          {"error": [{"code": "ROUTE_PARKING_UNKNOWN", "path": "to"}]}),
    route("unknown closure id", "a", "cafe", {"closed": ["nope"]},
          {"error": [{"code": "ROUTE_CLOSURE_UNKNOWN", "path": "closed[0]"}]}),
    route("bad endpoint shape", 3, "cafe", None, {"error": [{"code": "ROUTE_ENDPOINT_INVALID", "path": "from"}]}),
    route("bad option", "a", "cafe", {"mode": "wheelchair"}, {"error": [{"code": "ROUTE_OPTIONS_INVALID", "path": "options.mode"}]}),
    route("same place", "cafe", "cafe", None, {"value": {"metres": 0, "connectors": []}}),
    # The cafe's hours are Mo-Su 08:00-22:00: at 23:00 it is closed; at 21:00 open.
    route("destination closed at `at`", "a", "cafe", {"at": "2026-05-01T23:00:00+08:00"},
          {"error": [{"code": "ROUTE_DESTINATION_CLOSED", "path": "to"}]}),
    route("destination open at `at`", "a", "cafe", {"at": "2026-05-01T21:00:00+08:00"}, {"value": {"metres": 79}}),
    case("nearest cafe skips a closed one", "Venue.nearest", [TINY, "a", "cafe", {"at": "2026-05-01T07:00:00+08:00"}],
         {"error": [{"code": "NEAREST_NONE_REACHABLE", "path": ""}]}),
    route("directions in both languages", "a", "cafe", {"optimize": "time"},
          {"value": {"steps": [
              {"kind": "depart", "text": "从1F出发", "textEn": "Start at 1F"},
              {"kind": "walk", "metres": 30, "text": "直行 30 米", "textEn": "Walk 30 m"},
              {"kind": "escalator", "direction": "up", "toLevel": "L2", "text": "乘扶梯上到 2F", "textEn": "Take the escalator up to 2F"},
              {"kind": "walk", "metres": 44, "text": "直行 44 米", "textEn": "Walk 44 m"},
              {"kind": "arrive", "text": "到达星巴克", "textEn": "Arrive at Starbucks"}]}}),
    # nearest restroom from the cafe: wc via XD 4 + 12 + 30 + 4 = 50; wc2 via XD, the diagonal and the elevator
    # 4 + 12 + 50 + 5 + 4 = 75 (along 2F: 4 + 70 + 4 = 78)
    case("nearest restrooms", "Venue.nearest", [TINY, "cafe", "restroom", {"limit": 2}],
         {"value": [{"place": {"id": "wc"}, "metres": 50}, {"place": {"id": "wc2"}, "metres": 75}]}),
    # accessible: wc needs the elevator 4 + 70 + 5 + 40 + 4 = 123, so wc2 (78) is nearest
    case("nearest restroom, accessible", "Venue.nearest", [TINY, "cafe", ["restroom"], {"mode": "accessible"}],
         {"value": [{"place": {"id": "wc2"}, "metres": 78}]}),
    case("nearest: unknown kind", "Venue.nearest", [TINY, "cafe", ["spa"]],
         {"error": [{"code": "NEAREST_WHAT_UNKNOWN", "path": "what[0]"}]}),
    # tour from a: wc first (40 + 4 = 44) then cafe (w-d 4 + S 10 + h-g 35 + 4 = 53) = 97; cafe first 79 + 50 = 129
    case("tour: best order", "Venue.tour", [TINY, "a", ["cafe", "wc"]],
         {"value": {"order": [1, 0], "metres": 97, "exact": True}}),
    case("tour: unreachable stop", "Venue.tour", [TINY, "a", ["cafe", "gallery"], {"mode": "accessible"}],
         {"error": [{"code": "TOUR_STOP_UNREACHABLE", "path": "stops[1]"}]}),
    # find my car: cafe -> P-001 down XD, the diagonal, the elevator a->p: 4 + 12 + 50 + 5 + 10 = 81;
    # back up (no up escalator from c): 10 + elevator p->e 10 + 70 + 4 = 94
    case("find my car", "Venue.findCar", [TINY, "cafe", "P-001"],
         {"value": {"space": {"code": "P-001", "levelName": "B1", "zone": "P"}, "toCar": {"metres": 81, "connectors": ["XD", "E"]}, "fromCar": {"metres": 94}}}),
    case("bad venue: every issue with its path", "Venue.load", [{
        "version": "x", "name": "坏",
        "levels": [{"id": "L1", "ordinal": 0, "name": "1F"}, {"id": "L2", "ordinal": 0, "name": "2F"}],
        "nodes": [{"id": "a", "level": "L1", "x": 0, "y": 0}, {"id": "b", "level": "L9", "x": 1, "y": 0},
                  {"id": "a", "level": "L1", "x": 2, "y": 0}, {"id": "lonely", "level": "L1", "x": 9, "y": 9}],
        "edges": [{"from": "a", "to": "b", "length": -3}],
        "connectors": [{"id": "E", "kind": "elevator", "nodes": ["a", "zz"]}],
        "places": [{"id": "s", "kind": "store", "name": "店", "level": "L1", "entrances": ["lonely", "nope"]}],
        "parking": [{"code": "P1", "level": "L1"}]}],
        {"error": [
            {"code": "VENUE_LEVEL_ORDINAL_DUPLICATE", "path": "levels[1].ordinal"},
            {"code": "VENUE_LEVEL_UNKNOWN", "path": "nodes[1].level"},
            {"code": "VENUE_DUPLICATE_ID", "path": "nodes[2]"},
            {"code": "VENUE_LENGTH_INVALID", "path": "edges[0].length"},
            {"code": "VENUE_NODE_UNKNOWN", "path": "connectors[0].nodes[1]"},
            {"code": "VENUE_ENTRANCE_OFF_GRAPH", "path": "places[0].entrances[0]"},
            {"code": "VENUE_NODE_UNKNOWN", "path": "places[0].entrances[1]"},
            {"code": "VENUE_PARKING_POSITION_MISSING", "path": "parking[0]"}]}),
    case("bad venue: shape", "Venue.load", [{"version": "x", "name": "n", "levels": [], "nodes": [], "colour": 1}],
         {"error": [{"code": "VENUE_INVALID", "path": "colour"}]}),
]

out = os.path.join(os.path.dirname(__file__), "..", "tests", "vectors", "finder.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"about": "finder: routes, nearest, tours, find-my-car and load checks on a small hand-made venue; "
               "costs worked out by hand in scripts/gen-finder-vectors.py", "cases": cases}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(out, len(cases))
