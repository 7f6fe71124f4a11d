package cn.renda.proposals.proposal;

import cn.renda.proposals.web.Violations;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The business rules on input, in one place: our REST API, Tasklist forms and the engine REST API all end up here,
 * so a value refused in one is refused in all. Each rule adds to {@link Violations}; callers refuse the input when
 * any rule failed, before anything is stored.
 */
public final class ProposalRules {

  public static final int MOTION_MIN_DEPUTIES = 10;
  public static final int TITLE_MIN = 5;
  public static final int TITLE_MAX = 200;
  public static final int CONTENT_MAX = 50_000;
  public static final int REPLY_MAX = 100_000;
  public static final int OPINION_MAX = 20_000;
  public static final int COMMENT_MAX = 2_000;
  public static final int MAX_CO_SIGNERS = 500;

  private static final Pattern SESSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,28}[0-9]");

  private ProposalRules() {}

  /** A submission: kind, session, title, content, distinct existing deputies, and enough of them for a motion. */
  public static void submission(NewProposal proposal, Predicate<String> isDeputy, Violations violations) {
    violations.required("kind", proposal.kind(), "类型（议案或建议）");
    session(proposal.session(), violations);
    if (violations.required("title", proposal.title(), "案由（标题）")) {
      violations.text("title", proposal.title(), "案由（标题）", TITLE_MIN, TITLE_MAX);
    }
    if (violations.required("content", proposal.content(), "内容")) {
      violations.text("content", proposal.content(), "内容", 1, CONTENT_MAX);
    }
    if (violations.required("leadDeputy", proposal.leadDeputy(), "领衔代表") && !isDeputy.test(proposal.leadDeputy())) {
      violations.add("leadDeputy", "unknown-deputy", "领衔代表不存在或不是人大代表：" + proposal.leadDeputy(),
          "leadDeputy is not a known deputy: " + proposal.leadDeputy());
    }
    List<String> coSigners = proposal.coSigners();
    if (coSigners.size() > MAX_CO_SIGNERS) {
      violations.add("coSigners", "size", "附议代表不能超过" + MAX_CO_SIGNERS + "名",
          "at most " + MAX_CO_SIGNERS + " co-signers");
      return;
    }
    Set<String> seen = new HashSet<>();
    if (proposal.leadDeputy() != null) {
      seen.add(proposal.leadDeputy());
    }
    for (int i = 0; i < coSigners.size(); i++) {
      String coSigner = coSigners.get(i);
      String field = "coSigners[" + i + "]";
      if (coSigner == null || coSigner.isBlank()) {
        violations.add(field, "required", "附议代表不能为空", "co-signer must not be empty");
      } else if (!seen.add(coSigner)) {
        violations.add(field, "duplicate", "代表重复：" + coSigner, "deputy listed twice: " + coSigner);
      } else if (!isDeputy.test(coSigner)) {
        violations.add(field, "unknown-deputy", "附议代表不存在或不是人大代表：" + coSigner,
            "co-signer is not a known deputy: " + coSigner);
      }
    }
    int deputies = (proposal.leadDeputy() == null ? 0 : 1) + coSigners.size();
    if (proposal.kind() == ProposalKind.MOTION && deputies < MOTION_MIN_DEPUTIES) {
      violations.add("coSigners", "motion-deputies", "议案须由" + MOTION_MIN_DEPUTIES + "名以上代表联名（含领衔人），当前" + deputies + "名",
          "a motion needs at least " + MOTION_MIN_DEPUTIES + " deputies (lead and co-signers), has " + deputies);
    }
  }

  /** A session code (届次会议), as submissions and case numbering take it: 1–20 letters and digits, e.g. 2020. */
  public static void session(String session, Violations violations) {
    if (violations.required("session", session, "届次会议") && !SESSION.matcher(session).matches()) {
      violations.add("session", "format", "届次会议代码应为 1–20 位字母、数字（如 2020）",
          "session must be 1-20 letters or digits (e.g. 2020)");
    }
  }

  /** An assignment: a known lead agency, known distinct co-agencies other than the lead, a known issuer. */
  public static void assignment(
      String leadAgency, List<String> coAgencies, String replyIssuer, Predicate<String> isAgency, Violations v) {
    if (v.required("leadAgency", leadAgency, "主办单位") && !isAgency.test(leadAgency)) {
      v.add("leadAgency", "unknown-agency", "未知的单位代码：" + leadAgency, "unknown agency code: " + leadAgency);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < coAgencies.size(); i++) {
      String code = coAgencies.get(i);
      String field = "coAgencies[" + i + "]";
      if (code.equals(leadAgency)) {
        v.add(field, "lead-is-co", "主办单位不能同时作为协办单位：" + code, "the lead agency cannot also be a co-agency: " + code);
      } else if (!seen.add(code)) {
        v.add(field, "duplicate", "协办单位重复：" + code, "co-agency listed twice: " + code);
      } else if (!isAgency.test(code)) {
        v.add(field, "unknown-agency", "未知的单位代码：" + code, "unknown agency code: " + code);
      }
    }
    if (replyIssuer != null && !isAgency.test(replyIssuer)) {
      v.add("replyIssuer", "unknown-agency", "未知的单位代码：" + replyIssuer, "unknown agency code: " + replyIssuer);
    }
  }

  /**
   * A reply: text, classification and the communication with the deputy are required (no reply reaches sign-off
   * without the communication recorded); a B reply needs a planned resolution date in the future.
   */
  public static void reply(
      String text,
      Classification classification,
      CommunicationMethod communication,
      String contactPerson,
      String contactPhone,
      LocalDate plannedResolutionDate,
      LocalDate today,
      Violations v) {
    if (v.required("replyText", text, "答复正文")) {
      v.text("replyText", text, "答复正文", 1, REPLY_MAX);
    }
    if (!v.has("classification")) {
      v.required("classification", classification, "类别标记（A/B/C/D）");
    }
    if (!v.has("communicationMethod") && communication == null) {
      v.add("communicationMethod", "communication-required", "答复前须与代表沟通，请填写沟通方式",
          "the communication with the deputy must be recorded before the reply goes to sign-off");
    }
    v.text("contactPerson", contactPerson, "联系人", 0, 50);
    if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
      v.add("contactPhone", "format", "联系电话格式不正确：" + contactPhone, "contactPhone is not a phone number");
    }
    if (classification == Classification.B && !v.has("plannedResolutionDate")) {
      if (plannedResolutionDate == null) {
        v.add("plannedResolutionDate", "required-for-b", "类别标记为B时须填写计划解决日期",
            "a B reply needs the planned resolution date");
      } else if (!plannedResolutionDate.isAfter(today)) {
        v.add("plannedResolutionDate", "future", "计划解决日期须晚于今天（" + today + "）",
            "plannedResolutionDate must be after today (" + today + ")");
      }
    }
  }

  /** A comment: optional unless {@code required}, at most {@code max} characters, no markup. */
  public static void comment(String field, String value, String nameZh, boolean required, int max, Violations v) {
    if (required) {
      if (!v.required(field, value, nameZh)) {
        return;
      }
    }
    v.text(field, value, nameZh, 0, max);
  }
}
