package cn.anjian.platform.files;

import cn.anjian.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded files (scans, plans, records), kept outside the database in {@code anjian.files.dir} so that every
 * node can share one directory (an NFS or other shared volume; see docs/OPERATIONS.md). A file's address is its
 * SHA-256 ({@code ab/cd/abcd…}): the same content is stored once, a stored file never changes, and a reader can
 * check that what it reads is what was stored.
 * <p>
 * Files are written outside the request's database transaction and are never deleted when it rolls back: a file
 * no row points to is harmless (it is only reachable by its hash, which only a committed row can give out), and
 * deleting it could remove the content of another upload of the same bytes that did commit.
 */
@Component
public class FileStore {

	private static final Logger log = LoggerFactory.getLogger(FileStore.class);
	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
	private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

	private final Path root;
	private final Path incoming;
	private final long maxBytes;

	FileStore(@Value("${anjian.files.dir:./data/files}") Path dir,
			@Value("${anjian.files.max-size:20MB}") DataSize maxSize) throws IOException {
		this.root = dir.toAbsolutePath().normalize();
		this.incoming = root.resolve("tmp");
		this.maxBytes = maxSize.toBytes();
		Files.createDirectories(incoming);
		removeAbandonedUploads();
	}

	/** The configured limit ({@code anjian.files.max-size}). */
	public long maxBytes() {
		return maxBytes;
	}

	/** Stores the content up to the configured size limit; see {@link #save(InputStream, String, long)}. */
	public StoredFile save(InputStream content, String declaredName) {
		return save(content, declaredName, maxBytes);
	}

	/**
	 * Stores the content if it is an allowed kind of file ({@link AllowedFileType}) whose name matches it, of at most
	 * {@code maxBytes}; refuses it otherwise (400 {@code FILE_TYPE_NOT_ALLOWED}, {@code FILE_TOO_LARGE}, {@code FILE_EMPTY}).
	 */
	public StoredFile save(InputStream content, String declaredName, long maxBytes) {
		Path temp = null;
		try {
			// same directory tree as the final place, so the move below is an atomic rename on every node's mount
			temp = Files.createTempFile(incoming, "upload-", ".part");
			MessageDigest digest = sha256();
			long size = copy(content, temp, digest, maxBytes);
			if (size == 0) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "FILE_EMPTY", "文件是空的，请重新选择");
			}
			AllowedFileType type = AllowedFileType.of(temp, declaredName);
			String sha256 = HexFormat.of().formatHex(digest.digest());
			place(temp, sha256);
			return new StoredFile(sha256, size, type.contentType());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot store uploaded file in " + root, e);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/**
	 * The stored content, checked against its SHA-256 before any byte is given out, so a damaged file is reported
	 * (500 {@code FILE_CORRUPTED}) instead of being served as if it were the original.
	 */
	public InputStream open(String sha256) {
		Path file = path(sha256);
		if (!Files.isRegularFile(file)) {
			log.error("stored file {} is missing from {}", sha256, root);
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "FILE_MISSING",
					"文件在文件存储中不存在，请联系管理员检查共享存储或从备份恢复");
		}
		if (!intact(file, sha256)) {
			log.error("stored file {} does not match its SHA-256: damaged on disk", file);
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "FILE_CORRUPTED",
					"文件已损坏（校验和不符），请联系管理员从备份恢复");
		}
		try {
			return Files.newInputStream(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Where the file with this SHA-256 lives: {@code <dir>/ab/cd/abcd…}. */
	Path path(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	/**
	 * Moves the upload into place unless an intact copy is there already. A damaged copy is replaced, so uploading
	 * the same content again repairs it.
	 */
	private void place(Path temp, String sha256) throws IOException {
		Path target = path(sha256);
		if (Files.isRegularFile(target) && intact(target, sha256)) {
			return;
		}
		Files.createDirectories(target.getParent());
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Copies at most {@code maxBytes}, digesting as it goes; forces the bytes to disk before the row can commit. */
	private static long copy(InputStream content, Path temp, MessageDigest digest, long maxBytes) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
				OutputStream out = Channels.newOutputStream(channel)) {
			for (int n; (n = content.read(buffer)) != -1;) {
				size += n;
				if (size > maxBytes) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "FILE_TOO_LARGE",
							"文件超过大小上限（" + maxBytes / (1024 * 1024) + " MB），请压缩或拆分后上传");
				}
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
			channel.force(true);
		}
		return size;
	}

	private static boolean intact(Path file, String sha256) {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) != -1;) {
				digest.update(buffer, 0, n);
			}
		}
		catch (IOException e) {
			log.error("cannot read stored file {}", file, e);
			return false;
		}
		return HexFormat.of().formatHex(digest.digest()).equals(sha256);
	}

	/** Uploads a crashed node left half-written; only old ones, as another node may be writing right now. */
	private void removeAbandonedUploads() throws IOException {
		// file times are the machine's, not the business clock (which a trainer may move in demo mode)
		Instant before = Instant.now().minus(ABANDONED_AFTER);
		try (Stream<Path> parts = Files.list(incoming)) {
			parts.filter(p -> lastModified(p).isBefore(before)).forEach(FileStore::deleteQuietly);
		}
	}

	private static Instant lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException e) {
			return Instant.MAX;
		}
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("cannot delete temporary upload {}", file, e);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
