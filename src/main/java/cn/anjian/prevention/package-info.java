/**
 * 双重预防机制 — a business's own risk grading (risk points, hazard factors, LEC/LS assessment, control measures) and
 * hazard checks (tasks, generated check instances, records; a hazard found enters the inspection loop as 自查), and
 * for the government the daily running status, mandatory coverage and the four-colour risk distribution
 * (seed 003 §五, §六(十九)).
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*", "registry", "inspection" })
package cn.anjian.prevention;

import org.springframework.modulith.ApplicationModule;
