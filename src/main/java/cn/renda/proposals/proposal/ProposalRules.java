package cn.renda.proposals.proposal;

import cn.renda.proposals.web.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules of the record on input: what a submission must be (our REST API and the Tasklist start form both end up
 * here, so a value refused in one is refused in all), and the limits of what the record stores. The answers of the
 * user tasks are checked by their contracts in the process feature, with these limits. Each rule adds to
 * {@link Violations}; callers refuse the input when any rule failed, before anything is stored.
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

  /** A session code (届次会议), e.g. {@code 2020}; the start form checks the same pattern. */
  public static final Pattern SESSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");
  /** A phone number as people write it; the reply form checks the same pattern. */
  public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,27}[0-9]");
  public static final int CONTACT_PERSON_MAX = 50;

  private ProposalRules() {}

  /** A submission: kind, session, title, content, distinct existing deputies, and enough of them for a motion. */
  public static void submission(NewProposal proposal, Predicate<String> isDeputy, Violations violations) {
    violations.required(NewProposal.KIND, proposal.kind(), "类型（议案或建议）");
    session(proposal.session(), violations);
    if (violations.required(NewProposal.TITLE, proposal.title(), "案由（标题）")) {
      violations.text(NewProposal.TITLE, proposal.title(), "案由（标题）", TITLE_MIN, TITLE_MAX);
    }
    if (violations.required(NewProposal.CONTENT, proposal.content(), "内容")) {
      violations.text(NewProposal.CONTENT, proposal.content(), "内容", 1, CONTENT_MAX);
    }
    if (violations.required(NewProposal.LEAD_DEPUTY, proposal.leadDeputy(), "领衔代表")
        && !isDeputy.test(proposal.leadDeputy())) {
      violations.add(NewProposal.LEAD_DEPUTY, "unknown-deputy", "领衔代表不存在或不是人大代表：" + proposal.leadDeputy(),
          "leadDeputy is not a known deputy: " + proposal.leadDeputy());
    }
    List<String> coSigners = proposal.coSigners();
    if (coSigners.size() > MAX_CO_SIGNERS) {
      violations.add(NewProposal.CO_SIGNERS, "size", "附议代表不能超过" + MAX_CO_SIGNERS + "名",
          "at most " + MAX_CO_SIGNERS + " co-signers");
      return;
    }
    Set<String> seen = new HashSet<>();
    if (proposal.leadDeputy() != null) {
      seen.add(proposal.leadDeputy());
    }
    for (int i = 0; i < coSigners.size(); i++) {
      String coSigner = coSigners.get(i);
      String field = NewProposal.CO_SIGNERS + "[" + i + "]";
      if (coSigner == null || coSigner.isBlank()) {
        violations.add(field, "required", "附议代表不能为空", "co-signer must not be empty");
      } else if (coSigner.equals(proposal.leadDeputy())) {
        violations.add(field, "lead-as-co-signer", "领衔代表不能同时作为附议代表：" + coSigner,
            "the lead deputy cannot also co-sign: " + coSigner);
      } else if (!seen.add(coSigner)) {
        violations.add(field, "duplicate", "代表重复：" + coSigner, "deputy listed twice: " + coSigner);
      } else if (!isDeputy.test(coSigner)) {
        violations.add(field, "unknown-deputy", "附议代表不存在或不是人大代表：" + coSigner,
            "co-signer is not a known deputy: " + coSigner);
      }
    }
    int deputies = (proposal.leadDeputy() == null ? 0 : 1) + coSigners.size();
    if (proposal.kind() == ProposalKind.MOTION && deputies < MOTION_MIN_DEPUTIES) {
      violations.add(NewProposal.CO_SIGNERS, "motion-deputies", "议案须由" + MOTION_MIN_DEPUTIES + "名以上代表联名（含领衔人），当前"
          + deputies + "名",
          "a motion needs at least " + MOTION_MIN_DEPUTIES + " deputies (lead and co-signers), has " + deputies);
    }
  }

  /** A session code (届次会议), as submissions and case numbering take it: 1–20 letters and digits, e.g. 2020. */
  public static void session(String session, Violations violations) {
    if (violations.required(NewProposal.SESSION, session, "届次会议") && !SESSION.matcher(session).matches()) {
      violations.add(NewProposal.SESSION, "format", "届次会议代码应为 1–20 位字母、数字（如 2020）",
          "session must be 1-20 letters or digits (e.g. 2020)");
    }
  }
}
