package cn.anjian.platform.demo;

/**
 * A module's contribution to the demo data. Seeds run in {@link #order()} once, at start-up in demo mode, each
 * in its own transaction, and must be idempotent (a restart finds the data already there).
 */
public interface DemoSeed {

	int order();

	void seed();
}
