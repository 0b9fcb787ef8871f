package cn.anjian.inspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The 双随机 rule (seed 001 §14 “双随机一公开”): entities drawn at random from a pool, each paired at random with
 * {@code perEntity} (at least two) inspectors, never one with a recorded conflict of interest nor one who inspected it
 * last time. Everything comes from one {@code java.util.Random(seed)} over inputs ordered by id, so the same seed over
 * the same pool and the same inspectors reproduces the draw exactly — anyone can check a published result.
 */
final class RandomDraw {

	static final int MIN_INSPECTORS = 2;

	record Pick(long entityId, List<Long> inspectorIds) {
	}

	/** Not enough inspectors remain for an entity once the excluded ones are taken out. */
	static final class NotEnoughInspectors extends RuntimeException {

		final long entityId;

		final int remaining;

		NotEnoughInspectors(long entityId, int remaining) {
			super("entity " + entityId + ": " + remaining + " inspectors remain");
			this.entityId = entityId;
			this.remaining = remaining;
		}
	}

	private RandomDraw() {
	}

	/**
	 * @param pool entity ids of the pool, in any order (sorted here)
	 * @param inspectors inspector ids, in any order (sorted here)
	 * @param excluded for an entity, the inspectors who must not go there
	 */
	static List<Pick> draw(long seed, List<Long> pool, int count, int perEntity, List<Long> inspectors,
			Function<Long, Set<Long>> excluded) {
		if (perEntity < MIN_INSPECTORS) {
			throw new IllegalArgumentException("at least " + MIN_INSPECTORS + " inspectors per entity");
		}
		Random random = new Random(seed);
		List<Long> entities = new ArrayList<>(pool);
		Collections.sort(entities);
		Collections.shuffle(entities, random);
		List<Long> sortedInspectors = inspectors.stream().distinct().sorted().toList();
		List<Pick> picks = new ArrayList<>();
		for (long entity : entities.subList(0, Math.min(count, entities.size()))) {
			Set<Long> out = excluded.apply(entity);
			List<Long> eligible = new ArrayList<>(sortedInspectors.stream().filter(i -> !out.contains(i)).toList());
			if (eligible.size() < perEntity) {
				throw new NotEnoughInspectors(entity, eligible.size());
			}
			Collections.shuffle(eligible, random);
			picks.add(new Pick(entity, List.copyOf(eligible.subList(0, perEntity))));
		}
		return picks;
	}
}
