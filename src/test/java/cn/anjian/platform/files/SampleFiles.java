package cn.anjian.platform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small files of each kind, made in memory: real Office documents from POI, the rest from their magic bytes. */
public final class SampleFiles {

	private SampleFiles() {
	}

	/** A minimal PDF; {@code marker} makes its bytes (and so its SHA-256) unique to a test. */
	public static byte[] pdf(String marker) {
		return ("%PDF-1.4\n% " + marker + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] png() {
		return bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
	}

	public static byte[] jpeg() {
		return bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0);
	}

	public static byte[] gif() {
		return "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A Windows executable: "MZ", the DOS stub. */
	public static byte[] exe() {
		return "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] html() {
		return "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] docx() {
		try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("安全生产责任制");
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] xlsx() {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			workbook.createSheet("培训记录").createRow(0).createCell(0).setCellValue("姓名");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] pptx() {
		try (var slides = new XMLSlideShow(); var out = new ByteArrayOutputStream()) {
			slides.createSlide();
			slides.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] xls() {
		try (var workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			workbook.createSheet("台账");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An OLE2 compound file with the given top-level streams (a .doc has "WordDocument", an .msi has none of Office's). */
	public static byte[] ole2(String... streams) {
		try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
			for (String stream : streams) {
				fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), stream);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A zip with these entries, each holding a little text. */
	public static byte[] zip(String... entries) {
		try (var out = new ByteArrayOutputStream()) {
			try (var zip = new ZipOutputStream(out)) {
				for (String entry : entries) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}
}
