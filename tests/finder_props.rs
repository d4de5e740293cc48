//! Property tests on random venues: routes are as short as a plain reference Dijkstra over the document, accessible
//! routes never use stairs or escalators, escalators are ridden only in their direction, closures are honoured.
#![cfg(feature = "finder")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test code")]

use mallcare::finder::route::{Endpoint, Mode, RouteOptions};
use mallcare::finder::{ConnectorDoc, ConnectorKind, EdgeDoc, LevelDoc, NodeDoc, Venue, VenueDoc};
use proptest::prelude::*;
use std::collections::{BinaryHeap, HashMap};

#[derive(Clone, Debug)]
struct Spec {
    levels: usize,
    per_level: usize,
    edges: Vec<(usize, usize, u16, bool, bool)>, // (a, b, decimetres, one way, has steps)
    conns: Vec<(u8, Vec<usize>, u16)>,           // (kind, stops, decimetres per hop)
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..4, 3usize..9).prop_flat_map(|(levels, per_level)| {
        let n = levels * per_level;
        let edges = proptest::collection::vec(
            (0..n, 0..n, 0u16..500, prop::bool::weighted(0.2), prop::bool::weighted(0.15)),
            0..n * 2,
        );
        let conns =
            proptest::collection::vec((0u8..5, proptest::collection::vec(0..n, 2..4), 1u16..300), 0..levels * 3);
        (Just(levels), Just(per_level), edges, conns).prop_map(|(levels, per_level, edges, conns)| Spec {
            levels,
            per_level,
            edges,
            conns,
        })
    })
}

const KINDS: [ConnectorKind; 5] = [
    ConnectorKind::Elevator,
    ConnectorKind::Escalator,
    ConnectorKind::Stairs,
    ConnectorKind::Ramp,
    ConnectorKind::MovingWalkway,
];

/// Builds a valid document from a spec: edges only within a level, vertical connectors only between levels.
fn doc(s: &Spec) -> VenueDoc {
    let level_of = |i: usize| i / s.per_level;
    let mut d = VenueDoc { version: "p".into(), name: "p".into(), ..Default::default() };
    for l in 0..s.levels {
        d.levels.push(LevelDoc {
            id: format!("L{l}"),
            ordinal: l as i32,
            name: format!("{}F", l + 1),
            ..Default::default()
        });
    }
    for i in 0..s.levels * s.per_level {
        let k = i % s.per_level;
        d.nodes.push(NodeDoc {
            id: format!("n{i}"),
            level: format!("L{}", level_of(i)),
            x: (k % 3) as f64 * 10.0,
            y: (k / 3) as f64 * 10.0,
            ..Default::default()
        });
    }
    for (j, &(a, b, dm, one_way, steps)) in s.edges.iter().enumerate() {
        if level_of(a) != level_of(b) || a == b {
            continue;
        }
        d.edges.push(EdgeDoc {
            id: Some(format!("e{j}")),
            from: format!("n{a}"),
            to: format!("n{b}"),
            length: Some(f64::from(dm) / 10.0),
            one_way,
            step_free: if steps { Some(false) } else { None },
            ..Default::default()
        });
    }
    for (j, (kind, stops, dm)) in s.conns.iter().enumerate() {
        let kind = KINDS[*kind as usize];
        let vertical = matches!(kind, ConnectorKind::Elevator | ConnectorKind::Escalator | ConnectorKind::Stairs);
        let ok = stops.windows(2).all(|w| !vertical || level_of(w[0]) != level_of(w[1]));
        let mut uniq = stops.clone();
        uniq.dedup();
        if !ok
            || uniq.len() < 2
            || (kind == ConnectorKind::Elevator && {
                let mut u = stops.clone();
                u.sort_unstable();
                u.dedup();
                u.len() != stops.len()
            })
        {
            continue;
        }
        d.connectors.push(ConnectorDoc {
            id: format!("c{j}"),
            kind,
            nodes: stops.iter().map(|i| format!("n{i}")).collect(),
            one_way: None,
            length: Some(f64::from(*dm) / 10.0),
            seconds: Some(f64::from(*dm)),
            wait_seconds: Some(5.0),
            name: None,
            name_en: None,
        });
    }
    d
}

