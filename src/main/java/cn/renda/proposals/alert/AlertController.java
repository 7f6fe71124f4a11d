package cn.renda.proposals.alert;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.web.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** In-app alerts: reminders and overdue alerts (预警提醒), and their acknowledgement. */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts", description = "期限提醒与超期预警 / reminders and overdue alerts")
class AlertController {

  static final int LIMIT_DEFAULT = 100;
  static final int LIMIT_MAX = 500;

  private final AlertInbox inbox;

  AlertController(AlertInbox inbox) {
    this.inbox = inbox;
  }

  /** A proposal's id as the record gives them (a UUID), or anything of its letters: never a control character. */
  private static final java.util.regex.Pattern PROPOSAL_ID = java.util.regex.Pattern.compile("[0-9A-Za-z-]{1,64}");

  @GetMapping
  @Operation(summary = "My alerts and my groups' (supervisors: also every overdue alert), open first")
  List<AlertView> list(
      CurrentUser user,
      @RequestParam(required = false) @Parameter(description = "OPEN or ACKNOWLEDGED") String status,
      @RequestParam(required = false) String proposalId,
      @RequestParam(required = false) @Parameter(description = "1 to 500, default 100") String limit) {
    // parameters are read as text: every refusal gets our problem shape, in both languages
    Violations violations = new Violations();
    AlertInbox.Status wanted = null;
    if (status != null) {
      try {
        wanted = AlertInbox.Status.valueOf(status);
      } catch (IllegalArgumentException e) {
        violations.add("status", "choice", "status 应为 OPEN 或 ACKNOWLEDGED", "status must be OPEN or ACKNOWLEDGED");
      }
    }
    int max = LIMIT_DEFAULT;
    if (limit != null) {
      try {
        max = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        max = 0;
      }
      if (max < 1 || max > LIMIT_MAX) {
        violations.add("limit", "range", "limit 应为 1 至 " + LIMIT_MAX + " 的整数", "limit must be a number from 1 to "
            + LIMIT_MAX);
      }
    }
    if (proposalId != null && !PROPOSAL_ID.matcher(proposalId).matches()) {
      violations.add("proposalId", "format", "proposalId 应为议案建议的编号（1 至 64 个字母、数字或连字符）",
          "proposalId must be a proposal's id (1 to 64 letters, digits or hyphens)");
    }
    violations.throwIfAny();
    return inbox.visibleTo(user, wanted, proposalId, max);
  }

  @PostMapping("/{id}/ack")
  @Operation(summary = "Acknowledge an alert (once; acknowledging again changes nothing)")
  AlertView acknowledge(CurrentUser user, @PathVariable String id) {
    return inbox.acknowledge(id, user);
  }
}
