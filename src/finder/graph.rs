//! The compact walk graph (CSR arrays) and its search: A* / Dijkstra over integer costs (millimetres or
//! milliseconds) from several weighted sources to several weighted targets.
//!
//! Built once by `Venue::load`; queried with a [`Filter`] (mode, closures) and a [`Metric`]. Costs are `u32`
//! integers, so every runtime finds the same cost and the same path (ties are broken by node index).
//!
//! The A* heuristic is `floor(factor * straight-line distance)` to the nearest goal point, ignoring levels, where
//! `factor` is the smallest ratio cost / straight-line length over all arcs, so it is admissible and consistent for
//! any venue.
//!
//! Layout for speed (the same in native code and wasm): one packed `u64` per arc and metric (`cost << 32 | head`),
//! one 16-byte record per node (stamp, cost, parent arc, cached heuristic), stamps instead of clearing, a 4-ary heap
//! of `cost << 32 | node` keys (ties pop by node index; inlined into the loop, unlike std's `BinaryHeap` push), and
//! the arc filter skipped entirely when a query closes nothing and allows every class. (A radix heap on the costs,
//! tried, ran more instructions and mispredicted more branches than the binary heap on the 8,000-node benchmark
//! venue; breaking f-ties towards the smaller heuristic, tried, popped as many nodes: 1,176 vs 1,174 per query.)

/// What a query minimises.
///
/// # Example
/// ```
/// assert_eq!(mallcare::finder::graph::Metric::Time as usize, 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Millimetres walked (and ridden).
    #[default]
    Distance = 0,
    /// Milliseconds, including elevator waits.
    Time = 1,
}

/// Arc classes: which mode may use an arc.
pub mod class {
    /// Corridor on one level.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by a corridor.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::CORRIDOR), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::CORRIDOR), 0);
    /// ```
    pub const CORRIDOR: u8 = 0;
    /// Through a door.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by a door.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::DOOR, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::DOOR), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::DOOR), 0);
    /// ```
    pub const DOOR: u8 = 1;
    /// Across an open area.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by an open area.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::OPEN, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::OPEN), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::OPEN), 0);
    /// ```
    pub const OPEN: u8 = 2;
    /// Elevator ride (any stop to any stop).
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by an elevator ride.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::ELEVATOR, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::ELEVATOR), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::ELEVATOR), 0);
    /// ```
    pub const ELEVATOR: u8 = 3;
    /// Escalator (one way).
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by an escalator.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::ESCALATOR, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::ESCALATOR), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may not.
    /// assert_eq!(class::STEP_FREE & (1 << class::ESCALATOR), 0);
    /// ```
    pub const ESCALATOR: u8 = 4;
    /// Stairs.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by stairs.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::STAIRS, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::STAIRS), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may not.
    /// assert_eq!(class::STEP_FREE & (1 << class::STAIRS), 0);
    /// ```
    pub const STAIRS: u8 = 5;
    /// Ramp.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by a ramp.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::RAMP, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::RAMP), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::RAMP), 0);
    /// ```
    pub const RAMP: u8 = 6;
    /// Moving walkway.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by a moving walkway.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::WALKWAY, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::WALKWAY), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may use it.
    /// assert_ne!(class::STEP_FREE & (1 << class::WALKWAY), 0);
    /// ```
    pub const WALKWAY: u8 = 7;
    /// A walkable edge with steps (`stepFree: false`).
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // Two nodes 10 m apart joined only by a walkable edge with steps.
    /// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::STEPS, owner: 0 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let found = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s);
    /// assert_eq!(found.unwrap().cost, 10_000);
    /// // A query that leaves this class out finds no way.
    /// let without = Filter { classes: class::ALL & !(1 << class::STEPS), ..Filter::default() };
    /// assert!(g.shortest(&without, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).is_none());
    /// // Step-free (accessible) routes may not.
    /// assert_eq!(class::STEP_FREE & (1 << class::STEPS), 0);
    /// ```
    pub const STEPS: u8 = 8;
    /// Every class.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, Filter};
    /// // One bit per class, CORRIDOR (0) through STEPS (8), and nothing else.
    /// assert_eq!(class::ALL, (1 << (class::STEPS + 1)) - 1);
    /// let f = Filter::default();
    /// assert_eq!(f.classes, class::ALL);
    /// assert!((class::CORRIDOR..=class::STEPS).all(|c| f.allows(c, 0, 0)));
    /// ```
    pub const ALL: u16 = 0x1ff;
    /// Step-free classes (no escalators, stairs or steps).
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
    /// // From 0 to 2: stairs (10 m) or a ramp around (30 m).
    /// let g = Graph::build(3, &[0.0, 10.0, 5.0], &[0.0, 0.0, 10.0], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 12_000, class: class::STAIRS, owner: 0 },
    ///     ArcSpec { from: 0, to: 2, dist: 15_000, time: 12_500, class: class::RAMP, owner: 1 },
    ///     ArcSpec { from: 2, to: 1, dist: 15_000, time: 12_500, class: class::RAMP, owner: 2 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let any = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).unwrap();
    /// assert_eq!(any.cost, 10_000);
    /// let step_free = Filter { classes: class::STEP_FREE, ..Filter::default() };
    /// let acc = g.shortest(&step_free, Metric::Distance, &[(0, 0)], &[(1, 0)], None, &mut s).unwrap();
    /// assert_eq!((acc.cost, acc.arcs.len()), (30_000, 2));
    /// ```
    pub const STEP_FREE: u16 = ALL & !(1 << ESCALATOR) & !(1 << STAIRS) & !(1 << STEPS);
}

