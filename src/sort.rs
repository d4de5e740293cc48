//! One small sort for the whole crate.
//!
//! The standard library's sorts are excellent but each instantiation adds 2-5 KB to the wasm; the lists sorted here
//! (split remainders, rules, object keys) are short or need no stability, so one heapsort serves them all.

/// Sorts `v` by `less`, which must be a total order (call sites break ties by index, or reject equal keys):
/// a heapsort, O(n log n) for any input, no allocation, not stable.
pub(crate) fn heap_sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let before = |v: &[T], a: usize, b: usize| matches!((v.get(a), v.get(b)), (Some(x), Some(y)) if less(x, y));
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(v, child, child + 1) {
            child += 1;
        }
        if !before(v, root, child) {
            return;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::heap_sort_by;

    #[test]
    fn sorts_like_the_std_sort_for_any_length() {
        for n in [0usize, 1, 2, 3, 10, 5000] {
            let mut v: Vec<(u32, usize)> = (0..n).map(|i| (u32::try_from(i * 7919 % 1000).unwrap(), i)).collect();
            let mut want = v.clone();
            want.sort();
            heap_sort_by(&mut v, |a, b| a < b);
            assert_eq!(v, want);
        }
    }
}
