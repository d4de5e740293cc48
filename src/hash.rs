//! One small deterministic hasher for the crate's id indexes (the points ledger's order index, the finder's maps).

/// A hash map keyed through [`Fnv`].
#[cfg(feature = "finder")]
pub(crate) type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A hash set keyed through [`Fnv`].
#[cfg(feature = "finder")]
pub(crate) type FnvSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a 64 instead of the standard random SipHash: no random keys, the same order in every runtime, and much
/// less wasm (SipHash and the random-key setup were inlined at every map call).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}
