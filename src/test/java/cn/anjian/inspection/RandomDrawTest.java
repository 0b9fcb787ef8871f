package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The 双随机 rule on its own: reproducible from its seed, never an excluded inspector, always enough of them. */
class RandomDrawTest {

	static final List<Long> POOL = LongStream.rangeClosed(100, 160).boxed().toList();
	static final List<Long> INSPECTORS = List.of(1L, 2L, 3L, 4L, 5L, 6L);
	// entity 101: 1 has a conflict of interest, 2 and 3 inspected it last time; entity 150: 6 has a conflict
	static final Map<Long, Set<Long>> EXCLUDED = Map.of(101L, Set.of(1L, 2L, 3L), 150L, Set.of(6L));

	static Set<Long> excluded(long entity) {
		return EXCLUDED.getOrDefault(entity, Set.of());
	}

	@Test
	void theSameSeedOverTheSamePoolReproducesTheDrawExactlyWhateverOrderTheInputsCameIn() {
		var first = RandomDraw.draw(42L, POOL, 10, 2, INSPECTORS, RandomDrawTest::excluded);
		var shuffledPool = new java.util.ArrayList<>(POOL);
		Collections.reverse(shuffledPool);
		var again = RandomDraw.draw(42L, shuffledPool, 10, 2, List.of(6L, 5L, 4L, 3L, 2L, 1L), RandomDrawTest::excluded);
		assertThat(again).isEqualTo(first);
		assertThat(RandomDraw.draw(43L, POOL, 10, 2, INSPECTORS, RandomDrawTest::excluded)).isNotEqualTo(first);
	}

	@Test
	void conflictedAndLastTimeInspectorsAreNeverDrawnAndEveryEntityGetsTheInspectorsAsked() {
		for (long seed = 0; seed < 2000; seed++) {
			var picks = RandomDraw.draw(seed, POOL, POOL.size(), 3, INSPECTORS, RandomDrawTest::excluded);
			assertThat(picks).hasSize(POOL.size());
			assertThat(picks.stream().map(RandomDraw.Pick::entityId).distinct()).hasSize(POOL.size());
			for (var pick : picks) {
				assertThat(pick.inspectorIds()).as("seed %d entity %d", seed, pick.entityId()).hasSize(3)
					.doesNotHaveDuplicates().isSubsetOf(INSPECTORS);
				assertThat(pick.inspectorIds().stream().filter(excluded(pick.entityId())::contains)).isEmpty();
			}
		}
	}

	@Test
	void aDrawOfFewerEntitiesTakesThemFromTheWholePool() {
		var seen = new java.util.HashSet<Long>();
		for (long seed = 0; seed < 300; seed++) {
			RandomDraw.draw(seed, POOL, 3, 2, INSPECTORS, RandomDrawTest::excluded).forEach(p -> seen.add(p.entityId()));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(POOL);
	}

	@Test
	void anEntityLeftWithFewerInspectorsThanAskedStopsTheDraw() {
		assertThatThrownBy(() -> RandomDraw.draw(1L, List.of(101L), 1, 4, INSPECTORS, RandomDrawTest::excluded))
			.isInstanceOfSatisfying(RandomDraw.NotEnoughInspectors.class, e -> {
				assertThat(e.entityId).isEqualTo(101L);
				assertThat(e.remaining).isEqualTo(3);
			});
		assertThatThrownBy(() -> RandomDraw.draw(1L, POOL, 1, 1, INSPECTORS, RandomDrawTest::excluded))
			.as("one inspector is never enough").isInstanceOf(IllegalArgumentException.class);
	}
}
