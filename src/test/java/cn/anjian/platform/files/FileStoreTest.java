package cn.anjian.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anjian.platform.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/** The file store: content-addressed, atomic, checked on read; accepts only documents it recognises by their bytes. */
class FileStoreTest {

	@TempDir
	Path dir;

	FileStore store() throws IOException {
		return new FileStore(dir, DataSize.ofKilobytes(64));
	}

	@Test
	void aFileIsStoredUnderItsSha256AndReadBackByteForByte() throws Exception {
		FileStore store = store();
		byte[] pdf = SampleFiles.pdf("stored");
		StoredFile stored = store.save(new ByteArrayInputStream(pdf), "制度.pdf");
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(stored).isEqualTo(new StoredFile(sha256, pdf.length, "application/pdf"));
		assertThat(store.path(sha256)).isEqualTo(dir.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));
		try (InputStream in = store.open(sha256)) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
		assertThat(Files.list(dir.resolve("tmp"))).as("no temporary file left behind").isEmpty();
	}

	@Test
	void theSameContentUploadedTwiceIsStoredOnce() throws Exception {
		FileStore store = store();
		byte[] pdf = SampleFiles.pdf("twice");
		String first = store.save(new ByteArrayInputStream(pdf), "a.pdf").sha256();
		String second = store.save(new ByteArrayInputStream(pdf), "b.pdf").sha256();
		assertThat(second).isEqualTo(first);
		try (Stream<Path> files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(1);
		}
	}

	static Stream<Arguments> allowed() {
		return Stream.of(Arguments.of("扫描件.pdf", SampleFiles.pdf("kind"), "application/pdf"),
				Arguments.of("现场.png", SampleFiles.png(), "image/png"),
				Arguments.of("现场.JPG", SampleFiles.jpeg(), "image/jpeg"),
				Arguments.of("现场.jpeg", SampleFiles.jpeg(), "image/jpeg"),
				Arguments.of("图.gif", SampleFiles.gif(), "image/gif"),
				Arguments.of("责任制.docx", SampleFiles.docx(), AllowedFileType.DOCX.contentType()),
				Arguments.of("台账.xlsx", SampleFiles.xlsx(), AllowedFileType.XLSX.contentType()),
				Arguments.of("培训.pptx", SampleFiles.pptx(), AllowedFileType.PPTX.contentType()),
				Arguments.of("台账.xls", SampleFiles.xls(), "application/vnd.ms-excel"),
				Arguments.of("制度.doc", SampleFiles.ole2("WordDocument", "1Table"), "application/msword"),
				Arguments.of("汇报.ppt", SampleFiles.ole2("PowerPoint Document"), "application/vnd.ms-powerpoint"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allowed")
	void documentsAndImagesAreRecognisedByTheirBytes(String name, byte[] content, String contentType) throws IOException {
		assertThat(store().save(new ByteArrayInputStream(content), name).contentType()).isEqualTo(contentType);
	}

	static Stream<Arguments> refused() {
		return Stream.of(Arguments.of("程序.pdf", SampleFiles.exe()), Arguments.of("网页.pdf", SampleFiles.html()),
				Arguments.of("说明.txt", "只是一段文字".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Arguments.of("打包.docx", SampleFiles.zip("readme.txt", "setup.exe")),
				Arguments.of("伪装.docx", SampleFiles.zip("[Content_Types].xml", "payload.js")),
				Arguments.of("宏.docx", SampleFiles.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")),
				Arguments.of("安装包.doc", SampleFiles.ole2("\u0005SummaryInformation", "Binary.data")),
				Arguments.of("宏.doc", SampleFiles.ole2("WordDocument", "Macros")),
				Arguments.of("网页.html", SampleFiles.pdf("polyglot")),
				Arguments.of("无扩展名", SampleFiles.pdf("no extension")),
				Arguments.of("图片.pdf", SampleFiles.png()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void anythingElseOrAMismatchedExtensionIsRefused(String name, byte[] content) throws IOException {
		FileStore store = store();
		assertThatThrownBy(() -> store.save(new ByteArrayInputStream(content), name)).isInstanceOfSatisfying(
				ApiException.class, e -> assertThat(e.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED"));
		try (Stream<Path> files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile)).as("nothing stored").isEmpty();
		}
	}

	@Test
	void aFileOverTheLimitIsRefusedAndNothingIsKept() throws IOException {
		FileStore store = store();
		byte[] big = new byte[64 * 1024 + 1];
		System.arraycopy(SampleFiles.pdf("big"), 0, big, 0, 20);
		assertThatThrownBy(() -> store.save(new ByteArrayInputStream(big), "big.pdf"))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FILE_TOO_LARGE"));
		assertThat(store.save(new ByteArrayInputStream(big), "big.pdf", big.length).size()).isEqualTo(big.length);
		assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
	}

	@Test
	void aDamagedFileIsReportedOnReadAndRepairedByUploadingItAgain() throws Exception {
		FileStore store = store();
		byte[] pdf = SampleFiles.pdf("damaged");
		String sha256 = store.save(new ByteArrayInputStream(pdf), "a.pdf").sha256();
		byte[] damaged = pdf.clone();
		damaged[damaged.length - 3] ^= 0x01;
		Files.write(store.path(sha256), damaged);
		assertThatThrownBy(() -> store.open(sha256))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FILE_CORRUPTED"));
		store.save(new ByteArrayInputStream(pdf), "again.pdf");
		try (InputStream in = store.open(sha256)) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void aMissingFileIsReportedAsSuch() throws IOException {
		assertThatThrownBy(() -> store().open("0".repeat(64)))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FILE_MISSING"));
		assertThatThrownBy(() -> store().open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}
}
