package cn.anjian.inspection;

import cn.anjian.platform.web.ApiException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Editing a campaign while it runs: what is already on record stays. Once ended it is not edited at all; once started
 * its start date is fixed and its end cannot move before today; a department that filed a dispatch report cannot be
 * removed; a task reported done cannot be changed or removed; a changed schedule or period applies to the slots due
 * from now on ({@link DispatchSlots#replaceFuture}), slots already due keep the schedule they were asked under.
 */
@Component
class EditingCampaign {

	private final Campaigns campaigns;
	private final DispatchSlots slots;
	private final JdbcClient jdbc;

	EditingCampaign(Campaigns campaigns, DispatchSlots slots, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.slots = slots;
		this.jdbc = jdbc;
	}

	void apply(CampaignController.Detail before, CampaignController.NewCampaign form, CampaignController.Checked c,
			LocalDate today) {
		Campaigns.CampaignView campaign = before.campaign();
		long id = campaign.id();
		if ("ENDED".equals(campaign.state())) {
			throw ApiException.conflict("CAMPAIGN_ENDED", "专项行动已结束，不能修改");
		}
		boolean started = !today.isBefore(campaign.startDate());
		if (started && !form.startDate().equals(campaign.startDate())) {
			throw ApiException.conflict("CAMPAIGN_STARTED", "专项行动已开始，不能修改开始日期");
		}
		if (!started && form.startDate().isBefore(today)) {
			throw ApiException.invalid("startDate", "开始日期不能早于今天");
		}
		if (form.endDate().isBefore(today)) {
			throw ApiException.invalid("endDate", "结束日期不能早于今天");
		}
		requireFiledKept(id, c.departments());
		if (jdbc.sql("""
				SELECT count(*) FROM dispatch_report r JOIN dispatch_slot s ON s.id = r.slot_id
				WHERE s.campaign_id = :c AND s.due_at >= (CAST(:end AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
				""").param("c", id).param("end", form.endDate()).query(Long.class).single() > 0) {
			throw ApiException.conflict("REPORT_AFTER_END", "已有调度报告的报送时点晚于新的结束日期");
		}
		List<Campaigns.Task> tasks = campaigns.tasks(id, today);
		checkTasks(tasks, c.tasks());
		campaigns.update(id, form.name().trim(), form.type(), form.description(), form.startDate(), form.endDate(), c.schedule());
		campaigns.replaceScope(id, c.regions(), c.industries(), c.departments());
		replaceTasks(id, tasks, c.tasks());
		slots.replaceFuture(id);
	}

	/** A department that filed a report stays a participant: its reports are part of the campaign's record. */
	private void requireFiledKept(long id, List<Long> departments) {
		List<String> removed = jdbc.sql("""
				SELECT d.name FROM department d WHERE d.id IN (SELECT r.department_id FROM dispatch_report r WHERE r.campaign_id = :c)
				  AND NOT (d.id = ANY (CAST(:ids AS bigint[]))) ORDER BY d.id
				""").param("c", id).param("ids", departments.toArray(Long[]::new)).query(String.class).list();
		if (!removed.isEmpty()) {
			throw ApiException.conflict("DEPARTMENT_HAS_REPORTS",
					"%s已报送调度报告，不能移出参与部门".formatted(String.join("、", removed)));
		}
	}

	/** A done task comes back unchanged; a row with an id must be one of this campaign's tasks. */
	private static void checkTasks(List<Campaigns.Task> existing, List<CampaignController.NewTask> rows) {
		Map<Long, Campaigns.Task> byId = existing.stream().collect(Collectors.toMap(Campaigns.Task::id, Function.identity()));
		Set<Long> kept = new HashSet<>();
		for (CampaignController.NewTask row : rows) {
			if (row.id() == null) {
				continue;
			}
			Campaigns.Task task = byId.get(row.id());
			if (task == null || !kept.add(row.id())) {
				throw ApiException.invalid("tasks", "任务不属于本专项行动");
			}
			boolean changed = task.departmentId() != row.departmentId() || !task.content().equals(row.content().trim())
					|| !task.dueDate().equals(row.dueDate());
			if (task.doneAt() != null && changed) {
				throw ApiException.conflict("TASK_DONE", "任务“%s”已报完成，不能修改".formatted(task.content()));
			}
		}
		for (Campaigns.Task task : existing) {
			if (task.doneAt() != null && !kept.contains(task.id())) {
				throw ApiException.conflict("TASK_DONE", "任务“%s”已报完成，不能删除".formatted(task.content()));
			}
		}
	}

	private void replaceTasks(long id, List<Campaigns.Task> existing, List<CampaignController.NewTask> rows) {
		Set<Long> kept = rows.stream().map(CampaignController.NewTask::id).filter(Objects::nonNull).collect(Collectors.toSet());
		existing.stream().filter(t -> !kept.contains(t.id())).forEach(t -> campaigns.removeTask(t.id()));
		for (int i = 0; i < rows.size(); i++) {
			CampaignController.NewTask row = rows.get(i);
			if (row.id() == null) {
				campaigns.addTask(id, row.departmentId(), row.content().trim(), row.dueDate(), i);
			}
			else {
				campaigns.updateTask(row.id(), row.departmentId(), row.content().trim(), row.dueDate(), i);
			}
		}
	}
}
