package cn.renda.proposals.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agencies that can be assigned proposals. */
@RestController
@RequestMapping("/api/agencies")
@Tag(name = "agencies", description = "承办单位 / agencies")
class AgencyController {

  private final AgencyDirectory agencies;

  AgencyController(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  @GetMapping
  @Operation(summary = "Active agencies in configured order")
  List<Agency> list() {
    return agencies.all();
  }
}
