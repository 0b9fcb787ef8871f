-- A case closed without a penalty (不予处罚, with its legal basis and reason) or withdrawn (撤案, with a reason);
-- a lead the sender withdraws (撤回) before the receiver handles it.

ALTER TABLE enforcement_case DROP CONSTRAINT enforcement_case_state_check;
ALTER TABLE enforcement_case ADD CONSTRAINT enforcement_case_state_check
    CHECK (state IN ('FILED', 'DECIDED', 'EXECUTED', 'CLOSED', 'NOT_PENALIZED', 'WITHDRAWN'));
ALTER TABLE enforcement_case ADD COLUMN closing_basis varchar(1000);
ALTER TABLE enforcement_case ADD COLUMN closing_reason varchar(1000);
COMMENT ON COLUMN enforcement_case.state IS '状态：FILED已立案 DECIDED已作出处罚决定 EXECUTED已执行 CLOSED已结案 NOT_PENALIZED不予处罚（结案） WITHDRAWN已撤案';
COMMENT ON COLUMN enforcement_case.closing_basis IS '不予处罚的法律依据';
COMMENT ON COLUMN enforcement_case.closing_reason IS '不予处罚或撤案的理由';
COMMENT ON COLUMN enforcement_case.closed_at IS '结案时间（含不予处罚、撤案）';
COMMENT ON COLUMN case_transition.transition IS '操作：FILE立案 DECIDE处罚决定 EXECUTE执行完毕 CLOSE结案 NO_PENALTY不予处罚 WITHDRAW撤案';

ALTER TABLE lead_transfer DROP CONSTRAINT lead_transfer_state_check;
ALTER TABLE lead_transfer ADD CONSTRAINT lead_transfer_state_check
    CHECK (state IN ('TRANSFERRED', 'ACCEPTED', 'RETURNED', 'WITHDRAWN'));
COMMENT ON COLUMN lead_transfer.state IS '状态：TRANSFERRED已移交待受理 ACCEPTED已受理 RETURNED已退回 WITHDRAWN已撤回';
ALTER TABLE lead_hop DROP CONSTRAINT lead_hop_outcome_check;
ALTER TABLE lead_hop ADD CONSTRAINT lead_hop_outcome_check CHECK (outcome IN ('ACCEPTED', 'RETURNED', 'WITHDRAWN'));
COMMENT ON COLUMN lead_hop.outcome IS '结果：ACCEPTED受理 RETURNED退回 WITHDRAWN移交单位撤回（空为待受理）';
COMMENT ON COLUMN lead_hop.note IS '受理意见、退回理由或撤回理由';
