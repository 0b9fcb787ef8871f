package cn.anjian.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests of system integrations as the token's user (with
 * that user's roles and scope). Tokens are stored as SHA-256 hashes; revoked or expired ones are refused (401).
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Clock clock;

	ApiTokenFilter(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.startsWith("Bearer ");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasBearerToken(request)) {
			String hash = sha256(request.getHeader("Authorization").substring(7).trim());
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.sql("""
					UPDATE api_token SET last_used_at = :now
					WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
					RETURNING user_id
					""")
				.param("hash", hash)
				.param("now", now)
				.query(Long.class)
				.optional()
				.flatMap(accounts::signedInView)
				.ifPresent(user -> SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
							user.permissionAuthorities())));
		}
		chain.doFilter(request, response);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
