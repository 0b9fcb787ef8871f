package cn.anjian.platform.demo;

/**
 * A module's part of a new installation without demo data (the city, the first administrator). Runs at start-up in
 * {@link #order()}, in its own transaction under the same lock as the demo seed, and does nothing once done.
 */
public interface FirstRun {

	int order();

	void apply();
}
