package cn.renda.proposals.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The county's agencies, configured under {@code proposals.agencies}. */
@Validated
@ConfigurationProperties("proposals")
public record AgencyProperties(@Valid List<Entry> agencies) {

  public AgencyProperties {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
  }

  /** One configured agency; the code becomes part of group ids, so it is short lowercase ascii. */
  public record Entry(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9]{0,15}", message = "agency code must be lowercase ascii, 1-16 chars")
          String code,
      @NotBlank @Size(max = 100) String name) {}
}
