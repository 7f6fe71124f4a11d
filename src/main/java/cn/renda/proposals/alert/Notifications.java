package cn.renda.proposals.alert;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.platform.DeliveryJobs;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.Replies;
import cn.renda.proposals.proposal.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the notifications of the lifecycle, in Chinese, in the transaction of the step that causes them: the
 * notification, one delivery per channel and destination, and one engine job per delivery ({@link DeliveryJobs}),
 * which sends it after the commit. A step that rolls back leaves no notification; a committed one is delivered even
 * if the application stops right after.
 */
@Service("notificationOutbox")
@Transactional(propagation = Propagation.MANDATORY)
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  private static final String FOOTER = "——\n人大代表议案建议办理系统\n此邮件由系统自动发送，请勿直接回复。";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final AssignmentRounds rounds;
  private final Replies replies;
  private final AgencyDirectory agencies;
  private final Recipients recipients;
  private final Links links;
  private final DeliveryJobs jobs;
  private final boolean mailEnabled;

  public Notifications(
      JdbcClient jdbc,
      Clock clock,
      ProposalRecords records,
      AssignmentRounds rounds,
      Replies replies,
      AgencyDirectory agencies,
      Recipients recipients,
      Links links,
      DeliveryJobs jobs,
      NotificationProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.rounds = rounds;
    this.replies = replies;
    this.agencies = agencies;
    this.recipients = recipients;
    this.links = links;
    this.jobs = jobs;
    this.mailEnabled = properties.mail().enabled();
  }

  /** 交办: the lead agency's handlers are to accept or dispute the assignment ({@code taskId}) by {@code due}. */
  public void assigned(String proposalId, String taskId, Date due) {
    ProposalRecord record = records.get(proposalId);
    String lead = record.leadAgency();
    List<String> coAgencies = rounds.currentCoAgencies(record);
    String group = Groups.agency(lead);
    String text = "县人民政府办公室已将" + Texts.proposal(record) + "交由你单位主办"
        + (coAgencies.isEmpty() ? "" : "，协办单位：" + names(coAgencies)) + "。\n"
        + (record.replyDue() == null ? "" : "答复期限：" + day(record.replyDue()) + "。\n")
        + "请于 " + day(due) + " 前在任务列表中签收；如认为不属于你单位职责，可在此期限内退回并说明理由，逾期未退回的视为签收。";
    String link = links.task(taskId);
    record(record, null, NotificationKind.ASSIGNED, NotificationKind.ASSIGNED.label(), Audience.group(group),
        mail(recipients.groupName(group), text, "办理入口：" + link), link);
  }

  /** 协办: a co-agency's handlers are to give their opinion ({@code taskId}) by {@code due}. */
  public void coOpinionRequested(String proposalId, String coAgency, String taskId, Date due) {
    ProposalRecord record = records.get(proposalId);
    String group = Groups.agency(coAgency);
    String text = Texts.proposal(record) + "由" + agencies.nameOf(record.leadAgency()) + "主办，你单位为协办单位。\n"
        + "请于 " + day(due) + " 前在任务列表中提出协办意见。";
    String link = links.task(taskId);
    record(record, null, NotificationKind.CO_OPINION_REQUESTED, NotificationKind.CO_OPINION_REQUESTED.label(),
        Audience.group(group), mail(recipients.groupName(group), text, "办理入口：" + link), link);
  }

  /** 不予立案: every deputy of the proposal learns it, with the reason. */
  public void rejected(String proposalId) {
    ProposalRecord record = records.get(proposalId);
    String text = "您提出的" + record.kind().label() + "《" + record.title() + "》经县人大常委会办公室审查，决定不予立案。\n"
        + "理由：" + (record.reviewComment() == null ? "（未说明）" : record.reviewComment()) + "\n\n"
        + "如有疑问，请与县人大常委会办公室联系。";
    String link = links.workspace(proposalId);
    record(record, null, NotificationKind.REJECTED, NotificationKind.REJECTED.label(),
        Audience.users(record.deputies()),
        mail("尊敬的代表", text, "查看案件：" + link), link);
  }

  /** 答复送达: every deputy of the proposal receives the signed reply letter. */
  public void replyDelivered(String proposalId) {
    ProposalRecord record = records.get(proposalId);
    Replies.Reply letter = replies.delivered(proposalId)
        .orElseThrow(() -> new IllegalStateException("No approved reply for proposal " + proposalId));
    String issuer = agencies.nameOf(letter.issuerCode());
    StringBuilder text = new StringBuilder()
        .append("您提出的").append(Texts.proposal(record)).append("，").append(issuer).append("已作出答复，现将复函转送如下。\n\n")
        .append("类别标记：").append(letter.classification()).append("（")
        .append(letter.classification().label()).append("）\n")
        .append("答复单位：").append(issuer).append("\n");
    if (letter.replyDate() != null) {
      text.append("答复日期：").append(day(letter.replyDate())).append("\n");
    }
    if (letter.contactPerson() != null) {
      text.append("联系人：").append(letter.contactPerson())
          .append(letter.contactPhone() == null ? "" : "　联系电话：" + letter.contactPhone()).append("\n");
    }
    text.append("\n复函全文：\n\n").append(letter.text());
    boolean published = record.publishedAt() != null;
    String link = links.workspace(proposalId);
    String more = "代表工作台：" + link + (published ? "\n公开的答复：" + links.publicRecord(proposalId) : "");
    record(record, null, NotificationKind.REPLY_DELIVERED, NotificationKind.REPLY_DELIVERED.label(),
        Audience.users(record.deputies()), mail("尊敬的代表", text.toString(), more), link);
  }

  /** 代表评价: the lead deputy is asked to rate the reply ({@code taskId}) by {@code due}. */
  public void feedbackRequested(String proposalId, String deputy, String taskId, Date due) {
    ProposalRecord record = records.get(proposalId);
    String text = agencies.nameOf(record.leadAgency()) + "对您领衔提出的" + Texts.proposal(record)
        + "的答复已送达（复函全文见“答复（复函）”邮件）。\n"
        + "请于 " + day(due) + " 前对答复作出评价：满意、基本满意或不满意。逾期未评价的，记为未反馈。";
    String link = links.workspace(proposalId);
    record(record, null, NotificationKind.FEEDBACK_REQUESTED, NotificationKind.FEEDBACK_REQUESTED.label(),
        Audience.users(List.of(deputy)), mail(recipients.userName(deputy) + "代表", text, "评价入口：" + link), link);
  }

  /** 附议确认: a co-signer is asked to confirm or decline by {@code due}. */
  public void coSignatureRequested(String proposalId, String coSigner, Date due) {
    ProposalRecord record = records.get(proposalId);
    String text = record.nameOf(record.leadDeputy()) + "代表领衔提出" + Texts.proposal(record) + "，将您列为附议代表。\n"
        + "请于 " + day(due) + " 前在代表工作台确认是否同意附议；逾期未确认的，不计为附议人。";
    String link = links.workspace(proposalId);
    record(record, null, NotificationKind.CO_SIGNATURE_REQUESTED, NotificationKind.CO_SIGNATURE_REQUESTED.label(),
        Audience.users(List.of(coSigner)), mail(recipients.userName(coSigner) + "代表", text, "确认入口：" + link), link);
  }

  /** The co-signing left a motion short: its lead deputy submits it as a suggestion or withdraws it by {@code due}. */
  public void shortOfCoSigners(String proposalId, Date due) {
    ProposalRecord record = records.get(proposalId);
    // the co-signing is over: the record's deputies are those who stand behind it
    String text = "您领衔提出的" + Texts.proposal(record) + "附议确认期限已届满，确认联名的代表共 " + record.deputies().size()
        + " 名（含您本人），不足议案所需的 " + ProposalRules.MOTION_MIN_DEPUTIES + " 名。\n"
        + "请于 " + day(due) + " 前在代表工作台选择：改作建议提交（已确认的代表作为附议人），或撤回。";
    String link = links.workspace(proposalId);
    record(record, null, NotificationKind.SHORT_OF_CO_SIGNERS, NotificationKind.SHORT_OF_CO_SIGNERS.label(),
        Audience.users(List.of(record.leadDeputy())),
        mail(recipients.userName(record.leadDeputy()) + "代表", text, "处理入口：" + link), link);
  }

  /** 撤回: the co-signers who stood behind the proposal, or had not answered yet, learn that it was withdrawn. */
  public void withdrawn(String proposalId) {
    ProposalRecord record = records.get(proposalId);
    List<String> coSigners = record.coSigners();
    if (coSigners.isEmpty()) {
      return;
    }
    String text = record.nameOf(record.leadDeputy()) + "代表已撤回其领衔提出的" + Texts.proposal(record) + "，该件不再办理。";
    String link = links.workspace(proposalId);
    record(record, null, NotificationKind.WITHDRAWN, NotificationKind.WITHDRAWN.label(), Audience.users(coSigners),
        mail("尊敬的代表", text, "查看：" + link), link);
  }

  /**
   * The deputy is dissatisfied with the reply: the lead agency handles it again ({@code rehandling}) or the congress
   * office reviews it.
   */
  public void dissatisfied(String proposalId, String comment, boolean rehandling) {
    ProposalRecord record = records.get(proposalId);
    String group = Groups.agency(record.leadAgency());
    String text = "代表对你单位就" + Texts.proposal(record) + "所作的答复表示不满意。\n"
        + "代表意见：" + (comment == null || comment.isBlank() ? "（未说明）" : comment) + "\n\n"
        + (rehandling
            ? "请重新办理，与代表充分沟通后在一个月内再次答复。"
            : "重新办理后代表仍不满意，已提交县人大常委会办公室督办审议。");
    String link = links.record(proposalId);
    record(record, null, NotificationKind.DISSATISFIED, NotificationKind.DISSATISFIED.label(), Audience.group(group),
        mail(recipients.groupName(group), text, "查看案件：" + link), link);
  }

  /**
   * A reminder to the agency that owes the work, or an overdue alert to the supervisors; or an alert about the
   * application itself (no proposal) to the groups it names.
   */
  void alertRaised(String alertId, NewAlert alert) {
    if (alert.proposalId() == null) {
      topicAlertRaised(alertId, alert);
      return;
    }
    ProposalRecord record = records.get(alert.proposalId());
    boolean overdue = alert.kind().overdue();
    String salutation = alert.recipients().stream().map(recipients::groupName).collect(Collectors.joining("、"));
    String text = alert.message()
        + (alert.kind() == AlertKind.REPLY_OVERDUE ? "\n已在任务列表中生成“超期督办”任务，请记录督办情况。" : "");
    String link = links.record(alert.proposalId());
    String footer = "查看案件：" + link + "\n任务列表：" + links.tasklist();
    record(record, alertId, overdue ? NotificationKind.OVERDUE : NotificationKind.REMINDER, alert.kind().label(),
        Audience.groups(alert.recipients()), mail(salutation, text, footer), link);
  }

  /** An alert about the application (the working-day calendar): to the groups it names, about no proposal. */
  private void topicAlertRaised(String alertId, NewAlert alert) {
    String salutation = alert.recipients().stream().map(recipients::groupName).collect(Collectors.joining("、"));
    String link = links.calendar();
    store(null, null, alertId, NotificationKind.SYSTEM_ALERT, "【" + alert.kind().label() + "】" + alert.subject(),
        Audience.groups(alert.recipients()), mail(salutation, alert.message(), "节假日安排：" + link), link);
  }

  // --- recording --------------------------------------------------------------------------------------------

  private void record(
      ProposalRecord record, String alertId, NotificationKind kind, String label, Audience audience, String body,
      String link) {
    store(record.id(), record.processInstanceId(), alertId, kind, "【" + label + "】" + Texts.proposal(record), audience,
        body, link);
  }

  private void store(String proposalId, String processInstanceId, String alertId, NotificationKind kind,
      String subject, Audience audience, String body, String link) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO notification (id, proposal_id, alert_id, kind, audience, subject, body, link, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, proposalId, alertId, kind.name(), audience.stored(), subject, body, link, now())
        .update();

    List<String> addresses = recipients.mailAddresses(audience);
    if (addresses.isEmpty()) {
      log.warn("Notification {} ({}) of proposal {} has no mail address for {}", id, kind, proposalId,
          audience.stored());
      insertDelivery(UUID.randomUUID().toString(), id, Channel.MAIL, "", DeliveryStatus.UNDELIVERABLE, null,
          "没有可用的邮件地址 / no mail address for " + audience.stored());
    } else {
      schedule(id, mailEnabled ? Channel.MAIL : Channel.LOG, String.join(",", addresses), processInstanceId);
    }
    for (Recipients.Webhook webhook : recipients.webhooks(audience)) {
      schedule(id, Channel.WEBHOOK, webhook.url().toString(), processInstanceId);
    }
  }

  private void schedule(String notificationId, Channel channel, String target, String processInstanceId) {
    String deliveryId = UUID.randomUUID().toString();
    String jobId = jobs.schedule(deliveryId, processInstanceId);
    insertDelivery(deliveryId, notificationId, channel, target, DeliveryStatus.PENDING, jobId, null);
  }

  private void insertDelivery(
      String id, String notificationId, Channel channel, String target, DeliveryStatus status, String jobId,
      String error) {
    jdbc.sql("""
            INSERT INTO notification_delivery (id, notification_id, channel, target, status, job_id, last_error)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, notificationId, channel.name(), target, status.name(), jobId, error)
        .update();
  }

  // --- texts ------------------------------------------------------------------------------------------------

  private static String mail(String salutation, String text, String links) {
    return salutation + "：\n\n" + text + "\n\n" + links + "\n\n" + FOOTER;
  }

  private String names(List<String> agencyCodes) {
    return agencyCodes.stream().map(agencies::nameOf).collect(Collectors.joining("、"));
  }


  private String day(Date date) {
    return date == null ? "" : Texts.day(date.toInstant(), clock.getZone());
  }

  private static String day(LocalDate date) {
    return Texts.day(date);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
