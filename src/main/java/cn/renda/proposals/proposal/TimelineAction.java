package cn.renda.proposals.proposal;

/**
 * The steps the timeline records. {@code internal} steps (drafts, disputes, co-opinions, alerts …) are shown to the
 * offices and the agencies involved only, never to deputies or the public.
 */
public enum TimelineAction implements Labelled {
  SUBMITTED("提交", false),
  CO_SIGNING_OPENED("征求附议", false),
  CO_SIGNATURE_CONFIRMED("确认附议", false),
  CO_SIGNATURE_DECLINED("不同意附议", false),
  CO_SIGNING_CLOSED("附议确认结束", false),
  SUBMITTED_AS_SUGGESTION("附议不足，改作建议提交", false),
  WITHDRAWN("领衔代表撤回", false),
  ACCEPTED("审查立案", false),
  CONVERTED("转为建议立案", false),
  REJECTED("不予立案", false),
  ASSIGNED("交办", false),
  ASSIGNMENT_ACCEPTED("签收", false),
  ASSIGNMENT_ACCEPTED_TACITLY("逾期未退回，视为签收", false),
  DISPUTED("退回交办", true),
  CO_OPINION_GIVEN("提出协办意见", true),
  CO_OPINION_LATE("协办意见超期", true),
  REPLY_DRAFTED("答复拟稿", true),
  EXTENSION_REQUESTED("申请延期", true),
  EXTENSION_APPROVED("批准延期", true),
  EXTENSION_REJECTED("不予延期", true),
  DEADLINE_EXTENDED("答复期限延长", false),
  REPLY_RETURNED("签发退回", true),
  REPLY_APPROVED("签发", true),
  REPLY_DELIVERED("答复送达代表", false),
  PUBLISHED("公开", false),
  FEEDBACK_GIVEN("代表评价", false),
  FEEDBACK_NO_RESPONSE("逾期未评价", false),
  REHANDLING_STARTED("启动重新办理", false),
  SUPERVISION_DECIDED("督办审议", true),
  EVALUATED("办结评定", false),
  PROGRESS_REPORTED("跟踪落实报告", false),
  RESOLVED("问题已解决，类别标记改为A", false),
  CLOSED("办结", false),
  REMINDER("期限提醒", true),
  OVERDUE_ALERT("超期预警", true),
  SUPERVISED("超期督办", true),
  /** A deadline moved because the working-day calendar changed (steps the public course shows). */
  DEADLINE_RECALCULATED("期限按节假日安排调整", false),
  /** The same, for the internal steps (co-opinions, extension approval, supervision). */
  INTERNAL_DEADLINE_RECALCULATED("期限按节假日安排调整", true),
  /** Received on paper and registered from the congress office's Excel file, co-signatures signed on paper. */
  REGISTERED_ON_PAPER("纸质登记", false);

  private final String label;
  private final boolean internal;

  TimelineAction(String label, boolean internal) {
    this.label = label;
    this.internal = internal;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean internal() {
    return internal;
  }
}
