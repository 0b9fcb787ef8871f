package cn.anjian.platform.demo;

/**
 * Whether this node runs in demo mode: demo data is seeded and the simulated clock can be moved. On by default
 * for the embedded database, off for an external one; {@code anjian.demo=true|false} decides explicitly.
 */
public record DemoMode(boolean enabled) {
}