/// Plain Dijkstra over the document's semantics (millimetres), independent of the crate's graph.
fn reference(d: &VenueDoc, from: usize, to: usize, accessible: bool, closed: &[String]) -> Option<u64> {
    let idx: HashMap<&str, usize> = d.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let mut adj: Vec<Vec<(usize, u64)>> = vec![Vec::new(); d.nodes.len()];
    let mm = |m: f64| (m * 1000.0).round() as u64;
    for e in &d.edges {
        if closed.contains(e.id.as_ref().unwrap()) || (accessible && e.step_free == Some(false)) {
            continue;
        }
        let (a, b) = (idx[e.from.as_str()], idx[e.to.as_str()]);
        let w = mm(e.length.unwrap());
        adj[a].push((b, w));
        if !e.one_way {
            adj[b].push((a, w));
        }
    }
    for c in &d.connectors {
        if closed.contains(&c.id) || (accessible && matches!(c.kind, ConnectorKind::Escalator | ConnectorKind::Stairs))
        {
            continue;
        }
        let st: Vec<usize> = c.nodes.iter().map(|n| idx[n.as_str()]).collect();
        let hop = c.length.unwrap();
        match c.kind {
            ConnectorKind::Elevator => {
                for (x, &a) in st.iter().enumerate() {
                    for (y, &b) in st.iter().enumerate() {
                        if x != y {
                            adj[a].push((b, mm(hop * (x as f64 - y as f64).abs())));
                        }
                    }
                }
            }
            kind => {
                let one_way = matches!(kind, ConnectorKind::Escalator | ConnectorKind::MovingWalkway);
                for w in st.windows(2) {
                    adj[w[0]].push((w[1], mm(hop)));
                    if !one_way {
                        adj[w[1]].push((w[0], mm(hop)));
                    }
                }
            }
        }
    }
    let mut dist = vec![u64::MAX; d.nodes.len()];
    let mut heap = BinaryHeap::new();
    dist[from] = 0;
    heap.push(std::cmp::Reverse((0u64, from)));
    while let Some(std::cmp::Reverse((du, u))) = heap.pop() {
        if du > dist[u] {
            continue;
        }
        if u == to {
            return Some(du);
        }
        for &(v, w) in &adj[u] {
            if du + w < dist[v] {
                dist[v] = du + w;
                heap.push(std::cmp::Reverse((du + w, v)));
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha, ..ProptestConfig::default() })]

    #[test]
    fn routes_match_reference(s in spec(), pairs in proptest::collection::vec((0usize..64, 0usize..64), 1..6), close in proptest::collection::vec(0usize..64, 0..3)) {
        let d = doc(&s);
        let venue = match Venue::from_doc(&d) {
            Ok(v) => v,
            // Entrances are not generated, so the only possible issue is none; any error is a bug.
            Err(e) => panic!("valid random venue rejected: {e}"),
        };
        let n = d.nodes.len();
        let mut closable: Vec<String> = d.connectors.iter().map(|c| c.id.clone()).collect();
        closable.extend(d.edges.iter().filter_map(|e| e.id.clone()));
        let closed: Vec<String> = if closable.is_empty() { Vec::new() } else { close.iter().map(|i| closable[i % closable.len()].clone()).collect() };
        for (i, j) in pairs {
            let (a, b) = (i % n, j % n);
            for accessible in [false, true] {
                for closed in [Vec::new(), closed.clone()] {
                    let opts = RouteOptions { mode: if accessible { Mode::Accessible } else { Mode::Default }, closed: closed.clone(), ..Default::default() };
                    let got = venue.route(&Endpoint::Node(format!("n{a}")), &Endpoint::Node(format!("n{b}")), &opts);
                    let want = reference(&d, a, b, accessible, &closed);
                    match (got, want) {
                        (Ok(r), Some(w)) => {
                            prop_assert_eq!((r.metres * 1000.0).round() as u64, w, "n{} -> n{} accessible={} closed={:?}", a, b, accessible, closed);
                            for c in &r.connectors {
                                let cd = d.connectors.iter().find(|x| &x.id == c).unwrap();
                                prop_assert!(!closed.contains(c), "closed connector {} used", c);
                                if accessible {
                                    prop_assert!(!matches!(cd.kind, ConnectorKind::Escalator | ConnectorKind::Stairs), "accessible route used {}", c);
                                }
                            }
                            for st in &r.steps {
                                if let (Some(c), Some(to)) = (&st.connector, &st.to_level) {
                                    let cd = d.connectors.iter().find(|x| &x.id == c).unwrap();
                                    if cd.kind == ConnectorKind::Escalator {
                                        // Ridden in its direction: from an earlier stop's level to a later stop's level.
                                        let levels: Vec<&str> = cd.nodes.iter().map(|id| d.nodes.iter().find(|n| &n.id == id).unwrap().level.as_str()).collect();
                                        let from_pos = levels.iter().position(|l| *l == st.level.as_str());
                                        let to_pos = levels.iter().rposition(|l| *l == to.as_str());
                                        prop_assert!(matches!((from_pos, to_pos), (Some(x), Some(y)) if x < y), "escalator {} ridden against its direction", c);
                                    }
                                }
                            }
                        }
                        (Err(_), None) => {}
                        (Ok(r), None) => prop_assert!(false, "route found where the reference has none: {} m", r.metres),
                        (Err(e), Some(w)) => prop_assert!(false, "no route but the reference found {} mm: {}", w, e),
                    }
                }
            }
        }
    }
}
