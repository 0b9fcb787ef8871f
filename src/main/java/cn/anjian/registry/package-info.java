/**
 * 监管对象数据库 — the register of supervised entities (生产经营单位): identity, classification on four axes,
 * derived duties, licences and their expiry, documents, change history, Excel import and export.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*" })
package cn.anjian.registry;

import org.springframework.modulith.ApplicationModule;
