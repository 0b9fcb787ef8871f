/**
 * 安全隐患排查整治 — inspections and the hazard closed loop: reported → (suspected major confirmed or downgraded) →
 * rectification ordered → rectified with evidence → re-inspected → closed, with deadline extensions, cases and
 * lead transfers. Every transition is explicit, timestamped and published as a {@link HazardTransitioned} event.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*", "registry", "responsibility" })
package cn.anjian.inspection;

import org.springframework.modulith.ApplicationModule;
