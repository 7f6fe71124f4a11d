package cn.renda.proposals.alert;

import cn.renda.proposals.proposal.Labelled;

/** Why someone is notified; the label opens the mail's subject. */
public enum NotificationKind implements Labelled {
  /** 交办: the lead agency is to accept (签收) or dispute (退回) the assignment. */
  ASSIGNED("交办通知"),
  /** 协办: a co-agency is to give its opinion to the lead agency. */
  CO_OPINION_REQUESTED("协办通知"),
  /** A reminder before a deadline ({@link AlertKind} reminders). */
  REMINDER("期限提醒"),
  /** An overdue alert to the supervisors ({@link AlertKind} overdue kinds). */
  OVERDUE("超期督办"),
  /** 附议确认: a co-signer is asked to confirm or decline. */
  CO_SIGNATURE_REQUESTED("请确认附议"),
  /** The co-signing left a motion short of ten deputies: its lead deputy chooses. */
  SHORT_OF_CO_SIGNERS("附议人数不足"),
  /** 撤回: the co-signers learn that the lead deputy withdrew the proposal. */
  WITHDRAWN("撤回通知"),
  /** 不予立案: the deputies learn that the proposal was rejected, and why. */
  REJECTED("不予立案通知"),
  /** 答复送达: the deputies receive the reply letter (复函). */
  REPLY_DELIVERED("答复（复函）"),
  /** 代表评价: the lead deputy is asked to rate the reply. */
  FEEDBACK_REQUESTED("请对答复进行评价"),
  /** The deputy is dissatisfied with the reply: the lead agency handles it again (重新办理) or it is supervised. */
  DISSATISFIED("代表不满意"),
  /** An alert about the application rather than a proposal (the calendar lacks a year's arrangement). */
  SYSTEM_ALERT("系统提醒");

  private final String label;

  NotificationKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
