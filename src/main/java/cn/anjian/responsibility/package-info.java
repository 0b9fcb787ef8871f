/**
 * 监管责任数据库 — who supervises each entity: department → office → named inspectors per supervision type (with
 * history, so "who was responsible on date D" is answerable), the territorial owner, the task-division rules, and
 * the no-blind-spot report (不落空挡、不留盲区).
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*", "registry" })
package cn.anjian.responsibility;

import org.springframework.modulith.ApplicationModule;
