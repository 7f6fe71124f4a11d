package cn.renda.proposals.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The calendar page ({@code /calendar}): static HTML and script, reading and changing the calendar through
 * {@code /api/calendar} with the session of the Camunda webapps' login. The page holds no data itself.
 */
@Controller
class CalendarPage {

  @GetMapping({"/calendar", "/calendar/"})
  String page() {
    return "forward:/calendar/index.html";
  }
}
