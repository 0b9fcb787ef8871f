package cn.anjian.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform clock in demo mode and in tests: real time shifted by an offset, or frozen at an instant. The
 * offset is kept in the database ({@link ClockStore}) so every node of a cluster shows the same simulated time;
 * a node re-reads it at most every few seconds.
 */
public final class SimulatedClock extends Clock {

	private static final Duration REFRESH = Duration.ofSeconds(3);

	private final Clock base;
	private final ClockStore store;
	private volatile ClockStore.State state = ClockStore.State.REAL;
	private volatile Instant lastRefresh = Instant.MIN;

	public SimulatedClock(Clock base, ClockStore store) {
		this.base = base;
		this.store = store;
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant real = base.instant();
		if (real.isAfter(lastRefresh.plus(REFRESH))) {
			state = store.load();
			lastRefresh = real;
		}
		return state.apply(real);
	}

	/** Moves the clock forward (or back) keeping it running. */
	public Instant advance(Duration by) {
		return change(state.shifted(by, base.instant()));
	}

	/** Sets the clock to the given instant; it keeps running from there. */
	public Instant set(Instant to) {
		return change(new ClockStore.State(Duration.between(base.instant(), to).getSeconds(), null));
	}

	/** Stops the clock at the given instant (tests move it explicitly from there). */
	public Instant freeze(Instant at) {
		return change(new ClockStore.State(0, at));
	}

	public Instant reset() {
		return change(ClockStore.State.REAL);
	}

	public long offsetSeconds() {
		return Duration.between(base.instant(), instant()).getSeconds();
	}

	private Instant change(ClockStore.State next) {
		store.save(next);
		state = next;
		lastRefresh = base.instant();
		return instant();
	}
}