/// The graph in compressed sparse row form: the arcs leaving node `u` are `offsets[u]..offsets[u + 1]`.
///
/// # Example
/// ```
/// use mallcare::finder::graph::{Graph, ArcSpec, class};
/// let g = Graph::build(2, &[0.0, 10.0], &[0.0, 0.0], &[
///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 0 },
/// ]);
/// assert_eq!(g.node_count(), 2);
/// assert_eq!(g.arc_count(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Graph {
    offsets: Vec<u32>,
    /// Per metric, per arc: `cost << 32 | head`.
    adj: [Vec<u64>; 2],
    class: Vec<u8>,
    owner: Vec<u32>,
    xy: Vec<(f64, f64)>,
    factor: [f64; 2],
}

/// One directed arc, as given to [`Graph::build`].
///
/// # Example
/// ```
/// let a = mallcare::finder::graph::ArcSpec { from: 0, to: 1, dist: 1, time: 1, class: 0, owner: 7 };
/// assert_eq!(a.owner, 7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArcSpec {
    /// Tail node.
    pub from: u32,
    /// Head node.
    pub to: u32,
    /// Length, millimetres.
    pub dist: u32,
    /// Time, milliseconds.
    pub time: u32,
    /// One of [`class`].
    pub class: u8,
    /// The edge or connector this arc belongs to (for closures and directions).
    pub owner: u32,
}

/// Which arcs a query may use.
///
/// # Example
/// ```
/// use mallcare::finder::graph::{Filter, class};
/// let f = Filter { classes: class::STEP_FREE, ..Filter::default() };
/// assert!(!f.allows(class::STAIRS, 0, 0));
/// assert!(f.allows(class::ELEVATOR, 0, 0));
/// ```
#[derive(Clone, Debug)]
pub struct Filter {
    /// Bit mask of allowed [`class`]es.
    pub classes: u16,
    /// Closed owners (edges / connectors), by owner index; empty = none closed.
    pub closed_owner: Vec<bool>,
    /// Closed nodes (doors, walk-through stores), by node index; empty = none closed.
    pub closed_node: Vec<bool>,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter { classes: class::ALL, closed_owner: Vec::new(), closed_node: Vec::new() }
    }
}

