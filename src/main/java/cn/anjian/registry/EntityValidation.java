package cn.anjian.registry;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks an {@link EntityForm} and reports every problem at once, in Chinese, per field — the same checks for the
 * form and for each row of an Excel import. Dictionary codes are loaded once per validator ({@link #forBatch}).
 */
@Component
public class EntityValidation {

	private final JdbcClient jdbc;

	EntityValidation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A validator with the dictionaries and the caller's places loaded, for one form or a whole import. */
	public Batch forBatch(DataScope scope) {
		Map<String, Set<String>> codes = new HashMap<>();
		jdbc.sql("SELECT type, code FROM dict_item WHERE enabled").query((rs, n) -> {
			codes.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
			return null;
		}).list();
		Set<Long> places = new HashSet<>(scope.bind(jdbc.sql("SELECT r.id FROM region r WHERE r.level IN ('STREET', 'GRID') AND "
				+ scope.regionFilter("r.id"))).query(Long.class).list());
		return new Batch(codes, places);
	}

	public final class Batch {

		private final Map<String, Set<String>> codes;
		private final Set<Long> places;

		private Batch(Map<String, Set<String>> codes, Set<Long> places) {
			this.codes = codes;
			this.places = places;
		}

		public List<ApiError.Detail> check(EntityForm f) {
			List<ApiError.Detail> errors = new ArrayList<>();
			required(errors, "name", f.name(), "单位名称");
			if (f.name() != null && f.name().length() > 200) {
				errors.add(new ApiError.Detail("name", "单位名称不能超过200字"));
			}
			if (f.uscc() == null || f.uscc().isBlank()) {
				errors.add(new ApiError.Detail("uscc", "请填写统一社会信用代码"));
			}
			else if (!Uscc.isValid(f.uscc())) {
				errors.add(new ApiError.Detail("uscc", "统一社会信用代码“" + f.uscc() + "”格式或校验位不正确"));
			}
			code(errors, "socialFunction", "social_function", f.socialFunction(), "社会功能", true);
			code(errors, "industry", "industry", f.industry(), "行业类型", true);
			code(errors, "supervisionLevel", "supervision_level", f.supervisionLevel(), "监管层级", true);
			code(errors, "status", "entity_status", f.status(), "经营状态", false);
			if (f.supervisionTypes() != null) {
				f.supervisionTypes().forEach(t -> code(errors, "supervisionTypes", "supervision_type", t, "监管类型", true));
			}
			if (Boolean.TRUE.equals(f.majorHazardSource())) {
				code(errors, "majorHazardGrade", "major_hazard_grade", f.majorHazardGrade(), "重大危险源等级", true);
			}
			if (f.regionId() == null) {
				errors.add(new ApiError.Detail("regionId", "请选择属地街道（镇）或网格"));
			}
			else if (!places.contains(f.regionId())) {
				errors.add(new ApiError.Detail("regionId", "属地不存在、不是街道（镇）或网格，或不在您的管辖范围内"));
			}
			if (f.staffCount() != null && f.staffCount() < 0) {
				errors.add(new ApiError.Detail("staffCount", "从业人员数不能为负数"));
			}
			range(errors, "latitude", f.latitude(), -90, 90, "纬度");
			range(errors, "longitude", f.longitude(), -180, 180, "经度");
			if (Boolean.TRUE.equals(f.insured()) && (f.insurancePolicyNo() == null || f.insurancePolicyNo().isBlank())) {
				errors.add(new ApiError.Detail("insurancePolicyNo", "已投保安责险的，请填写保单号"));
			}
			return errors;
		}

		private void code(List<ApiError.Detail> errors, String field, String type, String value, String label,
				boolean required) {
			if (value == null || value.isBlank()) {
				if (required) {
					errors.add(new ApiError.Detail(field, "请选择" + label));
				}
			}
			else if (!codes.getOrDefault(type, Set.of()).contains(value)) {
				errors.add(new ApiError.Detail(field, label + "“" + value + "”不在字典中"));
			}
		}
	}

	private static void required(List<ApiError.Detail> errors, String field, String value, String label) {
		if (value == null || value.isBlank()) {
			errors.add(new ApiError.Detail(field, "请填写" + label));
		}
	}

	private static void range(List<ApiError.Detail> errors, String field, BigDecimal value, int min, int max, String label) {
		if (value != null && (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)) {
			errors.add(new ApiError.Detail(field, label + "超出范围"));
		}
	}

}
