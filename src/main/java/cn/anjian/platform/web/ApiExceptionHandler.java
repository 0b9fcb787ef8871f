package cn.anjian.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure to {@link ApiError}: Chinese message for the UI, stable code for programs. */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> api(ApiException e) {
		return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage(), e.details(), e.extra()));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
		List<ApiError.Detail> details = e.getBindingResult().getFieldErrors().stream()
			.map(f -> new ApiError.Detail(f.getField(), f.getDefaultMessage()))
			.toList();
		return badRequest("VALIDATION_FAILED", "提交的数据有误：" + details.get(0).field() + " " + details.get(0).message(),
				details);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
		List<ApiError.Detail> details = e.getConstraintViolations().stream()
			.map(v -> new ApiError.Detail(v.getPropertyPath().toString(), v.getMessage()))
			.toList();
		return badRequest("VALIDATION_FAILED", "提交的数据有误", details);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
		return badRequest("MALFORMED_REQUEST", "请求内容格式错误，无法解析", List.of());
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ApiError> badParameter(Exception e) {
		return badRequest("BAD_PARAMETER", "请求参数缺失或格式错误", List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ApiError> duplicate(DuplicateKeyException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("DUPLICATE", "数据已存在，不能重复添加"));
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ApiError> denied(Exception e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("FORBIDDEN", "无权限执行此操作"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND", "请求的资源不存在"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of("METHOD_NOT_ALLOWED", "不支持的请求方法"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型"));
	}

	/** Spring's own multipart limit ({@code spring.servlet.multipart.max-file-size}), above the file store's. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ApiError.of("FILE_TOO_LARGE", "上传的文件过大，请压缩或拆分后上传"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e) {
		log.error("Unexpected error", e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ApiError.of("INTERNAL_ERROR", "系统内部错误，请联系管理员（请求编号 " + RequestIdFilter.current() + "）"));
	}

	private static ResponseEntity<ApiError> badRequest(String code, String message, List<ApiError.Detail> details) {
		return ResponseEntity.badRequest().body(new ApiError(code, message, details));
	}
}
