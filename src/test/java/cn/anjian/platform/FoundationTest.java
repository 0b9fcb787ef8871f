package cn.anjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The skeleton every module stands on: error format, docs, health, metrics, request ids, the UI at "/". */
@AnjianTest
class FoundationTest {

	@LocalServerPort
	int port;

	@Test
	void readinessIncludesTheDatabase() {
		var readiness = new ApiClient(port).get("/actuator/health/readiness").expect(200);
		assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
		var signedIn = ApiClient.signedIn(port, "admin").get("/actuator/health/readiness").expect(200);
		assertThat(signedIn.body().path("components").has("db")).isTrue();
	}

	@Test
	void prometheusMetricsAreExposed() {
		var metrics = new ApiClient(port).get("/actuator/prometheus").expect(200);
		assertThat(metrics.raw()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void openApiDescribesTheApiAndSwaggerUiIsServed() {
		var docs = new ApiClient(port).get("/api/docs").expect(200);
		assertThat(docs.body().path("paths").has("/api/regions/tree")).isTrue();
		assertThat(new ApiClient(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void validationErrorsAreA400WithFieldDetailsInChinese() {
		var admin = ApiClient.signedIn(port, "admin");
		var response = admin.post("/api/regions", "{\"code\":\"12\",\"name\":\"\",\"kind\":\"STREET\",\"sortOrder\":1}")
			.expect(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.body().get("message").asString()).startsWith("提交的数据有误");
		assertThat(response.body().get("details")).extracting(d -> d.get("field").asString()).contains("code", "name");
	}

	@Test
	void malformedJsonIsA400WithAStableCode() {
		var admin = ApiClient.signedIn(port, "admin");
		assertThat(admin.post("/api/regions", "{not json").expect(400).code()).isEqualTo("MALFORMED_REQUEST");
	}

	@Test
	void unknownApiPathIsA404InTheSameFormat() {
		var admin = ApiClient.signedIn(port, "admin");
		assertThat(admin.get("/api/no-such-thing").expect(404).code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void everyResponseCarriesARequestIdAndKeepsAGivenOne() {
		var response = new ApiClient(port).get("/api/auth/csrf");
		assertThat(response.http().headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void securityHeadersAreSet() {
		var headers = new ApiClient(port).get("/api/auth/csrf").http().headers();
		assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
		assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
		assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void theWebApplicationIsServedAtTheRoot() {
		var index = new ApiClient(port).get("/").expect(200);
		assertThat(index.raw()).contains("<div id=\"app\"");
	}
}
