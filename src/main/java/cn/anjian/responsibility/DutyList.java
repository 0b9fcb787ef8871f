package cn.anjian.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A department's 安全生产责任清单 as of a date: its current responsible leaders with their terms, the lead office
 * and the other offices with their share of the work, and every duty with its legal basis. {@link #sections()} is
 * the printed layout, shared by the XLSX and the PDF so both say the same.
 */
record DutyList(long departmentId, String departmentName, String regionName, LocalDate asOf, List<Leader> leaders,
		List<Office> offices, List<Duties.Duty> departmentDuties) {

	record Leader(long id, String role, String roleLabel, String name, String title, LocalDate termFrom,
			LocalDate termTo, List<Duties.Duty> duties) {
	}

	record Office(long id, String name, boolean lead, String workShare, List<Duties.Duty> duties) {
	}

	/** One titled table of the printed list; {@code widths} are the columns' relative widths. */
	record Section(String heading, List<String> headers, List<Integer> widths, List<List<String>> rows) {
	}

	String title() {
		return departmentName + "安全生产责任清单";
	}

	List<Section> sections() {
		return List.of(leaderSection(), officeSection(), dutySection());
	}

	private Section leaderSection() {
		List<List<String>> rows = leaders.stream()
			.map(l -> List.of(l.roleLabel(), l.name(), text(l.title()), term(l.termFrom(), l.termTo())))
			.toList();
		return new Section("一、安全生产责任人", List.of("责任角色", "姓名", "职务", "任职期限"), List.of(3, 2, 3, 3), rows);
	}

	private Section officeSection() {
		List<List<String>> rows = offices.stream()
			.map(o -> List.of(o.name(), o.lead() ? "牵头处（科）室" : "分工处（科）室", text(o.workShare())))
			.toList();
		return new Section("二、处（科）室分工", List.of("处（科）室", "类别", "安全生产工作分工"), List.of(3, 2, 7), rows);
	}

	private Section dutySection() {
		List<List<String>> rows = new ArrayList<>();
		departmentDuties.forEach(d -> rows.add(duty(rows.size() + 1, departmentName, d)));
		leaders.forEach(l -> l.duties().forEach(d -> rows.add(duty(rows.size() + 1, l.roleLabel() + " " + l.name(), d))));
		offices.forEach(o -> o.duties().forEach(d -> rows.add(duty(rows.size() + 1, o.name(), d))));
		return new Section("三、权责清单", List.of("序号", "责任主体", "职责内容", "法律法规及文件依据"),
				List.of(1, 3, 7, 5), rows);
	}

	private static List<String> duty(int number, String owner, Duties.Duty duty) {
		return List.of(String.valueOf(number), owner, duty.content(), text(duty.legalBasis()));
	}

	private static String term(LocalDate from, LocalDate to) {
		if (from == null && to == null) {
			return "";
		}
		return (from == null ? "" : from.toString()) + " 至 " + (to == null ? "今" : to.toString());
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
