-- Dictionaries (字典): every classification of DOMAIN.md, as editable code lists with their default entries.

INSERT INTO dict_type (type, name, sort_order) VALUES ('region_kind', '区划类型', 1);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('region_kind', 'CITY', '市', 1),
    ('region_kind', 'DISTRICT', '区', 2),
    ('region_kind', 'COUNTY', '县', 3),
    ('region_kind', 'ZONE', '功能区', 4),
    ('region_kind', 'STREET', '街道', 5),
    ('region_kind', 'TOWN', '镇', 6),
    ('region_kind', 'GRID', '网格', 7);
INSERT INTO dict_type (type, name, sort_order) VALUES ('social_function', '社会功能', 2);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('social_function', 'ENTERPRISE', '企业', 1),
    ('social_function', 'PRIVATE_NON_ENTERPRISE', '民办非企业', 2),
    ('social_function', 'SOCIAL_ORGANIZATION', '社会团体', 3),
    ('social_function', 'PUBLIC_INSTITUTION', '事业单位', 4),
    ('social_function', 'NINE_SMALL_PLACES', '九小场所', 5);
INSERT INTO dict_type (type, name, sort_order) VALUES ('supervision_type', '监管类型', 3);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('supervision_type', 'INDUSTRY_SUPERVISION', '行业监管', 1),
    ('supervision_type', 'INDUSTRY_COMPETENT', '行业主管', 2),
    ('supervision_type', 'SPECIAL_SUPERVISION', '专项监管', 3),
    ('supervision_type', 'TERRITORIAL', '属地管理', 4),
    ('supervision_type', 'OTHER', '其他管理', 5);
INSERT INTO dict_type (type, name, sort_order) VALUES ('supervision_level', '监管层级', 4);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('supervision_level', 'CITY', '市', 1),
    ('supervision_level', 'DISTRICT', '区县', 2),
    ('supervision_level', 'STREET', '街道镇', 3);
INSERT INTO dict_type (type, name, sort_order) VALUES ('hazard_level', '隐患等级', 5);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('hazard_level', 'GENERAL', '一般事故隐患', 1),
    ('hazard_level', 'SUSPECTED_MAJOR', '疑似重大事故隐患', 2),
    ('hazard_level', 'MAJOR', '重大事故隐患', 3);
INSERT INTO dict_type (type, name, sort_order) VALUES ('rectification_type', '整改方式', 6);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('rectification_type', 'IMMEDIATE', '立即整改', 1),
    ('rectification_type', 'DEADLINE', '限期整改', 2),
    ('rectification_type', 'SUSPEND', '停产停业整顿', 3);
INSERT INTO dict_type (type, name, sort_order) VALUES ('inspection_type', '检查类型', 7);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('inspection_type', 'ENFORCEMENT', '执法检查', 1),
    ('inspection_type', 'SUPERVISION', '监督检查', 2),
    ('inspection_type', 'ROUTINE', '日常检查', 3),
    ('inspection_type', 'SPECIAL', '专项检查', 4),
    ('inspection_type', 'INSPECTION_TOUR', '督查', 5),
    ('inspection_type', 'RE_INSPECTION', '复查', 6);
INSERT INTO dict_type (type, name, sort_order) VALUES ('licence_type', '证照类型', 8);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('licence_type', 'SAFETY_PRODUCTION', '安全生产许可证', 1),
    ('licence_type', 'HAZCHEM_OPERATION', '危险化学品经营许可证', 2),
    ('licence_type', 'HAZCHEM_USE', '危险化学品安全使用许可证', 3),
    ('licence_type', 'FIREWORKS_OPERATION', '烟花爆竹经营许可证', 4),
    ('licence_type', 'MINING', '采矿许可证', 5),
    ('licence_type', 'GAS_OPERATION', '燃气经营许可证', 6),
    ('licence_type', 'ROAD_TRANSPORT', '道路运输经营许可证', 7),
    ('licence_type', 'SPECIAL_EQUIPMENT', '特种设备使用登记证', 8),
    ('licence_type', 'CONSTRUCTION_SAFETY', '建筑施工企业安全生产许可证', 9),
    ('licence_type', 'FIRE_SAFETY', '消防安全检查合格证', 10),
    ('licence_type', 'BUSINESS_LICENCE', '营业执照', 11),
    ('licence_type', 'OTHER', '其他证照', 12);
