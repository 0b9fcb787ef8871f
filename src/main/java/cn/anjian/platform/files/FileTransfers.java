package cn.anjian.platform.files;

import cn.anjian.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Receiving an uploaded file into the {@link FileStore} and sending a stored one back, the same way everywhere. */
@Component
public class FileTransfers {

	/** An upload as stored: its cleaned original name and its stored content. */
	public record Received(String fileName, StoredFile file) {
	}

	private final FileStore files;

	FileTransfers(FileStore files) {
		this.files = files;
	}

	/**
	 * Stores the upload before any row naming it is inserted. Should the request then fail, its transaction rolls
	 * back but the file stays: harmless, since it is content-addressed and no row names it.
	 */
	public Received receive(MultipartFile file) {
		String name = fileName(file);
		try (InputStream in = file.getInputStream()) {
			return new Received(name, files.save(in, name));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The file under its original name (RFC 5987 for Chinese names), always as an attachment and with the type
	 * sniffed at upload, so a browser neither renders nor re-guesses it.
	 */
	public ResponseEntity<InputStreamResource> send(String sha256, String fileName, String contentType, long size) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(files.open(sha256)));
	}

	/** The file's own name, without any folder a browser may have sent with it. */
	private static String fileName(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ApiException.invalid("file", "请选择要上传的文件");
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "").trim();
		if (name.isEmpty() || name.length() > 255) {
			throw ApiException.invalid("file", "文件名不能为空，也不能超过255个字符");
		}
		return name;
	}
}
