package cn.anjian.platform.files;

/**
 * A file kept in the {@link FileStore}: its SHA-256 (which is also its address), its size and the content type
 * sniffed from its bytes.
 */
public record StoredFile(String sha256, long size, String contentType) {
}