impl Filter {
    /// Whether an arc of `class` owned by `owner` entering node `head` may be used.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let f = mallcare::finder::graph::Filter { closed_node: vec![false, true], ..Default::default() };
    /// assert!(!f.allows(0, 0, 1));
    /// ```
    #[inline]
    pub fn allows(&self, class: u8, owner: u32, head: u32) -> bool {
        self.classes & (1u16 << (class & 15)) != 0
            && !self.closed_owner.get(owner as usize).copied().unwrap_or(false)
            && !self.closed_node.get(head as usize).copied().unwrap_or(false)
    }

    /// Whether node `n` is closed.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(!mallcare::finder::graph::Filter::default().node_closed(3));
    /// ```
    pub fn node_closed(&self, n: u32) -> bool {
        self.closed_node.get(n as usize).copied().unwrap_or(false)
    }

    /// Whether the filter lets every arc through (no class excluded, nothing closed).
    fn is_open(&self) -> bool {
        self.classes & class::ALL == class::ALL && self.closed_owner.is_empty() && self.closed_node.is_empty()
    }
}

/// The result of a search: total cost, the target reached, and the arcs from the source.
///
/// # Example
/// ```
/// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
/// let g = Graph::build(3, &[0.0, 10.0, 20.0], &[0.0; 3], &[
///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 0 },
///     ArcSpec { from: 1, to: 2, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 1 },
/// ]);
/// // Two candidate starts (node 0 at no extra cost, node 1 with 15 m to walk to it first), one target with 0.5 m
/// // to walk from it.
/// let f = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0), (1, 15_000)], &[(2, 500)], None,
///     &mut Scratch::default()).unwrap();
/// assert_eq!((f.cost, f.source, f.target), (20_500, 0, 0));
/// assert_eq!(f.arcs.iter().map(|&a| g.tail(a).unwrap()).collect::<Vec<_>>(), [0, 1]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Cost including source and target offsets.
    pub cost: u64,
    /// Index into the `sources` slice where the path starts.
    pub source: usize,
    /// Index into the `targets` slice where the path ends.
    pub target: usize,
    /// Arc indices in order (empty when source and target are the same node).
    pub arcs: Vec<u32>,
}

/// Per-node search state; `mark` is `2 * stamp` once reached, `2 * stamp + 1` once settled.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    mark: u32,
    dist: u32,
    parent: u32,
    h: u32,
}

/// Reusable search memory; stamped so a query never clears whole arrays.
///
/// # Example
/// ```
/// use mallcare::finder::graph::{class, ArcSpec, Filter, Graph, Metric, Scratch};
/// let g = Graph::build(3, &[0.0, 10.0, 20.0], &[0.0; 3], &[
///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 0 },
///     ArcSpec { from: 1, to: 2, dist: 10_000, time: 8_333, class: class::CORRIDOR, owner: 1 },
/// ]);
/// // One scratch serves every query on the graph; a reused one answers as a fresh one does.
/// let mut s = Scratch::default();
/// for (from, to, cost) in [(0, 2, 20_000), (1, 2, 10_000), (0, 1, 10_000)] {
///     let reused = g.shortest(&Filter::default(), Metric::Distance, &[(from, 0)], &[(to, 0)], None, &mut s);
///     let fresh = g.shortest(&Filter::default(), Metric::Distance, &[(from, 0)], &[(to, 0)], None,
///         &mut Scratch::default());
///     assert_eq!(reused, fresh);
///     assert_eq!(reused.unwrap().cost, cost);
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    stamp: u32,
    slot: Vec<Slot>,
    origin: Vec<u32>,
    tstamp: Vec<u32>,
    texit: Vec<u32>,
    tindex: Vec<u32>,
    heap: Heap,
}

/// A 4-ary min-heap of `cost << 32 | node` keys (ties pop by node index). Shallower than a binary heap, and small
/// enough to inline into the search loop (std's `BinaryHeap` push stayed an out-of-line call at opt-level "s").
#[derive(Clone, Debug, Default)]
struct Heap(Vec<u64>);

