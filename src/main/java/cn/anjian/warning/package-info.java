/**
 * 预警管理 — the escalation engine (seed 003 §六 (十四)–(十九)): ladders as versioned data, warnings opened by the
 * facts other modules publish, each step reached exactly once by a set-based sweep safe on many nodes.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*", "registry", "inspection", "prevention", "assessment" })
package cn.anjian.warning;

import org.springframework.modulith.ApplicationModule;
