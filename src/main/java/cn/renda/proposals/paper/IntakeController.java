package cn.renda.proposals.paper;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.web.PayloadTooLargeException;
import cn.renda.proposals.web.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intake from Excel (纸质议案建议登记) for the congress office: the template, the upload, the upload's progress. */
@RestController
@RequestMapping("/api/paper/intake")
@Tag(name = "paper")
class IntakeController {

  static final MediaType XLSX = MediaType.parseMediaType(RequestSizeLimitFilter.SPREADSHEET);

  private final PaperIntake intake;

  IntakeController(PaperIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/template.xlsx")
  @Operation(summary = "The intake template of a session (.xlsx): Chinese headers, drop-down lists, instructions")
  ResponseEntity<byte[]> template(CurrentUser user, @RequestParam String session) {
    return xlsx("纸质议案建议登记表-" + session + ".xlsx", intake.template(user, session));
  }

  @PostMapping(consumes = RequestSizeLimitFilter.SPREADSHEET)
  @Operation(summary = "Upload a filled template (the .xlsx as the request body): registers its rows as a job; "
      + "all or nothing unless mode=PER_ROW")
  ResponseEntity<IntakeJob.View> upload(CurrentUser user, @RequestParam String session,
      @Parameter(description = "ALL_OR_NOTHING（默认：有任何错误则全部不登记）或 PER_ROW（逐行登记）")
      @RequestParam(defaultValue = "ALL_OR_NOTHING") PaperIntake.Mode mode,
      HttpServletRequest request) throws IOException {
    IntakeJob.View job = intake.start(user, session, mode, body(request));
    return ResponseEntity.accepted().location(URI.create("/api/paper/intake/jobs/" + job.id())).body(job);
  }

  @GetMapping("/jobs/{id}")
  @Operation(summary = "An upload's progress and, row by row, its report")
  IntakeJob.View job(CurrentUser user, @PathVariable String id) {
    return intake.job(user, id);
  }

  /** The uploaded file, up to its limit (the API's 1 MB limit does not apply to spreadsheets). */
  static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > PaperIntake.MAX_BYTES) {
      throw new PayloadTooLargeException(PaperIntake.MAX_BYTES);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = request.getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > PaperIntake.MAX_BYTES) {
          throw new PayloadTooLargeException(PaperIntake.MAX_BYTES);
        }
      }
    }
    return out.toByteArray();
  }

  static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"paper.xlsx\"; filename*=UTF-8''" + encoded)
        .body(content);
  }
}
