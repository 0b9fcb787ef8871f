package cn.anjian.platform.files;

import cn.anjian.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.http.HttpStatus;

/**
 * The kinds of file the platform accepts, recognised by their bytes and never by what the client claims: PDF,
 * images, and Word/Excel/PowerPoint (Office Open XML and the older OLE2 format). Anything else — executables,
 * HTML, scripts, plain text, archives — is refused. The file name's extension must also match the content,
 * because the name is given back on download and the user's computer opens the file by its extension (a PDF
 * that is also valid HTML, named {@code .html}, would otherwise run as a web page).
 */
enum AllowedFileType {

	PDF("application/pdf", "pdf"),
	PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg", "jpeg"),
	GIF("image/gif", "gif"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
	DOC("application/msword", "doc"),
	XLS("application/vnd.ms-excel", "xls"),
	PPT("application/vnd.ms-powerpoint", "ppt");

	static final String NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";

	private final String contentType;
	private final List<String> extensions;

	AllowedFileType(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = List.of(extensions);
	}

	String contentType() {
		return contentType;
	}

	/** The type of the file's content, if allowed and matching the extension of {@code declaredName}; else 400. */
	static AllowedFileType of(Path file, String declaredName) {
		AllowedFileType type = sniff(file);
		String extension = extension(declaredName);
		if (!type.extensions.contains(extension)) {
			throw refused("文件名的扩展名“" + (extension.isEmpty() ? "（无）" : "." + extension) + "”与文件内容（"
					+ type.name() + "）不符，请使用 ." + type.extensions.get(0) + " 扩展名");
		}
		return type;
	}

	private static AllowedFileType sniff(Path file) {
		byte[] head = head(file, 8);
		if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return PDF;
		}
		if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return GIF;
		}
		if (startsWith(head, 'P', 'K', 3, 4)) {
			return officeOpenXml(file);
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return ole2Office(file);
		}
		throw refused(null);
	}

	/** A zip is an Office document only with the package's content-type list and a Word, Excel or PowerPoint part. */
	private static AllowedFileType officeOpenXml(Path file) {
		Set<String> names;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			names = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
		}
		catch (IOException e) {
			throw refused(null);
		}
		if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
			throw refused("不接受含宏的 Office 文档，请另存为不含宏的格式后上传");
		}
		if (!names.contains("[Content_Types].xml")) {
			throw refused(null);
		}
		if (names.contains("word/document.xml")) {
			return DOCX;
		}
		if (names.contains("xl/workbook.xml")) {
			return XLSX;
		}
		if (names.contains("ppt/presentation.xml")) {
			return PPTX;
		}
		throw refused(null);
	}

	/**
	 * OLE2 also holds installers (.msi), Outlook messages and encrypted packages: only a compound file with a Word,
	 * Excel or PowerPoint stream is accepted, and none with a macro project.
	 */
	private static AllowedFileType ole2Office(Path file) {
		Set<String> entries;
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			entries = fs.getRoot().getEntryNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		}
		catch (IOException | RuntimeException e) {
			throw refused(null);
		}
		if (entries.contains("macros") || entries.contains("_vba_project_cur")) {
			throw refused("不接受含宏的 Office 文档，请另存为不含宏的格式后上传");
		}
		if (entries.contains("worddocument")) {
			return DOC;
		}
		if (entries.contains("workbook") || entries.contains("book")) {
			return XLS;
		}
		if (entries.contains("powerpoint document")) {
			return PPT;
		}
		throw refused(null);
	}

	private static ApiException refused(String reason) {
		return new ApiException(HttpStatus.BAD_REQUEST, NOT_ALLOWED, reason != null ? reason
				: "不支持的文件类型：只能上传 PDF、图片（PNG、JPEG、GIF）或 Word、Excel、PowerPoint 文档");
	}

	private static String extension(String name) {
		if (name == null) {
			return "";
		}
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static byte[] head(Path file, int length) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(length);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read uploaded file " + file, e);
		}
	}

	private static boolean startsWith(byte[] head, byte[] prefix) {
		return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		byte[] bytes = new byte[prefix.length];
		for (int i = 0; i < prefix.length; i++) {
			bytes[i] = (byte) prefix[i];
		}
		return startsWith(head, bytes);
	}
}
