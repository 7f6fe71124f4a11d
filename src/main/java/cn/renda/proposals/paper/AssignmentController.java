package cn.renda.proposals.paper;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.web.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk assignment (批量交办) for the government office: the plan's template and the plan's upload; and each agency's
 * assignment notice (交办通知单) of the round.
 */
@RestController
@RequestMapping("/api/paper/assignment")
@Tag(name = "paper")
class AssignmentController {

  private final BulkAssignment assignment;
  private final AssignmentNotices notices;

  AssignmentController(BulkAssignment assignment, AssignmentNotices notices) {
    this.assignment = assignment;
    this.notices = notices;
  }

  @GetMapping("/template.xlsx")
  @Operation(summary = "The assignment plan's template: the session's proposals waiting at 交办, agency drop-downs")
  ResponseEntity<byte[]> template(CurrentUser user, @RequestParam String session) {
    return IntakeController.xlsx("交办方案-" + session + ".xlsx", assignment.template(user, session));
  }

  @GetMapping("/notice.pdf")
  @Operation(summary = "An agency's assignment notice (交办通知单) of a day's round: its proposals and deadlines, PDF")
  ResponseEntity<byte[]> notice(CurrentUser user, @RequestParam String session, @RequestParam String agency,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return LetterController.pdf(notices.notice(user, session, agency, date));
  }

  @PostMapping(consumes = RequestSizeLimitFilter.SPREADSHEET)
  @Operation(summary = "Upload a plan (the .xlsx as the request body): each row completes that proposal's 交办 task")
  BulkAssignment.Report upload(CurrentUser user, @RequestParam String session, HttpServletRequest request)
      throws IOException {
    return assignment.assign(user, session, IntakeController.body(request));
  }
}
