package cn.renda.proposals.paper;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page of paper files at {@code /paper} (static, {@code static/paper/}): the congress office uploads its intake
 * file and watches it run, the government office uploads an assignment plan, anyone signed in prints notices and
 * exports lists. It works on the API with the webapps' session.
 */
@Controller
class PaperPage {

  @GetMapping({"/paper", "/paper/"})
  String page() {
    return "forward:/paper/index.html";
  }
}