impl Heap {
    #[inline]
    fn push(&mut self, key: u64) {
        let h = &mut self.0;
        let mut i = h.len();
        h.push(key);
        while i > 0 {
            let p = (i - 1) / 4;
            let Some(&pk) = h.get(p) else { break };
            if pk <= key {
                break;
            }
            if let Some(x) = h.get_mut(i) {
                *x = pk;
            }
            i = p;
        }
        if let Some(x) = h.get_mut(i) {
            *x = key;
        }
    }

    #[inline]
    fn pop(&mut self) -> Option<u64> {
        let h = &mut self.0;
        let last = h.pop()?;
        let Some(&top) = h.first() else { return Some(last) };
        let n = h.len();
        let mut i = 0;
        loop {
            let c = 4 * i + 1;
            if c >= n {
                break;
            }
            // The smallest of up to four children (all four present: no loop).
            let (mut m, mut mk);
            if let Some(&[k0, k1, k2, k3]) = h.get(c..c + 4) {
                let (m01, k01) = if k1 < k0 { (c + 1, k1) } else { (c, k0) };
                let (m23, k23) = if k3 < k2 { (c + 3, k3) } else { (c + 2, k2) };
                (m, mk) = if k23 < k01 { (m23, k23) } else { (m01, k01) };
            } else {
                (m, mk) = (c, u64::MAX);
                for (j, &k) in h.get(c..n).unwrap_or(&[]).iter().enumerate() {
                    if k < mk {
                        mk = k;
                        m = c + j;
                    }
                }
            }
            if mk >= last {
                break;
            }
            if let Some(x) = h.get_mut(i) {
                *x = mk;
            }
            i = m;
        }
        if let Some(x) = h.get_mut(i) {
            *x = last;
        }
        Some(top)
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

const NONE: u32 = u32::MAX;

impl Scratch {
    fn begin(&mut self, n: usize) {
        if self.slot.len() != n || self.stamp >= u32::MAX / 2 - 1 {
            *self = Scratch {
                stamp: 0,
                slot: vec![Slot::default(); n],
                origin: vec![0; n],
                tstamp: vec![0; n],
                texit: vec![0; n],
                tindex: vec![0; n],
                heap: Heap::default(),
            };
        }
        self.stamp += 1;
        self.heap.clear();
    }
}

impl Graph {
    /// Builds the CSR arrays from arcs and node positions (metres). Arcs naming nodes out of range are dropped.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let g = mallcare::finder::graph::Graph::build(1, &[0.0], &[0.0], &[]);
    /// assert_eq!(g.arc_count(), 0);
    /// ```
    pub fn build(n: usize, xs: &[f64], ys: &[f64], arcs: &[ArcSpec]) -> Graph {
        let mut count = vec![0u32; n + 1];
        let arcs: Vec<&ArcSpec> = arcs.iter().filter(|a| (a.from as usize) < n && (a.to as usize) < n).collect();
        for a in &arcs {
            if let Some(c) = count.get_mut(a.from as usize + 1) {
                *c += 1;
            }
        }
        for i in 1..count.len() {
            let prev = count.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = count.get_mut(i) {
                *c += prev;
            }
        }
        let offsets = count.clone();
        let m = arcs.len();
        let mut ad = vec![0u64; m];
        let mut at = vec![0u64; m];
        let mut cl = vec![0u8; m];
        let mut ow = vec![0u32; m];
        let mut next = count;
        let mut factor = [f64::INFINITY; 2];
        let xy: Vec<(f64, f64)> =
            (0..n).map(|i| (xs.get(i).copied().unwrap_or(0.0), ys.get(i).copied().unwrap_or(0.0))).collect();
        for a in &arcs {
            let Some(slot) = next.get_mut(a.from as usize) else { continue };
            let i = *slot as usize;
            *slot += 1;
            if let (Some(d), Some(t), Some(c), Some(o)) = (ad.get_mut(i), at.get_mut(i), cl.get_mut(i), ow.get_mut(i)) {
                *d = (u64::from(a.dist) << 32) | u64::from(a.to);
                *t = (u64::from(a.time) << 32) | u64::from(a.to);
                *c = a.class;
                *o = a.owner;
            }
            let (x0, y0) = xy.get(a.from as usize).copied().unwrap_or((0.0, 0.0));
            let (x1, y1) = xy.get(a.to as usize).copied().unwrap_or((0.0, 0.0));
            let straight = (x1 - x0).hypot(y1 - y0) * 1000.0;
            if straight > 1e-6 {
                factor[0] = factor[0].min(f64::from(a.dist) / straight);
                factor[1] = factor[1].min(f64::from(a.time) / straight);
            }
        }
        for f in &mut factor {
            // Slack absorbs rounding in hypot; a graph without geometry gets plain Dijkstra.
            *f = if f.is_finite() { (*f * (1.0 - 1e-9)).max(0.0) } else { 0.0 };
        }
        Graph { offsets, adj: [ad, at], class: cl, owner: ow, xy, factor }
    }

    /// Number of nodes.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::graph::Graph::default().node_count(), 0);
    /// ```
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of arcs.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::graph::Graph::default().arc_count(), 0);
    /// ```
    pub fn arc_count(&self) -> usize {
        self.class.len()
    }

    /// The arcs leaving `u` as a range of arc indices.
    ///
    /// # Errors
    /// None; an unknown node has no arcs.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::graph::Graph::default().arcs_of(5).is_empty());
    /// ```
    pub fn arcs_of(&self, u: u32) -> std::ops::Range<usize> {
        let a = self.offsets.get(u as usize).copied().unwrap_or(0) as usize;
        let b = self.offsets.get(u as usize + 1).copied().unwrap_or(0) as usize;
        a..b.max(a)
    }

    /// `(head, class, owner)` of arc `a`.
    ///
    /// # Errors
    /// None; `None` for an unknown arc.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::graph::Graph::default().arc(0).is_none());
    /// ```
    pub fn arc(&self, a: u32) -> Option<(u32, u8, u32)> {
        let i = a as usize;
        #[allow(clippy::cast_possible_truncation, reason = "the low 32 bits hold the head")]
        let head = *self.adj[0].get(i)? as u32;
        Some((head, *self.class.get(i)?, *self.owner.get(i)?))
    }

    /// Cost of arc `a` under `metric` (0 for an unknown arc).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::{Graph, Metric};
    /// assert_eq!(Graph::default().weight(0, Metric::Distance), 0);
    /// ```
    pub fn weight(&self, a: u32, metric: Metric) -> u32 {
        #[allow(clippy::cast_possible_truncation, reason = "the high 32 bits hold the cost")]
        let w = self.packed(metric).get(a as usize).map_or(0, |&p| (p >> 32) as u32);
        w
    }

    /// The tail of arc `a` (found by binary search over the offsets).
    ///
    /// # Errors
    /// None; `None` for an unknown arc.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::finder::graph::Graph::default().tail(0).is_none());
    /// ```
    pub fn tail(&self, a: u32) -> Option<u32> {
        if a as usize >= self.class.len() {
            return None;
        }
        let p = self.offsets.partition_point(|&o| o <= a);
        u32::try_from(p.checked_sub(1)?).ok()
    }

    /// The heuristic factor for `metric` (cost units per millimetre of straight line).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::finder::graph::Graph::default().factor(Default::default()), 0.0);
    /// ```
    pub fn factor(&self, metric: Metric) -> f64 {
        let [d, t] = self.factor;
        match metric {
            Metric::Distance => d,
            Metric::Time => t,
        }
    }

    fn packed(&self, metric: Metric) -> &[u64] {
        let [d, t] = &self.adj;
        match metric {
            Metric::Distance => d,
            Metric::Time => t,
        }
    }

    /// Shortest path from any `sources` node (with its starting cost) to any `targets` node (plus its exit cost).
    /// With `goal = Some((x, y))` the search is A* towards that point (every target must lie at or be reached
    /// no cheaper than the straight line to it); with `None`, Dijkstra.
    ///
    /// # Errors
    /// None; `None` if no target is reachable under `filter`.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::*;
    /// let g = Graph::build(3, &[0.0, 10.0, 20.0], &[0.0; 3], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 1, class: class::CORRIDOR, owner: 0 },
    ///     ArcSpec { from: 1, to: 2, dist: 10_000, time: 1, class: class::STAIRS, owner: 1 },
    /// ]);
    /// let mut s = Scratch::default();
    /// let f = g.shortest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(2, 0)], Some((20.0, 0.0)), &mut s);
    /// assert_eq!(f.unwrap().cost, 20_000);
    /// let acc = Filter { classes: class::STEP_FREE, ..Filter::default() };
    /// assert!(g.shortest(&acc, Metric::Distance, &[(0, 0)], &[(2, 0)], None, &mut s).is_none());
    /// ```
    pub fn shortest(
        &self,
        filter: &Filter,
        metric: Metric,
        sources: &[(u32, u32)],
        targets: &[(u32, u32)],
        goal: Option<(f64, f64)>,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        self.shortest_to(filter, metric, sources, targets, goal.as_slice(), scratch)
    }

    /// [`Graph::shortest`] with A* towards the nearest of several goal points (`goals` empty: Dijkstra). Each
    /// target must be reached no cheaper than the straight line from it to some goal point.
    pub(crate) fn shortest_to(
        &self,
        filter: &Filter,
        metric: Metric,
        sources: &[(u32, u32)],
        targets: &[(u32, u32)],
        goals: &[(f64, f64)],
        scratch: &mut Scratch,
    ) -> Option<Found> {
        let mut found = self.search(filter, metric, sources, targets, goals, scratch, 1, &[]);
        found.pop()
    }

    /// Like [`Graph::shortest`] without a goal, but keeps searching until targets of `limit` distinct groups
    /// (`groups[i]` is target `i`'s group, e.g. its place) are reached; answers the nearest target of each group,
    /// nearest first. Targets must have exit cost 0.
    ///
    /// # Errors
    /// None; fewer answers when fewer targets are reachable.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::*;
    /// let g = Graph::build(3, &[0.0, 10.0, 20.0], &[0.0; 3], &[
    ///     ArcSpec { from: 0, to: 1, dist: 10_000, time: 1, class: 0, owner: 0 },
    ///     ArcSpec { from: 1, to: 2, dist: 10_000, time: 1, class: 0, owner: 1 },
    /// ]);
    /// let found = g.nearest(&Filter::default(), Metric::Distance, &[(0, 0)], &[(2, 0), (1, 0)], &[0, 1], 2,
    ///     &mut Scratch::default());
    /// assert_eq!(found.iter().map(|f| f.target).collect::<Vec<_>>(), vec![1, 0]);
    /// ```
    #[allow(clippy::too_many_arguments, reason = "mirrors `shortest` plus the grouping; all are needed")]
    pub fn nearest(
        &self,
        filter: &Filter,
        metric: Metric,
        sources: &[(u32, u32)],
        targets: &[(u32, u32)],
        groups: &[u32],
        limit: usize,
        scratch: &mut Scratch,
    ) -> Vec<Found> {
        let mut found =
            self.search(filter, metric, sources, targets, &[], scratch, limit.max(1).saturating_add(1), groups);
        let mut seen: Vec<u32> = Vec::new();
        found.retain(|f| {
            let g = groups.get(f.target).copied().unwrap_or(u32::MAX);
            if seen.contains(&g) || seen.len() >= limit.max(1) {
                false
            } else {
                seen.push(g);
                true
            }
        });
        found
    }

    /// Costs from the sources to every node (`None` = unreachable): a full Dijkstra, for cost matrices.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::finder::graph::*;
    /// let g = Graph::build(2, &[0.0, 1.0], &[0.0; 2], &[ArcSpec { from: 0, to: 1, dist: 5, time: 1, class: 0, owner: 0 }]);
    /// let d = g.costs_from(&Filter::default(), Metric::Distance, &[(0, 0)], &mut Scratch::default());
    /// assert_eq!(d, vec![Some(0), Some(5)]);
    /// ```
    pub fn costs_from(
        &self,
        filter: &Filter,
        metric: Metric,
        sources: &[(u32, u32)],
        scratch: &mut Scratch,
    ) -> Vec<Option<u32>> {
        let _ = self.search(filter, metric, sources, &[], &[], scratch, 0, &[]);
        let done = 2 * scratch.stamp + 1;
        scratch.slot.iter().map(|s| (s.mark == done).then_some(s.dist)).collect()
    }

    /// `floor(factor * distance to the nearest goal)`, in cost units.
    #[inline]
    fn heuristic(&self, u: u32, factor: f64, goals: &[(f64, f64)]) -> u32 {
        let (x, y) = self.xy.get(u as usize).copied().unwrap_or((0.0, 0.0));
        let mut d2 = f64::INFINITY;
        for &(gx, gy) in goals {
            let (dx, dy) = (x - gx, y - gy);
            d2 = d2.min(dx * dx + dy * dy);
        }
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "floor of a bounded non-negative value"
        )]
        let v = (factor * d2.sqrt()).min(f64::from(u32::MAX / 2)) as u32;
        v
    }

    #[allow(clippy::too_many_arguments, reason = "internal worker behind three thin public calls")]
    #[allow(clippy::too_many_lines, reason = "one search loop; split it and the hot path loses its locals")]
    fn search(
        &self,
        filter: &Filter,
        metric: Metric,
        sources: &[(u32, u32)],
        targets: &[(u32, u32)],
        goals: &[(f64, f64)],
        s: &mut Scratch,
        limit: usize,
        groups: &[u32],
    ) -> Vec<Found> {
        // limit 0: settle everything; 1: the single best target; n > 1: stop once targets of n - 1 distinct
        // groups are settled (exit costs must be 0 then).
        let mut group_seen: Vec<u32> = Vec::new();
        let n = self.node_count();
        s.begin(n);
        let st = s.stamp;
        let (open, done) = (2 * st, 2 * st + 1);
        let adj = self.packed(metric);
        let factor = if goals.is_empty() { 0.0 } else { self.factor(metric) * 1000.0 };
        // One goal (the usual route): no loop over goals.
        let single = match goals {
            [g] => Some(*g),
            _ => None,
        };
        let h = |u: u32| {
            if factor == 0.0 {
                0
            } else if let Some((gx, gy)) = single {
                let (x, y) = self.xy.get(u as usize).copied().unwrap_or((0.0, 0.0));
                let (dx, dy) = (x - gx, y - gy);
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "floor of a bounded non-negative value"
                )]
                let v = (factor * (dx * dx + dy * dy).sqrt()).min(f64::from(u32::MAX / 2)) as u32;
                v
            } else {
                self.heuristic(u, factor, goals)
            }
        };
        let unfiltered = filter.is_open();
        for (i, &(t, exit)) in targets.iter().enumerate() {
            let t = t as usize;
            let better = s.tstamp.get(t) != Some(&st) || s.texit.get(t).is_some_and(|&e| exit < e);
            if better {
                if let (Some(a), Some(b), Some(c)) = (s.tstamp.get_mut(t), s.texit.get_mut(t), s.tindex.get_mut(t)) {
                    *a = st;
                    *b = exit;
                    *c = u32::try_from(i).unwrap_or(NONE);
                }
            }
        }
        for (i, &(u, c)) in sources.iter().enumerate() {
            if filter.node_closed(u) {
                continue;
            }
            let Some(slot) = s.slot.get_mut(u as usize) else { continue };
            let better = slot.mark != open || c < slot.dist;
            if better {
                let hu = if slot.mark == open { slot.h } else { h(u) };
                *slot = Slot { mark: open, dist: c, parent: NONE, h: hu };
                if let Some(o) = s.origin.get_mut(u as usize) {
                    *o = u32::try_from(i).unwrap_or(0);
                }
                s.heap.push((u64::from(c.saturating_add(hu)) << 32) | u64::from(u));
            }
        }
        let mut best: Vec<(u64, u32)> = Vec::new(); // (total, node) of settled targets, nearest first
        let mut bound = u64::MAX; // best total when limit == 1
        while let Some(key) = s.heap.pop() {
            let f = key >> 32;
            if limit == 1 && f >= bound {
                break;
            }
            #[allow(clippy::cast_possible_truncation, reason = "low 32 bits hold the node")]
            let u = key as u32;
            let ui = u as usize;
            let Some(su) = s.slot.get_mut(ui) else { continue };
            if su.mark == done {
                continue;
            }
            su.mark = done;
            let du = su.dist;
            if s.tstamp.get(ui) == Some(&st) {
                let total = u64::from(du) + u64::from(s.texit.get(ui).copied().unwrap_or(0));
                if limit == 1 {
                    if total < bound {
                        bound = total;
                        best.clear();
                        best.push((total, u));
                    }
                } else if limit > 1 {
                    best.push((total, u));
                    let ti = s.tindex.get(ui).copied().unwrap_or(0) as usize;
                    let g = groups.get(ti).copied().unwrap_or(u32::try_from(ti).unwrap_or(u32::MAX));
                    if !group_seen.contains(&g) {
                        group_seen.push(g);
                    }
                    if group_seen.len() + 1 >= limit {
                        break;
                    }
                }
            }
            let a0 = self.offsets.get(ui).copied().unwrap_or(0) as usize;
            let a1 = self.offsets.get(ui + 1).copied().unwrap_or(0) as usize;
            let Some(arcs) = adj.get(a0..a1) else { continue };
            for (k, &p) in arcs.iter().enumerate() {
                #[allow(clippy::cast_possible_truncation, reason = "low 32 bits: head; high 32 bits: cost")]
                let (v, wa) = (p as u32, (p >> 32) as u32);
                let a = a0 + k;
                if !unfiltered {
                    let (c, o) = (self.class.get(a).copied().unwrap_or(0), self.owner.get(a).copied().unwrap_or(0));
                    if !filter.allows(c, o, v) {
                        continue;
                    }
                }
                let nd = du.saturating_add(wa);
                let Some(sv) = s.slot.get_mut(v as usize) else { continue };
                let hv = if sv.mark == open {
                    if nd >= sv.dist {
                        continue;
                    }
                    sv.h
                } else if sv.mark == done {
                    continue;
                } else {
                    h(v)
                };
                *sv = Slot { mark: open, dist: nd, parent: u32::try_from(a).unwrap_or(NONE), h: hv };
                s.heap.push((u64::from(nd.saturating_add(hv)) << 32) | u64::from(v));
            }
        }
        if limit > 1 {
            crate::sort::heap_sort_by(&mut best, |a, b| a < b);
        }
        best.into_iter()
            .map(|(cost, u)| {
                let mut arcs = Vec::new();
                let mut cur = u;
                let mut guard = 0usize;
                while let Some(&Slot { parent: p, .. }) = s.slot.get(cur as usize) {
                    if p == NONE || guard > n {
                        break;
                    }
                    arcs.push(p);
                    cur = self.tail(p).unwrap_or(cur);
                    guard += 1;
                }
                arcs.reverse();
                Found {
                    cost,
                    source: s.origin.get(cur as usize).copied().unwrap_or(0) as usize,
                    target: s.tindex.get(u as usize).copied().unwrap_or(0) as usize,
                    arcs,
                }
            })
            .collect()
    }
}
