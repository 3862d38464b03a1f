package cn.kejiao.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.kejiao.bench.HotLotBidders.Attempt;

/**
 * How the live stream served its watchers: for every new leading amount (the bid count an accepted bid left the lot
 * at) and every watcher, the delay from the server's acceptance instant ({@code at} in the event) and from the moment
 * the 201 reached the bidder, to the event's arrival; and the events a watcher never got.
 */
record Delivery(int events, long delivered, double p50, double p99, double afterAnswerP50, double afterAnswerP99,
		long missed, long watchersMissing) {

	static Delivery of(SseWatchers watchers, HotLotBidders.Run run) {
		// an accepted bid that moved no price (a leader raising its own maximum) leaves the bid count as it was: one
		// event for both, answered when the first of them came back
		Map<Long, Long> answered = new HashMap<>();
		for (Attempt attempt : run.attempts()) {
			if (attempt.status() == 201) {
				answered.merge((long) attempt.bidCount(), attempt.returnedMicros(), Math::min);
			}
		}
		Set<Long> expected = answered.keySet();
		long total = 0;
		for (SseWatchers.Watcher watcher : watchers.watchers) {
			total += watcher.size();
		}
		double[] fromAt = new double[(int) total];
		double[] fromAnswer = new double[(int) total];
		int n = 0;
		int m = 0;
		long missed = 0;
		long watchersMissing = 0;
		for (SseWatchers.Watcher watcher : watchers.watchers) {
			Set<Long> got = new HashSet<>();
			for (int i = 0; i < watcher.size(); i++) {
				long bidCount = watcher.bidCount(i);
				long arrival = watcher.arrival(i);
				got.add(bidCount);
				Long at = watchers.acceptedAt.get(bidCount);
				if (at != null) {
					fromAt[n++] = (arrival - at) / 1000.0;
				}
				Long back = answered.get(bidCount);
				if (back != null) {
					fromAnswer[m++] = (arrival - back) / 1000.0;
				}
			}
			long notGot = expected.stream().filter(e -> !got.contains(e)).count();
			missed += notGot;
			watchersMissing += notGot > 0 ? 1 : 0;
		}
		double[] a = Arrays.copyOf(fromAt, n);
		double[] b = Arrays.copyOf(fromAnswer, m);
		Arrays.sort(a);
		Arrays.sort(b);
		return new Delivery(expected.size(), total, pct(a, 50), pct(a, 99), pct(b, 50), pct(b, 99), missed,
				watchersMissing);
	}

	static double pct(double[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}
}