INSERT INTO dict_type (type, name, sort_order) VALUES ('entity_status', '经营状态', 9);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('entity_status', 'OPERATING', '在营', 1),
    ('entity_status', 'SUSPENDED', '停业', 2),
    ('entity_status', 'CANCELLED', '注销', 3);
INSERT INTO dict_type (type, name, sort_order) VALUES ('major_hazard_grade', '重大危险源等级', 10);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('major_hazard_grade', 'GRADE_1', '一级', 1),
    ('major_hazard_grade', 'GRADE_2', '二级', 2),
    ('major_hazard_grade', 'GRADE_3', '三级', 3),
    ('major_hazard_grade', 'GRADE_4', '四级', 4);
INSERT INTO dict_type (type, name, sort_order) VALUES ('risk_grade', '安全风险等级', 11);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('risk_grade', 'MAJOR', '重大风险（红）', 1),
    ('risk_grade', 'HIGH', '较大风险（橙）', 2),
    ('risk_grade', 'GENERAL', '一般风险（黄）', 3),
    ('risk_grade', 'LOW', '低风险（蓝）', 4);
INSERT INTO dict_type (type, name, sort_order) VALUES ('control_level', '管控层级', 12);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('control_level', 'COMPANY', '公司（厂部）', 1),
    ('control_level', 'WORKSHOP', '车间（部门）', 2),
    ('control_level', 'TEAM', '班组', 3),
    ('control_level', 'POST', '岗位', 4);
INSERT INTO dict_type (type, name, sort_order) VALUES ('penalty_type', '处罚种类', 13);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('penalty_type', 'WARNING', '警告', 1),
    ('penalty_type', 'FINE', '罚款', 2),
    ('penalty_type', 'CONFISCATION', '没收违法所得', 3),
    ('penalty_type', 'SUSPEND', '责令停产停业整顿', 4),
    ('penalty_type', 'LICENCE_SUSPEND', '暂扣证照', 5),
    ('penalty_type', 'LICENCE_REVOKE', '吊销证照', 6),
    ('penalty_type', 'CLOSE', '关闭', 7);
INSERT INTO dict_type (type, name, sort_order) VALUES ('document_type', '安全管理文件类型', 14);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('document_type', 'RULES', '安全生产管理制度', 1),
    ('document_type', 'RESPONSIBILITY', '安全生产责任制', 2),
    ('document_type', 'OPERATING_PROCEDURE', '安全操作规程', 3),
    ('document_type', 'EMERGENCY_PLAN', '应急预案', 4),
    ('document_type', 'TRAINING', '教育培训记录', 5),
    ('document_type', 'DRILL', '应急演练记录', 6),
    ('document_type', 'OTHER', '其他', 7);
