//! Small statistics helpers with one definition for every client and server.

/// Nearest-rank percentile of sorted values: the value at rank ⌈p·n⌉ (1-based). `None` when empty.
/// Nearest rank keeps the figure an actual observed number of working days, which is easy to explain.
pub fn nearest_rank(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = percentile_rank(sorted.len(), p);
    Some(sorted[rank - 1])
}

/// The 1-based rank used by [`nearest_rank`] for `n` values, for percentiles of other sorted things too (the
/// load generator's latencies) and of histograms.
pub fn percentile_rank(n: usize, p: f64) -> usize {
    ((p.clamp(0.0, 1.0) * n as f64).ceil() as usize).clamp(1, n.max(1))
}

/// [`nearest_rank`] over a histogram of `(value, count)` sorted by value, so a server can count in SQL
/// (`GROUP BY value`) instead of sorting every row.
pub fn nearest_rank_in_histogram(histogram: &[(f64, u64)], p: f64) -> Option<f64> {
    let n: u64 = histogram.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let rank = percentile_rank(n as usize, p) as u64;
    let mut seen = 0;
    for (value, count) in histogram {
        seen += count;
        if seen >= rank {
            return Some(*value);
        }
    }
    histogram.last().map(|(v, _)| *v)
}

/// `part / whole`, or 0 when nothing was counted.
pub fn rate(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(nearest_rank(&v, 0.5), Some(5.0));
        assert_eq!(nearest_rank(&v, 0.9), Some(9.0));
        assert_eq!(nearest_rank(&v, 1.0), Some(10.0));
        assert_eq!(nearest_rank(&[3.0], 0.5), Some(3.0));
        assert_eq!(nearest_rank(&[1.0, 2.0, 3.0], 0.5), Some(2.0));
        assert_eq!(nearest_rank(&[], 0.5), None);
        assert_eq!(percentile_rank(7, 0.9), 7);
    }

    #[test]
    fn histogram_percentiles_equal_percentiles_of_the_expanded_values() {
        let histogram = [(0.0, 3), (2.0, 1), (5.0, 4), (9.0, 2), (30.0, 1)];
        let mut expanded = Vec::new();
        for (v, c) in histogram {
            expanded.extend(std::iter::repeat_n(v, c as usize));
        }
        for p in [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0] {
            assert_eq!(
                nearest_rank_in_histogram(&histogram, p),
                nearest_rank(&expanded, p),
                "p = {p}"
            );
        }
        assert_eq!(nearest_rank_in_histogram(&[], 0.5), None);
        assert_eq!(nearest_rank_in_histogram(&[(4.0, 0)], 0.5), None);
    }

    #[test]
    fn rate_handles_zero() {
        assert_eq!(rate(0, 0), 0.0);
        assert_eq!(rate(3, 4), 0.75);
    }
}
