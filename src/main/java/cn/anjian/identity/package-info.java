/**
 * Accounts, roles and permissions, sign-in (lockout, rate limit, sessions shared by all nodes, API tokens) and
 * the resolution of each caller's {@link cn.anjian.platform.scope.DataScope}.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform::*" })
package cn.anjian.identity;

import org.springframework.modulith.ApplicationModule;
