package cn.renda.proposals.paper;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reply letter (复函) as PDF: from the record, for whoever may see it, and from the public record. */
@RestController
@Tag(name = "paper", description = "纸质文书与表格 / printed documents and spreadsheets")
class LetterController {

  private final ReplyLetters letters;

  LetterController(ReplyLetters letters) {
    this.letters = letters;
  }

  @GetMapping("/api/proposals/{id}/replies/{version}.pdf")
  @Operation(summary = "A delivered reply version as the letter (复函), A4 PDF")
  ResponseEntity<byte[]> ofRecord(CurrentUser user, @PathVariable String id, @PathVariable int version) {
    return pdf(letters.ofRecord(user, id, version)
        .orElseThrow(() -> new NotFoundException("reply " + version + " of proposal " + id)));
  }

  @GetMapping("/public/proposals/{id}/reply.pdf")
  @Operation(summary = "The published reply letter (复函) as PDF, contact phone masked as on the public record")
  ResponseEntity<byte[]> published(@PathVariable String id) {
    return pdf(letters.published(id).orElseThrow(() -> new NotFoundException("public reply of " + id)));
  }

  static ResponseEntity<byte[]> pdf(ReplyLetters.Pdf document) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(document.content());
  }
}
