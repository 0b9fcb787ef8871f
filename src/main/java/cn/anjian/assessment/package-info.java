/**
 * 统计考评 — statistics over the platform's records for any period and region (a catalogue of figures, each one
 * set-based SQL), accidents and the year's targets, the yearly assessment of districts and departments with the
 * one-vote veto (seed 000 §十, seed 001 §7), the quarterly bulletin (seed 000 §八) and formal interviews (约谈, §九).
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*" })
package cn.anjian.assessment;

import org.springframework.modulith.ApplicationModule;
