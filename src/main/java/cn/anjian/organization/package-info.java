/**
 * The organisation: the region tree (市 → 区县/功能区 → 街道/镇 → 网格, with a named grid inspector per grid) and
 * the safety committee's member departments with their offices, liaisons and responsible leaders.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*" })
package cn.anjian.organization;

import org.springframework.modulith.ApplicationModule;
