package cn.anjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests: its own cookie jar (session and XSRF-TOKEN cookies) and the CSRF header
 * on every write, exactly as the SPA does it.
 */
public final class ApiClient {

	public static final String DEMO_PASSWORD = "Anjian@2026";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient http;
	private String bearer;

	public ApiClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	public record Response(int status, JsonNode body, String raw, HttpResponse<byte[]> http) {

		public Response expect(int expected) {
			assertThat(status).as("HTTP status of a call answering %s", raw).isEqualTo(expected);
			return this;
		}

		public byte[] bytes() {
			return http.body();
		}

		public String code() {
			return body == null || body.get("code") == null ? null : body.get("code").asString();
		}
	}

	public static ApiClient signedIn(int port, String username) {
		ApiClient client = new ApiClient(port);
		client.login(username, DEMO_PASSWORD).expect(200);
		return client;
	}

	public static ApiClient withToken(int port, String token) {
		ApiClient client = new ApiClient(port);
		client.bearer = token;
		return client;
	}

	public Response login(String username, String password) {
		get("/api/auth/csrf");
		return post("/api/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, String json) {
		return send("POST", path, json);
	}

	public Response put(String path, String json) {
		return send("PUT", path, json);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * POSTs a multipart form as a browser's file upload does: the text {@code fields}, then the file under the part
	 * name {@code file}, declared as {@code application/octet-stream} (the server must not trust it anyway).
	 */
	public Response upload(String path, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "----AnjianTest" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary);
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		csrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
		return execute(builder.build());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Uploads a file as multipart/form-data field {@code file}, as the SPA's upload widget does. */
	public Response upload(String path, String fileName, byte[] content) {
		return uploadBody(path, fileName, HttpRequest.BodyPublishers.ofByteArray(content));
	}

	/** Uploads a file from disk without reading it into memory (a benchmark's large workbook). */
	public Response upload(String path, String fileName, Path file) {
		try {
			return uploadBody(path, fileName, HttpRequest.BodyPublishers.ofFile(file));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private Response uploadBody(String path, String fileName, HttpRequest.BodyPublisher content) {
		String boundary = "----anjian" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), content,
					HttpRequest.BodyPublishers.ofByteArray(tail)));
		csrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return execute(builder.build());
	}

	/** GETs into a file instead of memory (a benchmark's large export); the HTTP status. */
	public int download(String path, Path target) {
		try {
			return http.send(request("GET", path, null).build(), HttpResponse.BodyHandlers.ofFile(target)).statusCode();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Sends without the CSRF header, as a forged cross-site request would. */
	public Response postWithoutCsrf(String path, String json) {
		return execute(request("POST", path, json).build());
	}

	public Response send(String method, String path, String json) {
		HttpRequest.Builder builder = request(method, path, json);
		csrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
		return execute(builder.build());
	}

	public Optional<String> csrfToken() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst();
	}

	public Optional<String> sessionId() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ANJIAN_SESSION"))
			.map(HttpCookie::getValue).findFirst();
	}

	private HttpRequest.Builder request(String method, String path, String json) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private Response execute(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			String raw = new String(response.body(), StandardCharsets.UTF_8);
			JsonNode body = null;
			if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !raw.isEmpty()) {
				body = JSON.readTree(raw);
			}
			return new Response(response.statusCode(), body, raw, response);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
