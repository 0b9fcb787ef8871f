package cn.anjian.registry;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.EntityDocuments.Document;
import cn.anjian.registry.EntityDocuments.Snapshot;
import cn.anjian.registry.EntityDocuments.Version;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An entity's safety-management documents (安全管理文件: 制度, 责任制, 操作规程, 应急预案, records): upload, new
 * versions, download, archive. Every change and every download is logged against the entity.
 */
@RestController
@RequestMapping("/api/entities/{entityId}/documents")
class DocumentController {

	private final Entities entities;
	private final EntityDocuments documents;
	private final FileTransfers files;
	private final OperationLog operationLog;

	DocumentController(Entities entities, EntityDocuments documents, FileTransfers files, OperationLog operationLog) {
		this.entities = entities;
		this.documents = documents;
		this.files = files;
		this.operationLog = operationLog;
	}

	/** Current documents, each with its latest version; archived ones too with {@code includeArchived=true}. */
	@GetMapping
	@PreAuthorize("hasAuthority('entity:read')")
	List<Document> list(@PathVariable long entityId, @RequestParam(defaultValue = "false") boolean includeArchived,
			DataScope scope) {
		entity(scope, entityId);
		return documents.list(entityId, includeArchived);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('entity:write')")
	Document create(@PathVariable long entityId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file,
			DataScope scope) {
		EntityView entity = entity(scope, entityId);
		if (type == null || !documents.typeExists(type)) {
			throw ApiException.invalid("type", "请选择文件类型");
		}
		if (title == null || title.isBlank() || title.trim().length() > 200) {
			throw ApiException.invalid("title", "请填写文件标题（不超过200字）");
		}
		FileTransfers.Received received = files.receive(file);
		long id = documents.create(entityId, entity.regionId(), type, title.trim(), scope.userId());
		documents.addVersion(id, received.file(), received.fileName(), scope.userId());
		Document created = document(entityId, id);
		operationLog.record("DOCUMENT_CREATE", "supervised_entity", entityId, null, Snapshot.of(created));
		return created;
	}

	/** Uploads the next version; earlier versions stay and remain downloadable. */
	@PostMapping("/{documentId}/versions")
	@PreAuthorize("hasAuthority('entity:write')")
	Document addVersion(@PathVariable long entityId, @PathVariable long documentId,
			@RequestParam(required = false) MultipartFile file, DataScope scope) {
		entity(scope, entityId);
		Document before = locked(entityId, documentId);
		if (before.archivedAt() != null) {
			throw ApiException.conflict("DOCUMENT_ARCHIVED", "该文件已归档，不能再上传新版本");
		}
		FileTransfers.Received received = files.receive(file);
		documents.addVersion(documentId, received.file(), received.fileName(), scope.userId());
		Document after = document(entityId, documentId);
		operationLog.record("DOCUMENT_VERSION_ADD", "supervised_entity", entityId, Snapshot.of(before), Snapshot.of(after));
		return after;
	}

	@GetMapping("/{documentId}/versions")
	@PreAuthorize("hasAuthority('entity:read')")
	List<Version> versions(@PathVariable long entityId, @PathVariable long documentId, DataScope scope) {
		entity(scope, entityId);
		document(entityId, documentId);
		return documents.versions(documentId);
	}

	/**
	 * The file as uploaded, under its original name (RFC 5987 for Chinese names), always as an attachment and with
	 * the type sniffed at upload, so a browser neither renders nor re-guesses it. A download is a sensitive read: logged.
	 */
	@GetMapping("/{documentId}/versions/{versionNo}/content")
	@PreAuthorize("hasAuthority('entity:read')")
	ResponseEntity<InputStreamResource> content(@PathVariable long entityId, @PathVariable long documentId,
			@PathVariable int versionNo, DataScope scope) {
		entity(scope, entityId);
		Document document = document(entityId, documentId);
		Version version = documents.version(documentId, versionNo)
			.orElseThrow(() -> ApiException.notFound("文件版本"));
		operationLog.record("DOWNLOAD", "supervised_entity", entityId, null, Map.of("documentId", documentId,
				"title", document.title(), "versionNo", versionNo, "fileName", version.fileName()));
		return files.send(version.sha256(), version.fileName(), version.contentType(), version.sizeBytes());
	}

	/** Archives (归档) a document no longer in force: kept with all versions, left out of the default list. */
	@PostMapping("/{documentId}/archive")
	@PreAuthorize("hasAuthority('entity:write')")
	Document archive(@PathVariable long entityId, @PathVariable long documentId, DataScope scope) {
		entity(scope, entityId);
		Document before = locked(entityId, documentId);
		if (before.archivedAt() != null) {
			throw ApiException.conflict("DOCUMENT_ARCHIVED", "该文件已归档");
		}
		documents.archive(documentId);
		Document after = document(entityId, documentId);
		operationLog.record("DOCUMENT_ARCHIVE", "supervised_entity", entityId, Snapshot.of(before), Snapshot.of(after));
		return after;
	}

	private EntityView entity(DataScope scope, long entityId) {
		return entities.find(scope, entityId).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", entityId);
			return ApiException.notFound("监管对象");
		});
	}

	private Document document(long entityId, long documentId) {
		return documents.find(entityId, documentId).orElseThrow(() -> ApiException.notFound("安全管理文件"));
	}

	private Document locked(long entityId, long documentId) {
		if (!documents.lock(entityId, documentId)) {
			throw ApiException.notFound("安全管理文件");
		}
		return document(entityId, documentId);
	}
}
