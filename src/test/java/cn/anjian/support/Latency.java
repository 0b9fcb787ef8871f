package cn.anjian.support;

import java.util.Arrays;
import java.util.function.Supplier;

/** For benchmarks: runs a query after a warm-up and prints its p50 / p95 latency with what it returned. */
public final class Latency {

	private Latency() {
	}

	public static void report(String name, int warmup, int runs, Supplier<Long> query) {
		long result = 0;
		for (int i = 0; i < warmup; i++) {
			result = query.get();
		}
		long[] micros = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			query.get();
			micros[i] = (System.nanoTime() - t) / 1000;
		}
		Arrays.sort(micros);
		System.out.printf("%-42s rows %,9d   p50 %8.2f ms   p95 %8.2f ms%n", name, result, micros[runs / 2] / 1000.0,
				micros[runs * 95 / 100] / 1000.0);
	}
}
