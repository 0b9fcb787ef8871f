package cn.anjian.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulated clock's state in table {@code simulated_clock}, shared by all nodes. */
public class ClockStore {

	/** Either an offset from real time, or a frozen instant. */
	public record State(long offsetSeconds, Instant frozenAt) {

		static final State REAL = new State(0, null);

		Instant apply(Instant real) {
			return frozenAt != null ? frozenAt : real.plusSeconds(offsetSeconds);
		}

		State shifted(Duration by, Instant real) {
			return frozenAt != null ? new State(0, frozenAt.plus(by)) : new State(offsetSeconds + by.getSeconds(), null);
		}
	}

	private final JdbcClient jdbc;

	public ClockStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	State load() {
		return jdbc.sql("SELECT offset_seconds, frozen_at FROM simulated_clock WHERE id = 1")
			.query((rs, n) -> new State(rs.getLong(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(State.REAL);
	}

	void save(State state) {
		jdbc.sql("""
				INSERT INTO simulated_clock (id, offset_seconds, frozen_at) VALUES (1, :offset, :frozen)
				ON CONFLICT (id) DO UPDATE SET offset_seconds = :offset, frozen_at = :frozen
				""")
			.param("offset", state.offsetSeconds())
			.param("frozen", state.frozenAt() == null ? null : Timestamp.from(state.frozenAt()))
			.update();
	}
}
