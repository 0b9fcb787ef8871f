package cn.anjian.platform.oplog;

import cn.anjian.platform.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write request to {@code /api} is one transaction: it commits only if it succeeded (status below 400)
 * and recorded at least one operation-log entry. A failed request changes nothing; a handler that forgets the
 * log is rolled back and answered 500 {@code OPERATION_LOG_MISSING}, so the omission cannot reach production
 * unnoticed. The response is buffered until the outcome is known.
 */
@Component
class WriteTransactionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(WriteTransactionFilter.class);
	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final TransactionTemplate transactions;
	private final JsonMapper json;

	WriteTransactionFilter(PlatformTransactionManager transactionManager, JsonMapper json) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READ_METHODS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		transactions.executeWithoutResult(status -> {
			try {
				chain.doFilter(request, buffered);
			}
			catch (IOException | ServletException e) {
				throw new IllegalStateException(e);
			}
			if (buffered.getStatus() >= 400) {
				status.setRollbackOnly();
			}
			else if (request.getAttribute(OperationLog.COUNT_ATTRIBUTE) == null) {
				status.setRollbackOnly();
				log.error("{} {} wrote no operation-log entry; rolled back", request.getMethod(), request.getRequestURI());
				buffered.resetBuffer();
				buffered.setStatus(500);
				buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
				writeQuietly(buffered, ApiError.of("OPERATION_LOG_MISSING", "系统错误：该操作未记录操作日志，已撤销"));
			}
		});
		buffered.copyBodyToResponse();
	}

	private void writeQuietly(ContentCachingResponseWrapper response, ApiError error) {
		try {
			response.getOutputStream().write(json.writeValueAsBytes(error));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
