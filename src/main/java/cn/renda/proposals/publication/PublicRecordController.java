package cn.renda.proposals.publication;

import cn.renda.proposals.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public record (公开): HTML for browsers, JSON for {@code Accept: application/json}. Open to everyone; only
 * published proposals exist here, anything else is 404.
 */
@Controller
@RequestMapping("/public/proposals")
class PublicRecordController {

  private final PublicRecords records;

  PublicRecordController(PublicRecords records) {
    this.records = records;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  PublicRecord.Page listJson(@RequestParam(defaultValue = "0") int page) {
    return records.list(Math.max(page, 0));
  }

  @GetMapping
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", records.list(Math.max(page, 0)));
    model.addAttribute("site", records.properties());
    return "public/list";
  }

  @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  PublicRecord recordJson(@PathVariable String id) {
    return records.view(id).orElseThrow(() -> new NotFoundException("public record " + id));
  }

  @GetMapping("/{id}")
  String record(@PathVariable String id, Model model, HttpServletResponse response) {
    Optional<PublicRecord> record = records.view(id);
    model.addAttribute("site", records.properties());
    if (record.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "public/not-found";
    }
    model.addAttribute("record", record.get());
    return "public/record";
  }
}