INSERT INTO dict_type (type, name, sort_order) VALUES ('industry', '行业类型（可编辑，默认清单）', 15);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('industry', 'IND001', '危险化学品生产', 1),
    ('industry', 'IND002', '危险化学品经营（带储存）', 2),
    ('industry', 'IND003', '危险化学品经营（无储存）', 3),
    ('industry', 'IND004', '危险化学品使用', 4),
    ('industry', 'IND005', '加油站', 5),
    ('industry', 'IND006', '加气站', 6),
    ('industry', 'IND007', '非煤矿山', 7),
    ('industry', 'IND008', '尾矿库', 8),
    ('industry', 'IND009', '烟花爆竹生产', 9),
    ('industry', 'IND010', '烟花爆竹批发', 10),
    ('industry', 'IND011', '烟花爆竹零售', 11),
    ('industry', 'IND012', '金属冶炼', 12),
    ('industry', 'IND013', '涉氨制冷', 13),
    ('industry', 'IND014', '粉尘涉爆', 14),
    ('industry', 'IND015', '有限空间作业', 15),
    ('industry', 'IND016', '工贸其他', 16),
    ('industry', 'IND017', '建筑施工', 17),
    ('industry', 'IND018', '市政工程', 18),
    ('industry', 'IND019', '房屋建筑', 19),
    ('industry', 'IND020', '城镇燃气', 20),
    ('industry', 'IND021', '燃气经营', 21),
    ('industry', 'IND022', '特种设备', 22),
    ('industry', 'IND023', '电梯', 23),
    ('industry', 'IND024', '锅炉压力容器', 24),
    ('industry', 'IND025', '道路旅客运输', 25),
    ('industry', 'IND026', '道路货物运输', 26),
    ('industry', 'IND027', '危险货物道路运输', 27),
    ('industry', 'IND028', '城市公共交通', 28),
    ('industry', 'IND029', '出租汽车', 29),
    ('industry', 'IND030', '轨道交通', 30),
    ('industry', 'IND031', '水上交通', 31),
    ('industry', 'IND032', '港口码头', 32),
    ('industry', 'IND033', '民用航空', 33),
    ('industry', 'IND034', '铁路', 34),
    ('industry', 'IND035', '消防重点单位', 35),
    ('industry', 'IND036', '人员密集场所', 36),
    ('industry', 'IND037', '商场超市', 37),
    ('industry', 'IND038', '宾馆饭店', 38),
    ('industry', 'IND039', '餐饮场所', 39),
    ('industry', 'IND040', '文化娱乐场所', 40),
    ('industry', 'IND041', '体育场馆', 41),
    ('industry', 'IND042', '旅游景区', 42),
    ('industry', 'IND043', '学校', 43),
    ('industry', 'IND044', '医疗机构', 44),
    ('industry', 'IND045', '养老机构', 45),
    ('industry', 'IND046', '宗教活动场所', 46),
    ('industry', 'IND047', '电力', 47),
    ('industry', 'IND048', '水利工程', 48),
    ('industry', 'IND049', '农业机械', 49),
    ('industry', 'IND050', '渔业船舶', 50),
    ('industry', 'IND051', '林业', 51),
    ('industry', 'IND052', '仓储物流', 52),
    ('industry', 'IND053', '冷库', 53),
    ('industry', 'IND054', '民用爆炸物品', 54),
    ('industry', 'IND055', '军工', 55),
    ('industry', 'IND056', '通信', 56),
    ('industry', 'IND057', '广播电视', 57),
    ('industry', 'IND058', '食品生产', 58),
    ('industry', 'IND059', '药品生产', 59),
    ('industry', 'IND060', '纺织服装', 60),
    ('industry', 'IND061', '木材加工', 61),
    ('industry', 'IND062', '造纸印刷', 62),
    ('industry', 'IND063', '机械制造', 63),
    ('industry', 'IND064', '电子制造', 64),
    ('industry', 'IND065', '汽车维修', 65),
    ('industry', 'IND066', '废旧物资回收', 66),
    ('industry', 'IND067', '城市供水', 67),
    ('industry', 'IND068', '城市排水', 68),
    ('industry', 'IND069', '城市供热', 69),
    ('industry', 'IND070', '垃圾处理', 70),
    ('industry', 'IND071', '园林绿化', 71),
    ('industry', 'IND072', '户外广告', 72),
    ('industry', 'IND073', '小商店', 73),
    ('industry', 'IND074', '小餐饮', 74),
    ('industry', 'IND075', '小旅馆', 75),
    ('industry', 'IND076', '小歌舞厅', 76),
    ('industry', 'IND077', '小网吧', 77),
    ('industry', 'IND078', '小美容洗浴', 78),
    ('industry', 'IND079', '小学校幼儿园', 79),
    ('industry', 'IND080', '小医院', 80),
    ('industry', 'IND081', '小生产加工企业', 81),
    ('industry', 'IND082', '其他行业', 82);
