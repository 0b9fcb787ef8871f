package cn.anjian.identity;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for the SPA, scripts and mobile clients: a session cookie plus the CSRF token for later writes. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	record LoginRequest(@NotBlank(message = "请输入用户名") String username, @NotBlank(message = "请输入密码") String password) {
	}

	record PasswordChange(@NotBlank(message = "请输入原密码") String oldPassword, @NotBlank(message = "请输入新密码") String newPassword) {
	}

	record LoginResponse(Me user, String csrfToken) {
	}

	private final SigningIn signingIn;
	private final Accounts accounts;
	private final SecurityContextRepository contexts;
	private final FindByIndexNameSessionRepository<? extends Session> sessions;
	private final PasswordEncoder passwords;
	private final OperationLog operationLog;
	private final MeView meView;
	private final Clock clock;

	AuthController(SigningIn signingIn, Accounts accounts, SecurityContextRepository contexts,
			FindByIndexNameSessionRepository<? extends Session> sessions, PasswordEncoder passwords,
			OperationLog operationLog, MeView meView, Clock clock) {
		this.signingIn = signingIn;
		this.accounts = accounts;
		this.contexts = contexts;
		this.sessions = sessions;
		this.passwords = passwords;
		this.operationLog = operationLog;
		this.meView = meView;
		this.clock = clock;
	}

	@GetMapping("/csrf")
	Map<String, String> csrf(CsrfToken token) {
		return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
	}

	@PostMapping("/login")
	LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
		AnjianUser user = signingIn.signIn(body.username().trim(), body.password(), request.getRemoteAddr());
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			existing.invalidate(); // no session fixation: a fresh session for the signed-in user
		}
		request.getSession(true);
		signInto(user, request, response);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new LoginResponse(meView.of(user), csrf == null ? null : csrf.getToken());
	}

	@GetMapping("/me")
	@PreAuthorize("isAuthenticated()")
	Me me() {
		return meView.of(SecurityConfiguration.currentUser());
	}

	@PostMapping("/logout")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> logout(HttpServletRequest request) {
		AnjianUser user = SecurityConfiguration.currentUser();
		operationLog.record("LOGOUT", "user", user.id(), null, null);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	/** Ends every session of the user on every node ("退出所有设备"). */
	@PostMapping("/logout-all")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> logoutEverywhere(HttpServletRequest request) {
		AnjianUser user = SecurityConfiguration.currentUser();
		var ended = sessions.findByPrincipalName(user.username()).keySet();
		ended.forEach(sessions::deleteById);
		operationLog.record("LOGOUT_ALL", "user", user.id(), null, Map.of("sessions", ended.size()));
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body, HttpServletRequest request,
			HttpServletResponse response) {
		AnjianUser user = SecurityConfiguration.currentUser();
		Accounts.Credentials credentials = accounts.credentials(user.username()).orElseThrow();
		if (!passwords.matches(body.oldPassword(), credentials.passwordHash())) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "WRONG_PASSWORD", "原密码不正确");
		}
		if (body.oldPassword().equals(body.newPassword())) {
			throw ApiException.invalid("newPassword", "新密码不能与原密码相同");
		}
		PasswordPolicy.check(body.newPassword(), user.username());
		accounts.changePassword(user.id(), passwords.encode(body.newPassword()), false, clock.instant());
		operationLog.record("PASSWORD_CHANGE", "user", user.id(), null, null);
		signInto(accounts.signedInView(user.id()).orElseThrow(), request, response);
		return ResponseEntity.noContent().build();
	}

	private void signInto(AnjianUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
