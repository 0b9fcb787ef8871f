/**
 * Shared facilities every module uses: database bootstrap, the clock, the API error format, request ids,
 * the operation log, dictionaries, the data scope and the demo seed.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.anjian.platform;

import org.springframework.modulith.ApplicationModule;
