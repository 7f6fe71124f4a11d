package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.HandlingCount;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every figure of the handling statistics, in the order of the table, the API and the Excel file, with the definition
 * shown beside it (these numbers get disputed: each says what it counts, over what, by which date). A figure's
 * drill-down lists the proposals of its {@link #basis()}: a count's own, a rate's denominator.
 */
public enum Figure {
  ASSIGNED("assigned", Group.REPLY, Type.COUNT, "交办件数", HandlingCount.ASSIGNED, null,
      "本届次已交办、由本单位主办的议案建议件数（按当前主办单位计；退回后待重新交办的不计）。"),
  REPLIED("replied", Group.REPLY, Type.COUNT, "已答复", HandlingCount.REPLIED, null,
      "首次答复（复函）已送达代表的件数。"),
  REPLIED_ON_TIME("repliedOnTime", Group.REPLY, Type.COUNT, "按时答复", HandlingCount.REPLIED_ON_TIME, null,
      "首次答复的送达日期不晚于送达当日有效的答复期限（经批准的延期计入期限）的件数。"),
  REPLIED_LATE("repliedLate", Group.REPLY, Type.COUNT, "逾期答复", HandlingCount.REPLIED_LATE, null,
      "首次答复送达日期晚于当日有效答复期限的件数。"),
  ON_TIME_BASIS("onTimeBasis", Group.REPLY, Type.COUNT, "应答复件数", HandlingCount.ON_TIME_BASIS, null,
      "按时答复率的分母：已答复件数，加上尚未答复且已过答复期限的件数（未到期的不计）。"),
  ON_TIME_RATE("onTimeRate", Group.REPLY, Type.RATE, "按时答复率", HandlingCount.REPLIED_ON_TIME,
      HandlingCount.ON_TIME_BASIS, "按时答复件数 ÷ 应答复件数。答复期限自首次交办起算（退回不停止计时），经批准的延期计入期限。"),
  OPEN("open", Group.REPLY, Type.COUNT, "待答复", HandlingCount.OPEN, null,
      "现在仍欠答复的件数：首次答复未送达，或代表不满意后重新办理的答复未送达。"),
  OVERDUE("overdue", Group.REPLY, Type.COUNT, "超期未答复", HandlingCount.OVERDUE, null,
      "待答复且今天已过答复期限（含延期）的件数。"),
  MAX_DAYS_OVERDUE("maxDaysOverdue", Group.REPLY, Type.DAYS, "最长超期天数", HandlingCount.OVERDUE, null,
      "超期未答复件中，距答复期限最久的自然日天数（今天减答复期限）。"),
  MEDIAN_WORKING_DAYS("medianWorkingDays", Group.REPLY, Type.MEDIAN, "答复用时中位数（工作日）", HandlingCount.REPLIED,
      null, "已答复件从首次交办到首次答复送达的工作日数（交办当日不计，按法定节假日和调休）的中位数。"),
  DISPUTED("disputed", Group.REPLY, Type.COUNT, "退回", HandlingCount.DISPUTED, null,
      "本单位作为主办单位签收时退回交办的件数（退回后改由其他单位主办的仍记在本单位）。"),
  EXTENSION_REQUESTED("extensionRequested", Group.REPLY, Type.COUNT, "申请延期", HandlingCount.EXTENSION_REQUESTED,
      null, "本单位主办、申请过延期的件数（一件多次申请计一件）。"),
  EXTENSION_APPROVED("extensionApproved", Group.REPLY, Type.COUNT, "批准延期", HandlingCount.EXTENSION_APPROVED,
      null, "申请延期并至少获批一次的件数。"),
  BY_FACE_TO_FACE("byFaceToFace", Group.COMMUNICATION, Type.COUNT, "面商", HandlingCount.BY_FACE_TO_FACE, null,
      "最后送达的答复中，答复前沟通方式为面商的件数。"),
  BY_MEETING("byMeeting", Group.COMMUNICATION, Type.COUNT, "座谈", HandlingCount.BY_MEETING, null,
      "最后送达的答复中，沟通方式为座谈的件数。"),
  BY_VISIT("byVisit", Group.COMMUNICATION, Type.COUNT, "走访", HandlingCount.BY_VISIT, null,
      "最后送达的答复中，沟通方式为走访的件数。"),
  BY_PHONE("byPhone", Group.COMMUNICATION, Type.COUNT, "电话", HandlingCount.BY_PHONE, null,
      "最后送达的答复中，沟通方式为电话的件数。"),
  BY_WRITING("byWriting", Group.COMMUNICATION, Type.COUNT, "书面", HandlingCount.BY_WRITING, null,
      "最后送达的答复中，沟通方式为书面的件数。"),
  IN_PERSON_RATE("inPersonRate", Group.COMMUNICATION, Type.RATE, "当面沟通率", HandlingCount.IN_PERSON,
      HandlingCount.REPLIED, "沟通方式为面商、座谈或走访的件数 ÷ 已答复件数（按最后送达的答复）。"),
  SATISFIED("satisfied", Group.FEEDBACK, Type.COUNT, "满意", HandlingCount.SATISFIED, null,
      "代表最近一次评价为满意的件数（重新办理后以最新评价为准）。"),
  BASICALLY_SATISFIED("basicallySatisfied", Group.FEEDBACK, Type.COUNT, "基本满意", HandlingCount.BASICALLY_SATISFIED,
      null, "代表最近一次评价为基本满意的件数。"),
  DISSATISFIED("dissatisfied", Group.FEEDBACK, Type.COUNT, "不满意", HandlingCount.DISSATISFIED, null,
      "代表最近一次评价为不满意的件数。"),
  NO_RESPONSE("noResponse", Group.FEEDBACK, Type.COUNT, "未反馈", HandlingCount.NO_RESPONSE, null,
      "评价期限届满代表未评价的件数（最近一次评价）；尚在评价期内的不计。"),
  FIRST_ROUND_SATISFACTION_RATE("firstRoundSatisfactionRate", Group.FEEDBACK, Type.RATE, "满意率（首次答复）",
      HandlingCount.FIRST_ROUND_SATISFIED, HandlingCount.FIRST_ROUND_RATED,
      "对首次答复评价为满意或基本满意的件数 ÷ 对首次答复作出评价（满意、基本满意、不满意）的件数；未反馈不计。"),
  REHANDLED("rehandled", Group.FEEDBACK, Type.COUNT, "重新办理", HandlingCount.REHANDLED, null,
      "代表不满意后启动重新办理的件数。"),
  FINAL_SATISFACTION_RATE("finalSatisfactionRate", Group.FEEDBACK, Type.RATE, "满意率（重新办理后）",
      HandlingCount.FINAL_SATISFIED, HandlingCount.FINAL_RATED,
      "最近一次评价为满意或基本满意的件数 ÷ 最近一次评价为满意、基本满意或不满意的件数；未反馈不计。"),
  CLASS_A("classA", Group.CLASSIFICATION, Type.COUNT, "A类", HandlingCount.CLASS_A, null,
      "最后送达的答复类别标记为A（已采纳，问题已解决）的件数。"),
  CLASS_B("classB", Group.CLASSIFICATION, Type.COUNT, "B类", HandlingCount.CLASS_B, null,
      "最后送达的答复类别标记为B（已采纳，正在解决或列入计划）的件数。"),
  CLASS_C("classC", Group.CLASSIFICATION, Type.COUNT, "C类", HandlingCount.CLASS_C, null,
      "最后送达的答复类别标记为C（因条件、政策所限近期不能解决）的件数。"),
  CLASS_D("classD", Group.CLASSIFICATION, Type.COUNT, "D类", HandlingCount.CLASS_D, null,
      "最后送达的答复类别标记为D（未采纳或留作参考）的件数。"),
  EVALUATED("evaluated", Group.CLASSIFICATION, Type.COUNT, "已办结评定", HandlingCount.EVALUATED, null,
      "人大常委会办公室已作出办结评定（有最终类别标记）的件数。"),
  RESOLUTION_RATE("resolutionRate", Group.CLASSIFICATION, Type.RATE, "办成率", HandlingCount.RESOLVED,
      HandlingCount.EVALUATED, "最终类别标记为A的件数 ÷ 已办结评定件数；B类承诺兑现后改为A，计入办成。"),
  B_PROMISED("bPromised", Group.CLASSIFICATION, Type.COUNT, "B类承诺", HandlingCount.B_PROMISED, null,
      "办结评定为B类（承诺逐步解决）的件数，含其后已兑现改为A的。"),
  B_KEPT("bKept", Group.CLASSIFICATION, Type.COUNT, "B类已兑现", HandlingCount.B_KEPT, null,
      "B类承诺经跟踪落实报告已解决、类别改为A的件数。"),
  B_FOLLOW_UP_OVERDUE("bFollowUpOverdue", Group.CLASSIFICATION, Type.COUNT, "B类跟踪超期",
      HandlingCount.B_FOLLOW_UP_OVERDUE, null, "正在跟踪落实、今天已过落实情况报告期限的件数。"),
  CO_ASSIGNED("coAssigned", Group.CO_AGENCY, Type.COUNT, "协办件数", HandlingCount.CO_ASSIGNED, null,
      "本单位作为协办单位（当前交办）的件数。"),
  CO_REQUESTED("coRequested", Group.CO_AGENCY, Type.COUNT, "应提协办意见", HandlingCount.CO_REQUESTED, null,
      "主办单位签收后请本单位提出协办意见的件数。"),
  CO_ON_TIME("coOnTime", Group.CO_AGENCY, Type.COUNT, "按时提出", HandlingCount.CO_ON_TIME, null,
      "在协办期限内提出协办意见的件数。"),
  CO_LATE("coLate", Group.CO_AGENCY, Type.COUNT, "超期未提出", HandlingCount.CO_LATE, null,
      "协办期限届满仍未提出意见的件数（主办单位不再等待）。"),
  CO_OPEN("coOpen", Group.CO_AGENCY, Type.COUNT, "待提出", HandlingCount.CO_OPEN, null,
      "尚在协办期限内、未提出意见的件数。"),
  CO_ON_TIME_RATE("coOnTimeRate", Group.CO_AGENCY, Type.RATE, "协办意见按时率", HandlingCount.CO_ON_TIME,
      HandlingCount.CO_DUE, "按时提出件数 ÷（按时提出件数 + 超期未提出件数）；尚在期限内的不计。");

  /** The sections of the table. */
  public enum Group {
    REPLY("答复办理"),
    COMMUNICATION("沟通方式"),
    FEEDBACK("代表评价"),
    CLASSIFICATION("答复类别与办成"),
    CO_AGENCY("协办");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What kind of number a figure is. */
  public enum Type {
    /** A number of proposals. */
    COUNT,
    /** A share from 0 to 1; null when its denominator is 0. */
    RATE,
    /** Working days, the median; null without replies. */
    MEDIAN,
    /** Calendar days; null when nothing is overdue. */
    DAYS
  }

  private final String key;
  private final Group group;
  private final Type type;
  private final String label;
  private final HandlingCount count;
  private final HandlingCount denominator;
  private final String definition;

  Figure(String key, Group group, Type type, String label, HandlingCount count, HandlingCount denominator,
      String definition) {
    this.key = key;
    this.group = group;
    this.type = type;
    this.label = label;
    this.count = count;
    this.denominator = denominator;
    this.definition = definition;
  }

  /** The figure's name in the API and in drill-down requests. */
  public String key() {
    return key;
  }

  public Group group() {
    return group;
  }

  public Type type() {
    return type;
  }

  public String label() {
    return label;
  }

  public String definition() {
    return definition;
  }

  /** For a count, what it counts; for a rate, its numerator; for days and medians, the proposals they are about. */
  HandlingCount count() {
    return count;
  }

  /** For a rate, its denominator. */
  HandlingCount denominator() {
    return denominator;
  }

  /** The proposals behind the figure: a count's own, a rate's denominator. */
  public HandlingCount basis() {
    return denominator != null ? denominator : count;
  }

  public static Optional<Figure> byKey(String key) {
    return Arrays.stream(values()).filter(figure -> figure.key.equals(key)).findFirst();
  }
}
