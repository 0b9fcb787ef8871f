package cn.anjian.identity;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security: session cookie (Spring Session JDBC, shared by all nodes) or bearer API token; CSRF for the SPA
 * (cookie XSRF-TOKEN, header X-XSRF-TOKEN); every /api endpoint needs a signed-in caller and a permission
 * checked by {@code @PreAuthorize} on the handler; JSON 401/403 bodies; security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

	static final List<String> PUBLIC_API = List.of("/api/auth/login", "/api/auth/csrf", "/api/docs", "/api/docs/**");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcClient jdbc, Accounts accounts, Clock clock,
			JsonMapper json) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers(PUBLIC_API.toArray(String[]::new)).permitAll()
			.requestMatchers("/api/**").authenticated()
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
			.requestMatchers("/actuator/**").hasAuthority("oplog:read")
			.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				// plain (unmasked) token: the value of cookie XSRF-TOKEN goes back in header X-XSRF-TOKEN
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(ApiTokenFilter::hasBearerToken))
			.securityContext(context -> context.securityContextRepository(securityContextRepository()))
			.addFilterBefore(new ApiTokenFilter(jdbc, accounts, clock), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> write(response, json, 401,
						ApiError.of("UNAUTHENTICATED", "未登录或登录已过期，请重新登录")))
				.accessDeniedHandler((request, response, e) -> write(response, json, 403,
						ApiError.of("FORBIDDEN", "无权限执行此操作，或页面已过期（请刷新后重试）"))))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; "
						+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Handlers declare a {@link DataScope} parameter and get the caller's, resolved once per request. */
	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == DataScope.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
					WebDataBinderFactory binders) {
				return currentUser().scope();
			}
		});
	}

	static AnjianUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof AnjianUser user)) {
			throw new org.springframework.security.access.AccessDeniedException("no signed-in user");
		}
		return user;
	}

	private static void write(HttpServletResponse response, JsonMapper json, int status, ApiError error)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(error));
	}
}
