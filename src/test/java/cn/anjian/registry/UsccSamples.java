package cn.anjian.registry;

import java.util.Random;

/** Valid, distinct USCCs for tests of other packages. */
public final class UsccSamples {

	private static final Random RANDOM = new Random(4242);

	private UsccSamples() {
	}

	public static synchronized String next() {
		return RegistryDemoSeed.uscc(RANDOM);
	}
}
